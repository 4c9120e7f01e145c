package org.newsprism.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Reads CSV or TSV files with a header row (RFC 4180 quoting: quoted fields may hold separators, doubled
 * quotes and line breaks) with the univocity parser that Spark's own CSV source uses. Each file is one
 * task, streamed from start to end (a file with quoted line breaks cannot be split anyway), so each file's
 * own header maps its columns and {@code input_position} is the 1-based record number within the file.
 * Compressed files ({@code .gz}, {@code .bz2}, … by Hadoop's codecs) are decompressed on the fly.
 *
 * <ul>
 *   <li>A record with more fields than the header is rejected (its values cannot be assigned to
 *       columns); missing trailing fields are null.</li>
 *   <li>A record without text (and without HTML) is rejected with {@code missing text (field …)}.</li>
 *   <li>A truncated or corrupt file keeps the records read before the damage; the record the damage
 *       ends (it may be cut) becomes one rejected record naming the error: the job does not crash.</li>
 *   <li>Blank lines are not records. Invalid UTF-8 bytes become U+FFFD (normalise removes them).</li>
 * </ul>
 * The raw excerpt of a rejected record is its fields as a JSON object keyed by the header.
 */
public final class DelimitedReader {
    private DelimitedReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config, char separator) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        }
        Map<String, InputFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        String paths = String.join(",", byPath.keySet());
        int excerptChars = config.excerptChars();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .binaryFiles(paths)
                .flatMap(pair -> readFile(JsonLinesReader.lookup(byPath, pair._1()), pair._1(), pair._2(), separator,
                        excerptChars).iterator());
        return spark.createDataFrame(rows, RawRecords.SCHEMA);
    }

    private static List<Row> readFile(InputFile input, String path, PortableDataStream stream, char separator,
            int excerptChars) {
        List<Row> out = new ArrayList<>();
        String relative = input.relativePath();
        CompressionCodec codec = new CompressionCodecFactory(stream.getConfiguration()).getCodec(new Path(path));
        CsvParser parser = new CsvParser(settings(separator));
        long record = 0;
        String[] pending = null; // one record of look-ahead: the record before damage may be cut
        Columns columns = null;
        DamageTolerantStream in = null;
        IOException unreadable = null;
        try (InputStream raw = stream.open()) {
            in = new DamageTolerantStream(codec == null ? raw : codec.createInputStream(raw));
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                parser.beginParsing(reader);
                String[] header = parser.parseNext();
                if (header != null) {
                    columns = new Columns(header, input.fields());
                    String[] values;
                    while ((values = parser.parseNext()) != null) {
                        if (pending != null) {
                            record++;
                            out.add(columns.toRow(path, record, RawRecords.keyOf(relative, record), pending, excerptChars));
                        }
                        pending = values;
                    }
                }
            } finally {
                parser.stopParsing();
            }
        } catch (IOException | TextParsingException e) {
            unreadable = e instanceof IOException io ? io : new IOException(e.getCause() != null ? e.getCause() : e);
        }
        IOException damage = unreadable != null ? unreadable : in == null ? null : in.damage();
        if (damage == null) {
            if (pending != null) {
                record++;
                out.add(columns.toRow(path, record, RawRecords.keyOf(relative, record), pending, excerptChars));
            }
            return out;
        }
        // The damage ends the file: the last record read may be cut, so it is the rejected one.
        long position = record + 1;
        String reason = "truncated or corrupt file: reading stopped after record " + record + " ("
                + RawRecords.errorDetail(damage) + ")";
        out.add(RawRecords.rejected(path, position, RawRecords.keyOf(relative, position), reason,
                pending == null || columns == null ? null : columns.json(pending), excerptChars));
        return out;
    }

    /**
     * Ends the stream where reading fails (a truncated or corrupt compressed file) instead of throwing, so
     * that the parser hands over every record decoded before the damage; {@link #damage()} tells what
     * happened.
     */
    private static final class DamageTolerantStream extends java.io.FilterInputStream {
        private IOException damage;

        DamageTolerantStream(InputStream in) {
            super(in);
        }

        IOException damage() {
            return damage;
        }

        @Override
        public int read() throws IOException {
            if (damage != null) {
                return -1;
            }
            try {
                return super.read();
            } catch (IOException e) {
                damage = e;
                return -1;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (damage != null) {
                return -1;
            }
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                damage = e;
                return -1;
            }
        }
    }

    private static CsvParserSettings settings(char separator) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(separator);
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.getFormat().setLineSeparator("\n");
        settings.setNormalizeLineEndingsWithinQuotes(false);
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setHeaderExtractionEnabled(false); // the header is read as the first record
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setSkipEmptyLines(true);
        settings.setMaxCharsPerColumn(-1); // a 10 MB article is one field
        settings.setMaxColumns(100_000);
        settings.setReadInputOnSeparateThread(false);
        settings.setCommentProcessingEnabled(false);
        return settings;
    }

    /** Maps a file's header to the article fields. */
    private static final class Columns {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final String[] header;
        private final JobConfig.FieldNames names;
        private final int id;
        private final int url;
        private final int source;
        private final int title;
        private final int text;
        private final int publishedAt;
        private final int language;
        private final int html;

        Columns(String[] header, JobConfig.FieldNames names) {
            this.header = header;
            this.names = names;
            this.id = indexOf(names.id());
            this.url = indexOf(names.url());
            this.source = indexOf(names.source());
            this.title = indexOf(names.title());
            this.text = indexOf(names.text());
            this.publishedAt = indexOf(names.publishedAt());
            this.language = indexOf(names.language());
            this.html = indexOf(names.html());
        }

        private int indexOf(String name) {
            for (int i = 0; i < header.length; i++) {
                if (name.equals(header[i])) {
                    return i;
                }
            }
            return -1;
        }

        Row toRow(String file, long position, String key, String[] values, int excerptChars) {
            String reason = null;
            if (values.length > header.length) {
                reason = "record has " + values.length + " fields, the header has " + header.length;
            } else if (value(values, text) == null && value(values, html) == null) {
                reason = "missing text (field " + names.text() + ")";
            }
            if (reason != null) {
                return RawRecords.rejected(file, position, key, reason, json(values), excerptChars);
            }
            return RawRecords.accepted(file, position, key, new RawRecords.Fields(value(values, id), value(values, url),
                    value(values, source), value(values, title), value(values, text), value(values, publishedAt),
                    value(values, language), value(values, html)));
        }

        private static String value(String[] values, int index) {
            return index >= 0 && index < values.length ? values[index] : null;
        }

        String json(String[] values) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                record.put(i < header.length && header[i] != null ? header[i] : "_c" + i, values[i]);
            }
            try {
                return JSON.writeValueAsString(record);
            } catch (JsonProcessingException e) {
                return String.join(",", values);
            }
        }
    }
}
