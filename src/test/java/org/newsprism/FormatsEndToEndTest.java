package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.config.CommandLine;

/**
 * The whole job on every input format at once (JSON Lines plain, gzipped and truncated, a source with its
 * own field names, CSV, Parquet from DuckDB, text folders, HTML pages, WARC plain, gzipped and truncated):
 * every record of every file is an article, a duplicate or a rejected row, and _run.json says so.
 */
class FormatsEndToEndTest {
    private static final String F = "src/test/resources/formats";
    private final SparkSession spark = SharedSpark.session();

    @Test
    void everyRecordOfEveryFormatIsAccountedForPerFile(@TempDir Path tmp) throws Exception {
        Path parquet = tmp.resolve("in/duck.parquet");
        java.nio.file.Files.createDirectories(parquet.getParent());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES "
                    + "('p1', 'Die Europäische Zentralbank senkt den Leitzins erneut um einen Viertelpunkt.', DATE '2025-08-18'),"
                    + "('p2', 'Ein Artikel aus einem Altsystem mit einem Platzhalterdatum im Jahr eins.', DATE '0001-01-01'),"
                    + "('p3', NULL, DATE '2025-08-18')) AS t(id, text, published_at)) TO '" + parquet + "' (FORMAT PARQUET)");
        }
        // Two damaged Parquet files: one not Parquet at all, one cut short (its footer is gone).
        Files.writeString(tmp.resolve("in/bad.parquet"), "this is not a parquet file");
        byte[] whole = Files.readAllBytes(parquet);
        Files.write(tmp.resolve("in/cut.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path out = tmp.resolve("out");
        String mapped = F + "/jsonl/mapped.jsonl";
        Job.Prepared prepared = Job.prepare(CommandLine.parse(
                "--input", F + "/jsonl", "--input", F + "/csv", "--input", F + "/text", "--input", F + "/warc",
                "--input", F + "/html/dev/pages", "--input", F + "/html/heldout/pages", "--input", tmp.resolve("in").toString(),
                "--set", "input.sources=[{path = \"" + mapped + "\", format = jsonl, fields { id = doc.id, text = doc.body, "
                        + "published-at = doc.meta.date, language = lang }}]",
                "--output", out.toString()).settings());
        RunReport report = new Job(spark, prepared.settings(), prepared.files()).run();

        assertTrue(report.reconciled(), report.toJson());
        Map<String, RunReport.FileCounts> byName = new HashMap<>();
        report.inputs().forEach(f -> byName.put(f.path().substring(f.path().lastIndexOf('/') + 1), f));
        assertEquals(24, report.inputs().size(), byName.keySet().toString());
        for (RunReport.FileCounts f : report.inputs()) {
            assertTrue(f.records() > 0, "every file yields records: " + f);
            assertTrue(f.reconciled(), f.toString());
        }
        assertCounts(byName.get("feed.jsonl.gz"), 3, 2, 0, 1);
        assertCounts(byName.get("mapped.jsonl"), 2, 2, 0, 0);
        assertCounts(byName.get("quoted.csv"), 3, 2, 0, 1);
        assertCounts(byName.get("duck.parquet"), 3, 2, 0, 1);
        assertCounts(byName.get("bad.parquet"), 1, 0, 0, 1);
        assertCounts(byName.get("cut.parquet"), 1, 0, 0, 1);
        // truncated.csv.gz: 16 whole records before the cut, then one row for the damage.
        assertCounts(byName.get("truncated.csv.gz"), 17, 16, 0, 1);
        // ragged.csv: r2 has more fields than the header, r3 has no text.
        assertCounts(byName.get("ragged.csv"), 4, 2, 0, 2);
        assertCounts(byName.get("news.warc.gz"), 5, 3, 0, 2);
        // single.warc, truncated.warc.gz and whole.warc.gz repeat pages of news.warc.gz: exact duplicates.
        assertCounts(byName.get("single.warc"), 1, 0, 1, 0);
        assertCounts(byName.get("truncated.warc.gz"), 2, 0, 1, 1);
        assertCounts(byName.get("whole.warc.gz"), 5, 0, 3, 2);
        RunReport.FileCounts truncated = byName.get("truncated.jsonl.gz");
        assertTrue(truncated.articles() >= 1 && truncated.rejected() >= 1, truncated.toString());
        List<Row> damage = spark.read().parquet(out.resolve("rejected").toString())
                .where("input_file like '%truncated.jsonl.gz' and reason like 'truncated or corrupt compressed file%'")
                .collectAsList();
        assertEquals(1, damage.size(), "one rejected row names the truncation");
        Map<String, String> reasons = new HashMap<>();
        spark.read().parquet(out.resolve("rejected").toString())
                .where("input_file rlike '(bad|cut)\\.parquet$|truncated\\.csv\\.gz$|ragged\\.csv$'")
                .collectAsList().forEach(r -> reasons.put(r.<String>getAs("input_file").replaceAll(".*/", "")
                        + ":" + r.getAs("input_position"), r.getAs("reason")));
        assertEquals(Set.of("bad.parquet:0", "cut.parquet:0", "truncated.csv.gz:17", "ragged.csv:2", "ragged.csv:3"),
                reasons.keySet());
        assertTrue(reasons.get("bad.parquet:0").startsWith("not a readable Parquet file ("), reasons.toString());
        assertTrue(reasons.get("cut.parquet:0").startsWith("not a readable Parquet file ("), reasons.toString());
        assertTrue(reasons.get("truncated.csv.gz:17").startsWith("truncated or corrupt file: reading stopped after record 16"),
                reasons.toString());
        assertEquals("record has 5 fields, the header has 3", reasons.get("ragged.csv:2"));
        assertEquals("missing text (field text)", reasons.get("ragged.csv:3"));
        assertEquals("jsonl", byName.get("mapped.jsonl").format());
        assertEquals("warc", byName.get("news.warc.gz").format());
        assertEquals("html", byName.get("de-kreisbote.html").format());

        List<Row> articles = spark.read().parquet(out.resolve("articles").toString()).collectAsList();
        Row warc = find(articles, "urn:uuid:00000000-0000-4000-8000-000000000005");
        assertEquals("http://dailyledger.example/business/pound-rises", warc.getAs("url"));
        assertEquals("dailyledger.example", warc.getAs("source"));
        assertEquals("Pound rises against the dollar", warc.getAs("title"));
        Row bbc = find(articles, "bbc/001.txt");
        assertEquals("Ad sales boost Time Warner profit", bbc.getAs("title"));
        Row m2 = find(articles, "m2");
        assertEquals(java.sql.Date.valueOf("2025-08-21"), m2.getAs("published_date"));
        Row p2 = find(articles, "p2");
        assertEquals("implausible", p2.getAs("published_at_status"), "the year-1 placeholder is flagged, not a crash");
        Row g1 = find(articles, "g1");
        assertEquals("https://www.example.com/news/merz-paris?page=2", g1.getAs("url"));
        assertTrue(g1.<String>getAs("text").contains("den französischen Präsidenten"), "entities decoded");

        JsonNode run = new ObjectMapper().readTree(out.resolve("_run.json").toFile());
        assertTrue(run.get("reconciled").asBoolean());
        // DuckDB reads the rejected table: every row has a file, a position and a reason.
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
                var rs = st.executeQuery("SELECT count(*), count(input_file), count(input_position), count(reason) "
                        + "FROM read_parquet('" + out.resolve("rejected") + "/*.parquet')")) {
            rs.next();
            assertEquals(report.counts().get("rejected"), rs.getLong(1));
            assertEquals(rs.getLong(1), rs.getLong(2));
            assertEquals(rs.getLong(1), rs.getLong(3));
            assertEquals(rs.getLong(1), rs.getLong(4));
        }
    }

    private static void assertCounts(RunReport.FileCounts f, long records, long articles, long duplicates, long rejected) {
        assertNotNull(f);
        assertEquals(List.of(records, articles, duplicates, rejected),
                List.of(f.records(), f.articles(), f.duplicates(), f.rejected()), f.path());
    }

    private static Row find(List<Row> rows, String id) {
        return rows.stream().filter(r -> id.equals(r.getAs("article_id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + rows.stream().map(r -> r.getAs("article_id")).toList()));
    }
}
