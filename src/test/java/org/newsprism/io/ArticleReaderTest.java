package org.newsprism.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.SharedSpark;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InputFormat;
import org.newsprism.config.JobConfig;

class ArticleReaderTest {
    private static final String CORPUS = "src/test/resources/corpus";
    private final SparkSession spark = SharedSpark.session();
    private final JobConfig.Input input = ConfigLoader.defaults().config().input();

    /** Reads files and returns record_key → "text|reason" for compact assertions. */
    private Map<String, Row> read(String path, JobConfig.Input config) {
        List<InputFile> files = InputFiles.resolve(List.of(path), InputFormat.AUTO, config.fields(), new Configuration());
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : ArticleReader.read(spark, files, config).orderBy("input_file", "input_position").collectAsList()) {
            byKey.put(row.getAs("record_key"), row);
        }
        return byKey;
    }

    @Test
    void jsonLinesKeepGoodRecordsAndRejectBadOnesWithReasons() {
        Map<String, Row> rows = read(CORPUS + "/mixed/feed.jsonl", input);
        List<String> reasons = rows.values().stream().map(r -> r.<String>getAs("reject_reason")).toList();
        assertEquals(10, rows.size(), "10 non-blank lines, the blank one is not a record: " + rows.keySet());
        Row first = rows.get("feed.jsonl:0");
        assertEquals("a1", first.getAs("input_id"));
        assertEquals("2025-08-18T10:00:00+02:00", first.getAs("published_at"));
        assertNull(first.getAs("reject_reason"));
        assertTrue(reasons.stream().anyMatch(r -> r != null && r.startsWith("malformed JSON")), reasons.toString());
        assertTrue(reasons.contains("missing text (field text)"), reasons.toString());
        assertTrue(reasons.contains("field id is an array, expected a string"), reasons.toString());
        assertTrue(reasons.contains("text (field text) is not a string but a number"), reasons.toString());
        assertTrue(reasons.contains("record is not a JSON object"), reasons.toString());
        Row malformed = rows.values().stream()
                .filter(r -> r.getAs("reject_reason") != null && r.<String>getAs("reject_reason").startsWith("malformed"))
                .findFirst().orElseThrow();
        assertEquals("{\"id\": \"bad1\", \"text\": \"unterminated", malformed.getAs("raw_excerpt"));
        assertNull(malformed.getAs("text"));
    }

    @Test
    void nestedFieldNamesWalkJsonObjects() {
        JobConfig.Input nested = input.withFields(
                new JobConfig.FieldNames("id", "url", "source", "title", "article.body", "published_at", "language", "html"));
        Row row = read(CORPUS + "/mixed/feed.jsonl", nested).values().stream()
                .filter(r -> "n1".equals(r.getAs("input_id"))).findFirst().orElseThrow();
        assertEquals("Nested bodies are read only when mapped.", row.getAs("text"));
    }

    @Test
    void csvReadsQuotedMultiLineFieldsAndNumbersRecords() {
        Map<String, Row> rows = read(CORPUS + "/mixed/sheet.csv", input);
        assertEquals(List.of("sheet.csv:1", "sheet.csv:2"), List.copyOf(rows.keySet()));
        Row first = rows.get("sheet.csv:1");
        assertEquals("Titel, mit Komma", first.getAs("title"));
        assertEquals("Die EU-Kommission und Ursula von der Leyen\nberieten in Brüssel über die Ukraine.", first.getAs("text"));
        assertEquals("missing text (field text)", rows.get("sheet.csv:2").getAs("reject_reason"));
        assertTrue(rows.get("sheet.csv:2").<String>getAs("raw_excerpt").contains("\"id\":\"d2\""));
    }

    @Test
    void tsvUsesTabs() {
        Row row = read(CORPUS + "/mixed/sheet.tsv", input).get("sheet.tsv:1");
        assertEquals("e1", row.getAs("input_id"));
        assertTrue(row.<String>getAs("text").startsWith("Donald Trump sprach"));
    }

    @Test
    void textFilesAreOneArticleEachAndBinaryFilesAreRejected() {
        Map<String, Row> rows = read(CORPUS + "/text", input);
        assertEquals(List.of("binary.txt", "sub/one.txt", "two.txt"), List.copyOf(rows.keySet()));
        assertEquals("sub/one.txt", rows.get("sub/one.txt").getAs("input_id"));
        assertEquals("not a text file (binary content or invalid UTF-8)", rows.get("binary.txt").getAs("reject_reason"));
    }

    @Test
    void parquetFromAnotherWriterWithMappedFieldsAndOldDates(@TempDir Path dir) {
        StructType schema = new StructType()
                .add("doc_id", DataTypes.LongType)
                .add("body", DataTypes.StringType)
                .add("date", DataTypes.DateType);
        List<Row> data = List.of(
                RowFactory.create(7L, "Ein Artikel über die Nato.", java.sql.Date.valueOf("2025-08-18")),
                RowFactory.create(8L, null, java.sql.Date.valueOf("0001-01-01")));
        String path = dir.resolve("other.parquet").toString();
        spark.createDataFrame(data, schema).coalesce(1).write().parquet(path);
        JobConfig.Input mapped = input.withFields(
                new JobConfig.FieldNames("doc_id", "url", "source", "title", "body", "date", "language", "html"));
        Map<String, Row> rows = read(path, mapped);
        assertEquals(2, rows.size());
        Row first = rows.values().stream().filter(r -> "7".equals(r.getAs("input_id"))).findFirst().orElseThrow();
        assertEquals("Ein Artikel über die Nato.", first.getAs("text"));
        assertEquals("2025-08-18", first.getAs("published_at"));
        assertEquals(0L, first.<Long>getAs("input_position"));
        Row second = rows.values().stream().filter(r -> r.getAs("reject_reason") != null).findFirst().orElseThrow();
        assertEquals("missing text (field body)", second.getAs("reject_reason"));
        assertEquals(1L, second.<Long>getAs("input_position"));
    }
}
