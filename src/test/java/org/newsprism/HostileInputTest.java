package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.config.CommandLine;

/**
 * The job on a corpus of hostile input: it finishes, every record ends as an article or a rejected
 * row with its reason, and no stage fails on any character. Large cases are generated here.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    private static RunReport report;
    private static Path out;

    @BeforeAll
    static void runOnHostileCorpus() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder jsonl = new StringBuilder();
        jsonl.append("{\"id\": \"m1\", \"text\": \"unterminated\n");
        jsonl.append("{\"id\": \"nul\", \"text\": \"NUL\\u0000 and bell\\u0007 in an article that is long enough.\"}\n");
        jsonl.append("{\"id\": \"empty\", \"text\": \"\"}\n");
        jsonl.append("{\"id\": \"notext\"}\n");
        jsonl.append("{\"id\": \"number\", \"text\": 42}\n");
        jsonl.append("{\"id\": [\"a\"], \"text\": \"An article with an array as its id, long enough.\"}\n");
        jsonl.append("{\"id\": {\"k\": 1}, \"text\": \"An article with an object as its id, long enough.\"}\n");
        jsonl.append("{\"id\": \"twice\", \"text\": \"The first text under an id that comes twice.\"}\n");
        jsonl.append("{\"id\": \"twice\", \"text\": \"The second, different text under the same id.\"}\n");
        jsonl.append("{\"id\": \"huge\", \"text\": \"").append("Die Regierung in Berlin tagte. ".repeat(350_000)).append("\"}\n");
        jsonl.append("{\"id\": \"token\", \"text\": \"Berlin ").append("B".repeat(250_000)).append(" Merz.\"}\n");
        jsonl.append("{\"id\": \"deep\", \"text\": \"nested\", \"x\": ").append("[".repeat(5000)).append("]".repeat(5000)).append("}\n");
        jsonl.append("{\"id\": \"rtl\", \"text\": \"نص عربي طويل بما فيه الكفاية 😀🎉 שלום עולם ועוד טקסט\"}\n");
        jsonl.append("{\"id\": \"script\", \"text\": \"<script>alert(1)</script><p>Angela Merkel sprach in Berlin lange über die Zukunft Europas.</p>\"}\n");
        jsonl.append("{\"id\": \"future\", \"text\": \"An article from the future about the United Nations.\", \"published_at\": \"2199-01-01\"}\n");
        jsonl.append("{\"id\": \"garbage\", \"text\": \"An article with a garbage date about Germany and France.\", \"published_at\": \"soon-ish\"}\n");
        jsonl.append("\n   \n");
        byte[] utf8 = jsonl.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream withBadBytes = new ByteArrayOutputStream();
        withBadBytes.write(utf8);
        withBadBytes.write("{\"id\": \"badutf8\", \"text\": \"Ung".getBytes(StandardCharsets.UTF_8));
        withBadBytes.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
        withBadBytes.write("ltiges UTF-8 in einem Artikel, der lang genug ist.\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("bad.jsonl"), withBadBytes.toByteArray());

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 2000; i++) {
                z.write(("{\"id\": \"g" + i + "\", \"text\": \"Artikel " + i + " über die Nato und Russland.\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] full = gz.toByteArray();
        Files.write(in.resolve("truncated.jsonl.gz"), java.util.Arrays.copyOf(full, full.length / 2));
        Files.write(in.resolve("empty.jsonl"), new byte[0]);
        Path texts = Files.createDirectories(in.resolve("texts"));
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Files.write(texts.resolve("image.txt"), binary);

        out = dir.resolve("out");
        Job.Prepared prepared = Job.prepare(CommandLine.parse("--input", in.toString(), "--output", out.toString()).settings());
        report = new Job(SharedSpark.session(), prepared.settings(), prepared.files()).run();
    }

    private static Dataset<Row> table(String name) {
        return SharedSpark.session().read().parquet(out.resolve(name).toString());
    }

    private static Map<String, String> rejectedById() {
        Map<String, String> reasons = new TreeMap<>();
        for (Row r : table("rejected").collectAsList()) {
            String file = r.getAs("input_file");
            String key = r.getAs("article_id") != null ? r.getAs("article_id")
                    : file.substring(file.lastIndexOf('/') + 1) + "@" + r.getAs("input_position");
            reasons.put(key, r.getAs("reason"));
        }
        return reasons;
    }

    @Test
    void everyRecordIsAccountedForPerFile() {
        assertTrue(report.reconciled(), report.toJson());
        assertEquals(report.counts().get("records_read"),
                report.counts().get("articles") + report.counts().get("duplicates") + report.counts().get("rejected"));
    }

    @Test
    void badRecordsAreRejectedWithTheirReasons() {
        Map<String, String> reasons = rejectedById();
        List<String> all = List.copyOf(reasons.values());
        assertTrue(all.stream().anyMatch(r -> r.startsWith("malformed JSON: Unexpected end-of-input")), all.toString());
        assertTrue(all.stream().anyMatch(r -> r.startsWith("malformed JSON: Depth (1001) exceeds")), all.toString());
        assertTrue(all.contains("missing text (field text)"), all.toString());
        assertTrue(all.contains("text (field text) is not a string but a number"), all.toString());
        assertTrue(all.contains("field id is an array, expected a string"), all.toString());
        assertTrue(all.contains("field id is an object, expected a string"), all.toString());
        assertEquals("empty after normalisation (fewer than 20 characters)", reasons.get("empty"));
        assertTrue(reasons.get("twice").startsWith("duplicate article_id with a different text"));
        assertTrue(reasons.get("huge").startsWith("text too long (10850000 characters"), reasons.get("huge"));
        assertEquals("not a text file (binary content or invalid UTF-8)", reasons.get("image.txt@0"));
        assertTrue(all.stream().anyMatch(r -> r.startsWith("truncated or corrupt compressed file")), all.toString());
    }

    @Test
    void awkwardButValidArticlesSurviveEveryStage() {
        Map<String, Row> articles = new TreeMap<>();
        table("articles").collectAsList().forEach(r -> articles.put(r.getAs("article_id"), r));
        for (String id : List.of("nul", "token", "rtl", "script", "future", "garbage", "badutf8", "twice")) {
            assertTrue(articles.containsKey(id), id + " missing from " + articles.keySet());
        }
        assertFalse(articles.get("nul").<String>getAs("text").contains("\u0000"));
        assertFalse(articles.get("script").<String>getAs("text").contains("alert"));
        assertTrue(articles.get("rtl").<String>getAs("text").contains("😀"));
        assertTrue(articles.get("badutf8").<String>getAs("text").contains("\uFFFD"), "invalid bytes become U+FFFD");
        assertEquals("implausible", articles.get("future").getAs("published_at_status"));
        assertEquals("unparsable", articles.get("garbage").getAs("published_at_status"));
        assertTrue(articles.get("token").<Integer>getAs("mention_count") >= 2, "Berlin and Merz around the long token");
        assertTrue(report.counts().get("articles") > 900, "the readable part of the truncated .gz is kept");
    }
}
