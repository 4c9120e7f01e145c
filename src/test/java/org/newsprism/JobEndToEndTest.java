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
        return spark.read().parquet(out.resolve(name).toString());
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
    void duckDbReadsEveryTableWithSparksCounts(@TempDir Path out) throws SQLException {
        run("--input", "src/test/resources/corpus", "--input", "seeds", "--output", out.toString());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            for (String name : TABLES) {
                String glob = out.resolve(name).toString() + "/*.parquet";
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM read_parquet('" + glob + "')")) {
                    rs.next();
                    assertEquals(table(out, name).count(), rs.getLong(1), name);
                }
            }
            String mentionsGlob = out.resolve("mentions").toString() + "/*.parquet";
            try (ResultSet rs = statement.executeQuery("SELECT entity_id, count(*) FROM read_parquet('" + mentionsGlob
                    + "') WHERE entity_id = 'vladimir-putin' GROUP BY entity_id")) {
                assertTrue(rs.next());
                assertEquals(table(out, "mentions").where("entity_id = 'vladimir-putin'").count(), rs.getLong(2));
            }
            String articlesGlob = out.resolve("articles").toString() + "/*.parquet";
            try (ResultSet rs = statement.executeQuery("SELECT typeof(published_at), typeof(published_date) FROM read_parquet('"
                    + articlesGlob + "') LIMIT 1")) {
                rs.next();
                assertEquals("TIMESTAMP WITH TIME ZONE", rs.getString(1));
                assertEquals("DATE", rs.getString(2));
            }
        }
    }

    @Test
    void rerunOnTheSameInputGivesIdenticalTablesAndLeavesNoStagingBehind(@TempDir Path out) throws IOException {
        String[] args = {"--input", "src/test/resources/corpus", "--output", out.toString()};
        run(args);
        Map<String, List<String>> first = snapshot(out);
        run(args);
        assertEquals(first, snapshot(out));
        try (var entries = Files.list(out)) {
            assertEquals(Set.of("_run.json", "articles", "sentences", "mentions", "entities", "entity_daily", "duplicates",
                    "rejected"),
                    entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    private Map<String, List<String>> snapshot(Path out) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String name : TABLES) {
            rows.put(name, table(out, name).collectAsList().stream().map(Row::toString).sorted().toList());
        }
        return rows;
    }
}
