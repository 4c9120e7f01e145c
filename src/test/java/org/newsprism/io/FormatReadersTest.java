package org.newsprism.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.SharedSpark;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InputFormat;
import org.newsprism.config.JobConfig;

/** Every input format the job reads, on the small files in src/test/resources/formats. */
class FormatReadersTest {
    private static final String FORMATS = "src/test/resources/formats";
    private final SparkSession spark = SharedSpark.session();
    private final JobConfig.Input input = ConfigLoader.defaults().config().input();

    /** record_key → row, in file and position order. */
    private Map<String, Row> read(String path, JobConfig.Input config) {
        return read(InputFiles.resolve(List.of(path), InputFormat.AUTO, config.fields(), new Configuration()), config);
    }

    private Map<String, Row> read(List<InputFile> files, JobConfig.Input config) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : ArticleReader.read(spark, files, config).orderBy("input_file", "input_position").collectAsList()) {
            assertNull(byKey.put(row.getAs("record_key"), row), "record keys are unique: " + row);
        }
        return byKey;
    }

    private static String reason(Row row) {
        return row.getAs("reject_reason");
    }

    @Test
    void gzippedJsonLinesAreReadWithUncompressedOffsets() {
        Map<String, Row> rows = read(FORMATS + "/jsonl/feed.jsonl.gz", input);
        assertEquals(3, rows.size(), rows.keySet().toString());
        List<Row> list = List.copyOf(rows.values());
        assertEquals("g1", list.get(0).getAs("input_id"));
        assertEquals(0L, list.get(0).<Long>getAs("input_position"));
        assertEquals("g2", list.get(1).getAs("input_id"));
        assertNull(list.get(1).getAs("text"));
        assertTrue(list.get(1).<String>getAs("html").contains("<h1>Markets rally</h1>"), "the html field travels on");
        assertNull(reason(list.get(1)));
        assertEquals("missing text (field text)", reason(list.get(2)));
        assertTrue(list.get(1).<Long>getAs("input_position") > 0);
    }

    @Test
    void aTruncatedGzipKeepsItsReadableLinesAndRejectsTheRestWithAReason() {
        Map<String, Row> rows = read(FORMATS + "/jsonl/truncated.jsonl.gz", input);
        List<Row> list = List.copyOf(rows.values());
        Row last = list.get(list.size() - 1);
        assertTrue(reason(last).startsWith("truncated or corrupt compressed file: reading stopped after "), reason(last));
        List<Row> readable = list.subList(0, list.size() - 1);
        assertTrue(readable.size() >= 1, "lines before the damage are records: " + rows.keySet());
        for (int i = 0; i < readable.size(); i++) {
            Row r = readable.get(i);
            // A line cut by the truncation may be returned as malformed JSON; every other one is intact.
            if (reason(r) == null) {
                assertEquals("t" + i, r.getAs("input_id"));
            } else {
                assertTrue(reason(r).startsWith("malformed JSON"), reason(r));
            }
        }
        assertTrue(last.<Long>getAs("input_position") > readable.get(readable.size() - 1).<Long>getAs("input_position"));
    }

    @Test
    void quotedCsvFieldsKeepCommasQuotesAndLineBreaks() {
        Map<String, Row> rows = read(FORMATS + "/csv/quoted.csv", input);
        assertEquals(List.of("quoted.csv:1", "quoted.csv:2", "quoted.csv:3"), List.copyOf(rows.keySet()));
        Row first = rows.get("quoted.csv:1");
        assertEquals("Zitat \"mit\" Anführungszeichen", first.getAs("title"));
        String text = first.getAs("text");
        assertTrue(text.startsWith("Erste Zeile des Textes, mit Komma."), text);
        assertTrue(text.contains("\n") && text.endsWith("mit \"Zitat\" und einem langen Satz über die Ukraine."), text);
        assertEquals("19.08.2025 14:30", rows.get("quoted.csv:2").getAs("published_at"));
        assertEquals("   ", rows.get("quoted.csv:3").getAs("text"), "blank text is rejected later, by normalise");
    }

    @Test
    void parquetFromDuckDbWithStructsAndYearOneDatesReadsCleanly(@TempDir Path dir) throws Exception {
        String file = dir.resolve("duck.parquet").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES "
                    + "(1, {'headline': 'Gipfel in Washington', 'body': 'Merz und Selenskyj reisen nach Washington.'},"
                    + " DATE '2025-08-18', TIMESTAMP '2025-08-18 10:00:00'),"
                    + "(2, {'headline': 'Platzhalter', 'body': 'Ein Artikel mit einem Platzhalterdatum aus einem Altsystem.'},"
                    + " DATE '0001-01-01', TIMESTAMP '0001-01-01 00:00:00'),"
                    + "(3, {'headline': 'Ohne Text', 'body': NULL}, NULL, NULL)"
                    + ") AS t(doc_id, article, published, fetched)) TO '" + file + "' (FORMAT PARQUET)");
        }
        JobConfig.Input mapped = input.withFields(new JobConfig.FieldNames("doc_id", "url", "source", "article.headline",
                "article.body", "published", "language", "html"));
        Map<String, Row> rows = read(file, mapped);
        List<Row> list = List.copyOf(rows.values());
        assertEquals(3, list.size());
        assertEquals("Merz und Selenskyj reisen nach Washington.", list.get(0).getAs("text"));
        assertEquals("Gipfel in Washington", list.get(0).getAs("title"));
        assertEquals("1", list.get(0).getAs("input_id"));
        assertEquals("2025-08-18", list.get(0).getAs("published_at"));
        assertEquals("0001-01-01", list.get(1).getAs("published_at"), "the year-1 placeholder is read as written");
        assertEquals(List.of(0L, 1L, 2L), list.stream().map(r -> r.<Long>getAs("input_position")).toList());
        assertEquals("missing text (field article.body)", reason(list.get(2)));

        JobConfig.Input byTimestamp = input.withFields(new JobConfig.FieldNames("doc_id", "url", "source", "title",
                "article.body", "fetched", "language", "html"));
        assertEquals("0001-01-01 00:00:00", List.copyOf(read(file, byTimestamp).values()).get(1).getAs("published_at"));

        // Spark's own default would refuse the file: it was not written by Spark, so the calendar is unknown.
        String mode = spark.conf().get("spark.sql.parquet.datetimeRebaseModeInRead");
        spark.conf().set("spark.sql.parquet.datetimeRebaseModeInRead", "EXCEPTION");
        try {
            Exception e = assertThrows(Exception.class, () -> read(file, mapped));
            assertTrue(String.valueOf(e.getMessage()).contains("1582") || String.valueOf(e).contains("REBASE")
                    || String.valueOf(e).contains("ancient"), String.valueOf(e));
        } finally {
            spark.conf().set("spark.sql.parquet.datetimeRebaseModeInRead", mode);
        }
    }

    @Test
    void textFilesTakeAHeadingAsTitleButKeepALeadParagraphAsText() {
        Map<String, Row> rows = read(FORMATS + "/text", input);
        Row bbc = rows.get("bbc/001.txt");
        assertEquals("Ad sales boost Time Warner profit", bbc.getAs("title"));
        assertTrue(bbc.<String>getAs("text").startsWith("Quarterly profits at US media giant"), bbc.<String>getAs("text"));
        Row lead = rows.get("lead.txt");
        assertNull(lead.getAs("title"));
        assertTrue(lead.<String>getAs("text").startsWith("Die Bundesregierung hat neue Regeln"));

        Row seed = read("seeds", input).values().iterator().next();
        assertNull(seed.getAs("title"), "the seed starts with a lead paragraph, not a title");
        assertTrue(seed.<String>getAs("text").startsWith("Zu Wochenbeginn empfängt das Weiße Haus"));

        JobConfig.Input off = new JobConfig.Input(input.paths(), input.format(), input.fields(), input.sources(),
                new JobConfig.TextFiles(false, 150), input.excerptChars());
        assertNull(read(FORMATS + "/text/bbc", off).get("001.txt").getAs("title"));
    }

    @Test
    void htmlFilesAreDecodedWithTheirDeclaredCharset() {
        Map<String, Row> rows = read(FORMATS + "/html/dev/pages", input);
        assertEquals(6, rows.size());
        Row kreisbote = rows.get("de-kreisbote.html");
        assertEquals("de-kreisbote.html", kreisbote.getAs("input_id"));
        assertEquals(0L, kreisbote.<Long>getAs("input_position"));
        assertNull(kreisbote.getAs("text"));
        assertTrue(kreisbote.<String>getAs("html").contains("Stadtrat beschließt neuen Radweg"), "windows-1252 decoded");
        rows.values().forEach(r -> assertNull(reason(r)));
    }

    @Test
    void warcResponsesAreRecordsAtTheirOffsetsAndNonArticlesAreRejectedWithReasons() {
        Map<String, Row> rows = read(FORMATS + "/warc/news.warc.gz", input);
        List<Row> list = List.copyOf(rows.values());
        // Offsets of the five response records in the file (warcinfo, request, metadata, revisit are no records).
        assertEquals(List.of(448L, 1314L, 1886L, 2155L, 2665L), list.stream().map(r -> r.<Long>getAs("input_position")).toList());
        Row first = list.get(0);
        assertEquals("urn:uuid:00000000-0000-4000-8000-000000000003", first.getAs("input_id"));
        assertEquals("https://www.tagesblatt.example/politik/nato-gipfel-100.html", first.getAs("url"));
        assertTrue(first.<String>getAs("html").contains("Luftverteidigung an der Ostflanke"));
        assertTrue(list.get(1).<String>getAs("html").contains("trading at £1 to $1.36"), "gzip-encoded ISO-8859-1 payload");
        assertEquals("HTTP status 404 (not an article page)", reason(list.get(2)));
        assertEquals("not HTML (content type image/jpeg)", reason(list.get(3)));
        assertTrue(list.get(3).<String>getAs("raw_excerpt").contains("logo.jpg"));
        assertTrue(list.get(4).<String>getAs("html").contains("resumed ceasefire talks"), "chunked payload");
        assertNull(reason(list.get(4)));

        Map<String, Row> single = read(FORMATS + "/warc/single.warc", input);
        assertEquals(List.of("single.warc:0"), List.copyOf(single.keySet()));
    }

    @Test
    void aWarcGzippedAsOneStreamGetsUncompressedOffsets() {
        List<Row> whole = List.copyOf(read(FORMATS + "/warc/whole.warc.gz", input).values());
        List<Row> perRecord = List.copyOf(read(FORMATS + "/warc/news.warc.gz", input).values());
        assertEquals(perRecord.stream().map(r -> r.<String>getAs("input_id")).toList(),
                whole.stream().map(r -> r.<String>getAs("input_id")).toList());
        assertEquals(perRecord.stream().map(FormatReadersTest::reason).toList(),
                whole.stream().map(FormatReadersTest::reason).toList());
        List<Long> positions = whole.stream().map(r -> r.<Long>getAs("input_position")).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "distinct and increasing: " + positions);
        assertTrue(positions.get(0) > 448L, "uncompressed offsets are larger: " + positions);
    }

    @Test
    void aTruncatedWarcKeepsItsCompleteRecordsAndRejectsTheDamagedOne() {
        List<Row> list = List.copyOf(read(FORMATS + "/warc/truncated.warc.gz", input).values());
        assertEquals(2, list.size(), list.toString());
        assertNull(reason(list.get(0)));
        assertEquals(448L, list.get(0).<Long>getAs("input_position"));
        // The cut falls inside the next record's gzip member: reading stops at the end of the file.
        assertEquals(1600L, list.get(1).<Long>getAs("input_position"));
        assertTrue(reason(list.get(1)).startsWith("truncated or corrupt WARC: reading stopped at byte 1600"), reason(list.get(1)));
    }

    @Test
    void eachSourceBringsItsOwnFormatAndFieldNames() {
        JobConfig.FieldNames nested = new JobConfig.FieldNames("doc.id", "url", "source", "title", "doc.body",
                "doc.meta.date", "lang", "html");
        JobConfig.Input withSources = new JobConfig.Input(List.of(FORMATS + "/jsonl"), InputFormat.AUTO, input.fields(),
                List.of(new JobConfig.Source(FORMATS + "/jsonl/mapped.jsonl", InputFormat.JSONL, nested)),
                input.text(), input.excerptChars());
        List<InputFile> files = InputFiles.resolve(withSources, new Configuration());
        assertEquals(3, files.size(), "the source's file is read once: " + files);
        InputFile mappedFile = files.stream().filter(f -> f.path().endsWith("mapped.jsonl")).findFirst().orElseThrow();
        assertEquals(nested, mappedFile.fields(), "the source's settings win over input.paths");
        Map<String, Row> rows = read(List.of(mappedFile), withSources);
        Row m1 = rows.values().iterator().next();
        assertEquals("m1", m1.getAs("input_id"));
        assertEquals("19.08.2025", m1.getAs("published_at"));
        assertEquals("de", m1.getAs("language"));
        assertTrue(m1.<String>getAs("text").startsWith("Die Bundesregierung"));
    }

    @Test
    void htmlCharsetsComeFromTheHeaderTheMetaTagOrAValidityCheck() {
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        assertEquals("<p>Grüße – „so“</p>", HtmlFileReader.decode("<p>Grüße – „so“</p>".getBytes(cp1252), null),
                "undeclared and not UTF-8: windows-1252");
        assertEquals("<p>Grüße</p>", HtmlFileReader.decode("\uFEFF<p>Grüße</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        String declared = "<meta charset=\"iso-8859-1\"><p>£5</p>";
        assertEquals(declared, HtmlFileReader.decode(declared.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null));
        assertEquals("<p>£5</p>", HtmlFileReader.decode("<p>£5</p>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "\"ISO-8859-1\""), "the HTTP header's charset wins");
        assertEquals("<p>x</p>", HtmlFileReader.decode("<p>x</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "no-such-charset"));
        assertNull(HtmlFileReader.decode(new byte[] {'<', 'p', 0, 1}, null), "binary");
        assertEquals("", HtmlFileReader.decode(new byte[0], null));
    }

    @Test
    void formatsByExtension() {
        assertEquals(InputFormat.HTML, InputFormat.ofFileName("page.HTM"));
        assertEquals(InputFormat.HTML, InputFormat.ofFileName("page.html.gz"));
        assertEquals(InputFormat.WARC, InputFormat.ofFileName("CC-NEWS-20250820.warc.gz"));
        assertEquals(InputFormat.WARC, InputFormat.ofFileName("crawl.warc"));
        assertNotNull(InputFormat.parse("warc").orElse(null));
    }
}
