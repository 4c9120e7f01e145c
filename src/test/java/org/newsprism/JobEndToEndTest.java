package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.config.CommandLine;

/** The whole job, as the command line runs it, on the seed and on a small mixed corpus. */
class JobEndToEndTest {
    private static final List<String> TABLES = Job.TABLES;
    private final SparkSession spark = SharedSpark.session();

    private RunReport run(String... args) {
        Job.Prepared prepared = Job.prepare(CommandLine.parse(args).settings());
        return new Job(spark, prepared.settings(), prepared.files()).run();
    }

    private Dataset<Row> table(Path out, String name) {
        return org.newsprism.io.Tables.read(spark, out.resolve(name).toString());
    }

    private long sql(String query) {
        Row r = spark.sql(query).first();
        return r.isNullAt(0) ? 0L : ((Number) r.get(0)).longValue();
    }

    @Test
    void seedArticleGivesEveryExpectedEntityWithoutTheDisclaimer(@TempDir Path out) throws Exception {
        RunReport report = run("--input", "seeds", "--output", out.toString());
        assertTrue(report.reconciled());
        assertEquals(1L, report.counts().get("articles"));

        Row article = table(out, "articles").first();
        String text = article.getAs("text");
        assertFalse(text.contains("Haftungsausschluss"), "footer removed");
        assertTrue(text.endsWith("bekräftigte der Präsident."));
        assertEquals("de", article.getAs("language"));
        assertEquals("000_24fff44031e5e025.txt", article.getAs("article_id"));

        Map<String, Set<String>> surfacesById = table(out, "mentions").collectAsList().stream().collect(Collectors.groupingBy(
                r -> r.<String>getAs("entity_id"), TreeMap::new, Collectors.mapping(r -> r.<String>getAs("surface"), Collectors.toSet())));
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("volodymyr-zelensky", List.of("Wolodymyr Selenskyj", "Selenskyj")),
                Map.entry("donald-trump", List.of("Donald Trump", "Trump")),
                Map.entry("vladimir-putin", List.of("Wladimir Putin", "Putin")),
                Map.entry("steve-witkoff", List.of("Steve Witkoff", "Witkoff")),
                Map.entry("friedrich-merz", List.of("Friedrich Merz")),
                Map.entry("ursula-von-der-leyen", List.of("Ursula von der Leyen")),
                Map.entry("mark-rutte", List.of("Mark Rutte")),
                Map.entry("ukraine", List.of("Ukraine")),
                Map.entry("russia", List.of("Russland")),
                Map.entry("united-states", List.of("USA", "Vereinigten Staaten", "US")),
                Map.entry("nato", List.of("Nato")),
                Map.entry("european-union", List.of("EU")),
                Map.entry("alaska", List.of("Alaska")),
                Map.entry("washington-dc", List.of("Washington")),
                Map.entry("brussels", List.of("Brüssel")),
                Map.entry("istanbul", List.of("Istanbul")),
                Map.entry("kyiv", List.of("Kiew")),
                Map.entry("moscow", List.of("Moskau", "Moskaus")),
                Map.entry("cnn", List.of("CNN")),
                Map.entry("fox-news", List.of("Fox News")));
        expected.forEach((id, surfaces) -> {
            assertTrue(surfacesById.containsKey(id), id + " missing from " + surfacesById.keySet());
            assertTrue(surfacesById.get(id).containsAll(surfaces), id + ": " + surfacesById.get(id));
        });
        // Every mention's offsets point at its surface in articles.text (code points, end exclusive).
        int[] codePoints = text.codePoints().toArray();
        for (Row m : table(out, "mentions").collectAsList()) {
            int begin = m.getAs("begin");
            int end = m.getAs("end");
            assertEquals(m.<String>getAs("surface"), new String(codePoints, begin, end - begin));
        }
        assertEquals((long) report.counts().get("sentences"), table(out, "sentences").count());
        double meanOfSentences = table(out, "sentences").where("word_count > 0")
                .agg(org.apache.spark.sql.functions.avg("sentiment")).first().getDouble(0);
        assertEquals(article.<Double>getAs("sentiment"), meanOfSentences, 1e-9, "article tone = mean sentence score");
        long mentions = table(out, "mentions").count();
        long dailySum = table(out, "entity_daily").agg(org.apache.spark.sql.functions.sum("mentions")).first().getLong(0);
        assertEquals(mentions, dailySum, "entity_daily.mentions sums to the mention count");
        assertEquals(mentions, report.counts().get("mentions"));
    }

    @Test
    void mixedCorpusAccountsForEveryRecordPerFile(@TempDir Path out) throws IOException {
        RunReport report = run("--input", "src/test/resources/corpus", "--output", out.toString());
        assertTrue(report.reconciled(), report.toJson());
        Map<String, Long> counts = report.counts();
        assertEquals(counts.get("records_read"), counts.get("articles") + counts.get("duplicates") + counts.get("rejected"));
        // feed.jsonl: 10 records; sheet.csv: 2; sheet.tsv: 1; text/: 3 files.
        assertEquals(16L, counts.get("records_read"));
        assertEquals(1L, counts.get("duplicates"));
        assertEquals(8L, counts.get("rejected"));
        assertEquals(7L, counts.get("articles"));

        Row duplicate = table(out, "duplicates").first();
        assertEquals("a2", duplicate.getAs("article_id"));
        assertEquals("a1", duplicate.getAs("duplicate_of"), "the earlier of two identical texts is kept");
        assertEquals(1, table(out, "articles").where("article_id = 'a1'").first().<Integer>getAs("duplicate_count"));

        List<String> reasons = table(out, "rejected").select("reason").as(Encoders.STRING()).collectAsList();
        assertTrue(reasons.contains("not a text file (binary content or invalid UTF-8)"), reasons.toString());
        assertTrue(reasons.contains("empty after normalisation (fewer than 20 characters)"), reasons.toString());
        assertEquals(5L, table(out, "rejected").where("stage = 'read' and input_file like '%feed.jsonl'").count());

        Row b1 = table(out, "articles").where("article_id = 'b1'").first();
        assertEquals("news.example.org", b1.getAs("source"));
        assertEquals("en", b1.getAs("language"));
        assertEquals(java.sql.Timestamp.from(java.time.Instant.parse("2025-08-18T09:30:00Z")), b1.getAs("published_at"));
        assertEquals(java.sql.Date.valueOf("2025-08-18"), b1.getAs("published_date"));

        JsonNode runJson = new ObjectMapper().readTree(out.resolve("_run.json").toFile());
        assertTrue(runJson.get("reconciled").asBoolean());
        assertEquals(6, runJson.get("inputs").size());
        assertEquals(8, runJson.get("rejected_by_stage").get("read").asInt() + runJson.get("rejected_by_stage").get("normalize").asInt());
        assertTrue(runJson.get("config").get("dedup").get("exact").get("enabled").asBoolean());
        for (String stage : List.of("read_normalize", "dedup", "nlp", "aggregate_write", "write_entity_pairs", "report")) {
            assertTrue(runJson.get("timings_ms").get(stage).asLong() >= 0, stage);
            assertTrue(runJson.get("cpu_ms").get(stage).asLong() >= 0, stage);
        }
        assertTrue(runJson.get("cpu_ms").get("nlp").asLong() > 0, "annotating articles takes CPU time");
    }

    /** A table for DuckDB: every Parquet file below it, partition columns from the directory names. */
    private static String duck(Path out, String name) {
        return "read_parquet('" + out.resolve(name) + "/**/*.parquet', hive_partitioning = true)";
    }

    @Test
    void duplicatesOfEveryMethodPointToTheKeptArticleAndNeverReachTheMentions(@TempDir Path out) throws IOException {
        RunReport report = run("--input", "src/test/resources/corpus-dedup", "--output", out.toString());
        assertTrue(report.reconciled(), report.toJson());
        assertEquals(Map.of("exact", 1L, "near", 1L, "url", 1L), report.duplicatesByMethod());

        Map<String, Row> duplicates = table(out, "duplicates").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("article_id"), r -> r));
        assertEquals(Set.of("n2", "n3", "n4"), duplicates.keySet());
        duplicates.values().forEach(d -> assertEquals("n1", d.getAs("duplicate_of")));
        assertEquals("near", duplicates.get("n2").getAs("method"), "a syndicated copy with a footer");
        assertEquals("exact", duplicates.get("n3").getAs("method"), "n2's text, redirected to n1");
        assertEquals("url", duplicates.get("n4").getAs("method"), "the same page fetched again, updated");
        assertEquals(duplicates.get("n2").<Double>getAs("similarity"), duplicates.get("n3").<Double>getAs("similarity"));

        assertEquals(Set.of("n1", "n5"), Set.copyOf(table(out, "articles").select("article_id").as(Encoders.STRING()).collectAsList()));
        assertEquals(3, table(out, "articles").where("article_id = 'n1'").first().<Integer>getAs("duplicate_count"));
        List<String> mentioning = table(out, "mentions").select("article_id").distinct().as(Encoders.STRING()).collectAsList();
        assertTrue(mentioning.contains("n1") && mentioning.stream().noneMatch(duplicates::containsKey), mentioning.toString());
        assertEquals(1L, table(out, "entity_daily").where("entity_id = 'friedrich-merz'").first().<Long>getAs("articles"));

        JsonNode runJson = new ObjectMapper().readTree(out.resolve("_run.json").toFile());
        assertEquals(3, runJson.get("counts").get("duplicates").asInt());
        assertEquals(1, runJson.get("duplicates_by_method").get("url").asInt());
        assertEquals(0.5, runJson.get("config").get("dedup").get("near").get("threshold").asDouble());
    }

    @Test
    void tablesKeepTheirInvariantsAndDuckDbReadsEveryOneWithSparksCounts(@TempDir Path out) throws Exception {
        RunReport report = run("--input", "src/test/resources/corpus", "--input", "seeds", "--input",
                "src/test/resources/escaping/script.jsonl", "--conf", "src/test/resources/escaping/escaping.conf",
                "--output", out.toString());
        for (String name : TABLES) {
            table(out, name).createOrReplaceTempView(name);
        }
        // Invariants between the tables.
        long mentions = sql("SELECT count(*) FROM mentions");
        assertTrue(mentions > 0);
        // scripts/query.sh: every table is a view of its name.
        assertEquals(sql("SELECT count(*) FROM entity_daily"), Query.run(spark, out.toString(),
                "SELECT count(*) FROM entity_daily d JOIN entities e USING (entity_id)").first().getLong(0));
        for (String name : TABLES) {
            assertEquals(sql("SELECT count(*) FROM " + name),
                    Query.run(spark, out.toString(), "SELECT count(*) FROM " + name).first().getLong(0), name);
        }
        assertEquals(mentions, sql("SELECT sum(mentions) FROM entity_daily"), "entity_daily.mentions sums to the mentions");
        assertEquals(mentions, sql("SELECT sum(mentions) FROM entities"), "entities.mentions sums to the mentions");
        long articles = sql("SELECT count(*) FROM articles");
        assertEquals(articles, sql("SELECT count(DISTINCT article_id) FROM articles"), "one row per article");
        assertEquals(articles, sql("SELECT count(*) FROM dedup_index"));
        assertEquals(articles, report.counts().get("articles"));
        assertEquals(sql("SELECT count(*) FROM duplicates"), sql("SELECT sum(duplicate_count) FROM articles"),
                "duplicate_count counts the duplicates rows pointing at the article");
        assertEquals(0, sql("SELECT count(*) FROM duplicates d LEFT ANTI JOIN articles a ON d.duplicate_of = a.article_id"));
        assertEquals(0, sql("SELECT count(*) FROM entity_daily d LEFT ANTI JOIN entities e ON d.entity_id = e.entity_id"),
                "no entity in entity_daily without its entities row");
        assertEquals(0, sql("SELECT count(*) FROM entity_pairs p LEFT ANTI JOIN entities e ON p.entity_a = e.entity_id"));
        assertEquals(0, sql("SELECT count(*) FROM entity_pairs p LEFT ANTI JOIN entities e ON p.entity_b = e.entity_id"));
        assertEquals(0, sql("SELECT count(*) FROM entity_pairs WHERE NOT entity_a < entity_b"), "pairs in a stable order");
        int cap = org.newsprism.config.ConfigLoader.defaults().config().output().pairEntitiesPerArticle();
        assertEquals(sql("SELECT sum(k * (k - 1) / 2) FROM (SELECT least(count(DISTINCT entity_id), " + cap
                        + ") AS k FROM mentions GROUP BY article_id)"),
                sql("SELECT sum(articles) FROM entity_pairs"),
                "each article with k entities gives k(k-1)/2 pairs among at most " + cap + " of them");
        assertTrue(sql("SELECT count(*) FROM entity_pairs") > 0);
        assertEquals(0, sql("SELECT count(*) FROM entity_pairs p JOIN (SELECT published_date, entity_id, sum(articles) AS n"
                + " FROM entity_daily GROUP BY 1, 2) d ON p.published_date <=> d.published_date"
                + " AND (p.entity_a = d.entity_id OR p.entity_b = d.entity_id) WHERE p.articles > d.n OR p.sentences > p.articles * 1000"),
                "a pair is in no more articles than either entity that day");
        assertEquals(articles, sql("SELECT sum(articles) FROM source_daily"));
        assertEquals(sql("SELECT count(*) FROM duplicates"), sql("SELECT sum(duplicates) FROM source_daily"));
        assertEquals(sql("SELECT count(*) FROM rejected"), sql("SELECT sum(rejected) FROM source_daily"));
        assertEquals(sql("SELECT count(*) FROM sentences"), sql("SELECT sum(sentence_count) FROM articles"));

        // Files: one per partition of a partitioned table, one for each small table; logical types.
        for (String name : TABLES) {
            try (var files = Files.walk(out.resolve(name))) {
                Map<Path, Long> perDirectory = files.filter(p -> p.toString().endsWith(".parquet"))
                        .collect(Collectors.groupingBy(Path::getParent, Collectors.counting()));
                assertTrue(perDirectory.values().stream().allMatch(n -> n == 1), name + ": " + perDirectory);
                boolean partitioned = org.newsprism.io.Tables.PARTITIONED.contains(name);
                assertEquals(partitioned, perDirectory.keySet().stream().allMatch(d -> d.getFileName().toString()
                        .startsWith("published_date=")), name);
            }
        }
        assertTrue(Files.isDirectory(out.resolve("articles/published_date=__HIVE_DEFAULT_PARTITION__")),
                "the seed has no date");

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            for (String name : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + duck(out, name))) {
                    rs.next();
                    assertEquals(table(out, name).count(), rs.getLong(1), name);
                }
                Set<String> duckColumns = new java.util.TreeSet<>();
                try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + duck(out, name))) {
                    while (rs.next()) {
                        duckColumns.add(rs.getString(1));
                    }
                }
                assertEquals(new java.util.TreeSet<>(List.of(table(out, name).columns())), duckColumns, name);
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + duck(out, "mentions")
                    + " WHERE entity_id = 'vladimir-putin' AND published_date IS NULL")) {
                assertTrue(rs.next());
                assertEquals(table(out, "mentions").where("entity_id = 'vladimir-putin' AND published_date IS NULL").count(),
                        rs.getLong(1));
                assertTrue(rs.getLong(1) > 0);
            }
            try (ResultSet rs = statement.executeQuery("SELECT typeof(published_at), typeof(published_date),"
                    + " count(*) FILTER (WHERE published_date = DATE '2025-08-18') FROM " + duck(out, "articles") + " GROUP BY ALL")) {
                rs.next();
                assertEquals("TIMESTAMP WITH TIME ZONE", rs.getString(1));
                assertEquals("DATE", rs.getString(2));
                assertEquals(table(out, "articles").where("published_date = DATE'2025-08-18'").count(), rs.getLong(3));
            }
            try (ResultSet rs = statement.executeQuery("SELECT typeof(sentiment_mean), typeof(languages), typeof(signature)"
                    + " FROM " + duck(out, "source_daily") + ", " + duck(out, "dedup_index") + " LIMIT 1")) {
                rs.next();
                assertEquals("DOUBLE", rs.getString(1));
                assertEquals("VARCHAR[]", rs.getString(2));
                assertEquals("BLOB", rs.getString(3));
            }
        }

        // report.html: self-contained, with the markup in a source, a title and an entity name escaped.
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Acme &lt;script&gt;alert(1)&lt;/script&gt;"), "the entity is among the top ones");
        assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "the source is listed");
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"));
        assertEquals("<script>alert(3)</script> Acmeco", table(out, "articles").where("article_id = 's1'").first().getAs("title"),
                "the table keeps the data as it is");
    }

    @Test
    void sparkJobsAreDescribedByTheStageThatRunsThemAndTheCallersDescriptionComesBack(@TempDir Path out) throws Exception {
        Set<String> descriptions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart job) {
                String description = job.properties().getProperty("spark.job.description");
                descriptions.add(description == null ? "(none)" : description);
            }
        };
        spark.sparkContext().addSparkListener(listener);
        spark.sparkContext().setJobDescription("caller");
        try {
            run("--input", "seeds", "--output", out.toString());
            assertEquals("caller", spark.sparkContext().getLocalProperty("spark.job.description"));
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(listener);
        }
        assertTrue(descriptions.containsAll(List.of("read_normalize", "nlp", "write_articles", "write_mentions",
                "write_entity_pairs")), descriptions::toString);
    }

    @Test
    void rerunOnTheSameInputGivesIdenticalTablesAndLeavesNoStagingBehind(@TempDir Path out) throws IOException {
        String[] args = {"--input", "src/test/resources/corpus", "--output", out.toString()};
        run(args);
        Map<String, List<String>> first = snapshot(out);
        run(args);
        assertEquals(first, snapshot(out));
        Set<String> expected = new java.util.TreeSet<>(TABLES);
        expected.addAll(List.of("_run.json", "report.html"));
        try (var entries = Files.list(out)) {
            assertEquals(expected, entries.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
    }

    @Test
    void anIncrementalDayEqualsRebuildingFromBothDaysAndRewritesOnlyTheDaysItTouches(@TempDir Path dir) throws IOException {
        String day1 = "src/test/resources/increment/day1.jsonl";
        String day2 = "src/test/resources/increment/day2.jsonl";
        Path both = dir.resolve("both");
        Path daily = dir.resolve("daily");
        run("--input", day1, "--input", day2, "--output", both.toString());
        run("--input", day1, "--output", daily.toString(), "--mode", "incremental");
        Path untouched = daily.resolve("articles/published_date=2025-08-17");
        List<String> untouchedFiles = listing(untouched);

        RunReport second = run("--input", day2, "--output", daily.toString(), "--mode", "incremental");
        assertTrue(second.reconciled());
        assertEquals(8L, second.counts().get("records_read"));
        assertEquals(3L, second.counts().get("articles"), "d2a, d2c, d2u are new");
        assertEquals(3L, second.counts().get("duplicates"), "d2b, d2n and d2url repeat articles of the earlier run");
        assertEquals(Map.of("exact", 1L, "near", 1L, "url", 1L), second.duplicatesByMethod());
        assertEquals(2L, second.counts().get("rejected"), "d2bad and d1c's reused id");
        assertEquals(List.of("published_date=2025-08-18", "published_date=2025-08-19", "published_date=2025-08-20",
                "published_date=__HIVE_DEFAULT_PARTITION__"), second.partitionsWritten(),
                "2025-08-18 for d1b's new duplicate count; 2025-08-17 is untouched");
        assertEquals(untouchedFiles, listing(untouched), "the untouched partition's file stays as it was");
        assertEquals(snapshot(both), snapshot(daily), "the same tables as one run over both days");
        assertEquals("d1b", table(daily, "duplicates").where("article_id = 'd2b'").first().getAs("duplicate_of"));
        Row nearCopy = table(daily, "duplicates").where("article_id = 'd2n'").first();
        assertEquals(List.of("d1a", "near"), List.of(nearCopy.getAs("duplicate_of"), nearCopy.getAs("method")),
                "d2n is d1a with a sentence added");
        assertTrue(nearCopy.<Double>getAs("similarity") >= 0.5 && nearCopy.<Double>getAs("similarity") < 1.0);
        Row urlCopy = table(daily, "duplicates").where("article_id = 'd2url'").first();
        assertEquals(List.of("d1b", "url"), List.of(urlCopy.getAs("duplicate_of"), urlCopy.getAs("method")),
                "d2url has d1b's URL with a tracking parameter");
        assertEquals(2, table(daily, "articles").where("article_id = 'd1b'").first().<Integer>getAs("duplicate_count"));
        assertEquals(2, table(daily, "articles").where("article_id = 'd1a'").first().<Integer>getAs("duplicate_count"));
        assertEquals(0L, table(daily, "dedup_index").where("signature is null or url_key is null and url is not null")
                .count(), "every indexed article keeps its dedup keys");

        // Reading day 2 again replaces what it gave the first time: nothing changes.
        Map<String, List<String>> before = snapshot(daily);
        RunReport again = run("--input", day2, "--output", daily.toString(), "--mode", "incremental");
        assertEquals(before, snapshot(daily));
        assertEquals(second.counts(), again.counts());
        JsonNode runJson = new ObjectMapper().readTree(daily.resolve("_run.json").toFile());
        assertEquals("incremental", runJson.get("mode").asText());
        assertEquals(8, runJson.at("/table_rows/articles").asInt());
    }

    @Test
    void incrementalRunsRefuseAnOutputTheyCannotExtend(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("articles"));
        Files.writeString(out.resolve("articles/part-0.parquet"), "not really");
        String message = org.junit.jupiter.api.Assertions.assertThrows(org.newsprism.config.InvalidSettingsException.class,
                () -> run("--input", "seeds", "--output", out.toString(), "--mode", "incremental")).getMessage();
        assertEquals("--mode incremental: " + out + " has no sentences table (written by an older version?);"
                + " run once with --mode overwrite", message);
        assertEquals(List.of("part-0.parquet"), listing(out.resolve("articles")), "the output is left alone");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private Map<String, List<String>> snapshot(Path out) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String name : TABLES) {
            Dataset<Row> table = table(out, name);
            for (var field : table.schema().fields()) {
                if (field.dataType().equals(org.apache.spark.sql.types.DataTypes.BinaryType)) {
                    table = table.withColumn(field.name(), org.apache.spark.sql.functions.hex(table.col(field.name())));
                }
            }
            rows.put(name, table.collectAsList().stream().map(Row::toString).sorted().toList());
        }
        return rows;
    }
}
