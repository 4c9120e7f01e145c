package org.newsprism.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.util.LineReader;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Reads JSON Lines. Uncompressed files go through Hadoop's line reader, so large files are split across
 * tasks; every line keeps its byte offset as {@code input_position}. Compressed files ({@code .gz},
 * {@code .bz2}, … by Hadoop's codecs) are read whole, one task per file, and their offsets count
 * uncompressed bytes; a truncated or corrupt compressed file keeps the lines read before the damage and
 * gets one rejected record, at the offset where reading stopped, naming the error (no crashed job).
 *
 * <p>Each non-blank line is parsed with Jackson. A line that is not valid JSON, not an object, lacks
 * both text and HTML fields, or has a text/id of the wrong type becomes a rejected record with its
 * reason. Field names come from each file's {@link InputFile#fields()}; a name with dots
 * ({@code article.body}) walks nested objects.
 *
 * <p>Example: {@code {"id":"a1","text":"…"}} at byte 0 of {@code feed.jsonl} → record key
 * {@code feed.jsonl:0}, input_id {@code a1}.
 */
public final class JsonLinesReader {
    private JsonLinesReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        List<InputFile> plain = new ArrayList<>();
        List<InputFile> compressed = new ArrayList<>();
        CompressionCodecFactory codecs = new CompressionCodecFactory(spark.sparkContext().hadoopConfiguration());
        for (InputFile file : files) {
            (codecs.getCodec(new Path(file.path())) == null ? plain : compressed).add(file);
        }
        Dataset<Row> result = readPlain(spark, plain, config.excerptChars());
        if (!compressed.isEmpty()) {
            result = result.union(readCompressed(spark, compressed, config.excerptChars()));
        }
        return result;
    }

    private static Dataset<Row> readPlain(SparkSession spark, List<InputFile> files, int excerptChars) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        }
        Configuration hadoop = new Configuration(spark.sparkContext().hadoopConfiguration());
        Job job;
        try {
            job = Job.getInstance(hadoop);
            FileInputFormat.setInputPaths(job, files.stream().map(f -> new Path(f.path())).toArray(Path[]::new));
            FileInputFormat.setMaxInputSplitSize(job, splitSize(hadoop, files, spark.sparkContext().defaultParallelism()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, InputFile> byPath = byPath(files);

        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
        JavaRDD<Row> rows = lines.mapPartitionsWithInputSplit(
                (InputSplit split, Iterator<scala.Tuple2<LongWritable, Text>> it) -> {
                    String file = ((FileSplit) split).getPath().toString();
                    InputFile input = lookup(byPath, file);
                    LineParser parser = new LineParser(input.fields(), excerptChars);
                    String relative = input.relativePath();
                    List<Row> out = new ArrayList<>();
                    while (it.hasNext()) {
                        scala.Tuple2<LongWritable, Text> line = it.next();
                        Row row = parser.parse(file, relative, line._1().get(), line._2());
                        if (row != null) {
                            out.add(row);
                        }
                    }
                    return out.iterator();
                },
                true);
        return spark.createDataFrame(rows, RawRecords.SCHEMA);
    }

    /**
     * The largest split: the input spread over at least two tasks per core (so a small corpus still
     * keeps every core busy and a slow record does not hold up the stage), between 1 MB and 128 MB.
     */
    static long splitSize(Configuration hadoop, List<InputFile> files, int parallelism) throws java.io.IOException {
        long total = 0;
        for (InputFile file : files) {
            Path path = new Path(file.path());
            total += path.getFileSystem(hadoop).getFileStatus(path).getLen();
        }
        long perTask = total / Math.max(1, 2L * parallelism) + 1;
        return Math.max(1L << 20, Math.min(128L << 20, perTask));
    }

    /** Compressed files: one task per file, decompressed as a stream, damage turned into a rejected record. */
    private static Dataset<Row> readCompressed(SparkSession spark, List<InputFile> files, int excerptChars) {
        Map<String, InputFile> byPath = byPath(files);
        String paths = String.join(",", files.stream().map(InputFile::path).toList());
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .binaryFiles(paths)
                .flatMap(pair -> readCompressedFile(lookup(byPath, pair._1()), pair._1(), pair._2(), excerptChars).iterator());
        return spark.createDataFrame(rows, RawRecords.SCHEMA);
    }

    private static List<Row> readCompressedFile(InputFile input, String path, PortableDataStream stream,
            int excerptChars) {
        String relative = input.relativePath();
        LineParser parser = new LineParser(input.fields(), excerptChars);
        CompressionCodec codec = new CompressionCodecFactory(stream.getConfiguration()).getCodec(new Path(path));
        List<Row> out = new ArrayList<>();
        long offset = 0;
        Text line = new Text();
        try (InputStream in = codec.createInputStream(stream.open());
                LineReader reader = new LineReader(in, stream.getConfiguration())) {
            int consumed;
            while ((consumed = reader.readLine(line)) > 0) {
                Row row = parser.parse(path, relative, offset, line);
                if (row != null) {
                    out.add(row);
                }
                offset += consumed;
            }
        } catch (IOException | RuntimeException e) {
            out.add(RawRecords.rejected(path, offset, RawRecords.keyOf(relative, offset),
                    "truncated or corrupt compressed file: reading stopped after " + offset
                            + " uncompressed bytes (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    null, excerptChars));
        }
        return out;
    }

    /**
     * The input file a task reads. Hadoop may spell a path differently from the listing (encoding,
     * scheme): then the file is found by its decoded path, else by its name when that is unique.
     */
    static InputFile lookup(Map<String, InputFile> byPath, String path) {
        InputFile exact = byPath.get(path);
        if (exact != null) {
            return exact;
        }
        String decoded = new Path(path).toUri().getPath();
        String name = new Path(path).getName();
        List<InputFile> sameName = new ArrayList<>();
        for (InputFile f : byPath.values()) {
            if (new Path(f.path()).toUri().getPath().equals(decoded)) {
                return f;
            }
            if (new Path(f.path()).getName().equals(name)) {
                sameName.add(f);
            }
        }
        if (sameName.size() == 1) {
            return sameName.get(0);
        }
        throw new IllegalStateException("read a file that was not listed: " + path);
    }

    private static Map<String, InputFile> byPath(List<InputFile> files) {
        Map<String, InputFile> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        return byPath;
    }

    /** Parses one line into a raw record; blank lines are not records and give null. */
    static final class LineParser {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final JobConfig.FieldNames fields;
        private final int excerptChars;

        LineParser(JobConfig.FieldNames fields, int excerptChars) {
            this.fields = fields;
            this.excerptChars = excerptChars;
        }

        Row parse(String file, String relativePath, long offset, Text line) {
            String raw = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
            return parse(file, relativePath, offset, raw);
        }

        Row parse(String file, String relativePath, long offset, String raw) {
            if (raw.isBlank()) {
                return null;
            }
            String key = RawRecords.keyOf(relativePath, offset);
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                return RawRecords.rejected(file, offset, key, "malformed JSON: " + firstLine(e.getOriginalMessage()),
                        raw, excerptChars);
            }
            if (node == null || !node.isObject()) {
                return RawRecords.rejected(file, offset, key, "record is not a JSON object", raw, excerptChars);
            }
            try {
                JsonNode text = field(node, fields.text());
                JsonNode html = field(node, fields.html());
                boolean hasText = text != null && !text.isNull();
                boolean hasHtml = html != null && !html.isNull();
                if (!hasText && !hasHtml) {
                    return RawRecords.rejected(file, offset, key, "missing text (field " + fields.text() + ")", raw,
                            excerptChars);
                }
                if (hasText && !text.isTextual()) {
                    return RawRecords.rejected(file, offset, key,
                            "text (field " + fields.text() + ") is not a string but " + kind(text), raw, excerptChars);
                }
                if (!hasText && !html.isTextual()) {
                    return RawRecords.rejected(file, offset, key,
                            "html (field " + fields.html() + ") is not a string but " + kind(html), raw, excerptChars);
                }
                RawRecords.Fields values = new RawRecords.Fields(
                        scalar(node, fields.id()), scalar(node, fields.url()), scalar(node, fields.source()),
                        scalar(node, fields.title()), hasText ? text.textValue() : null,
                        scalar(node, fields.publishedAt()), scalar(node, fields.language()),
                        hasHtml && html.isTextual() ? html.textValue() : null);
                return RawRecords.accepted(file, offset, key, values);
            } catch (WrongFieldType e) {
                return RawRecords.rejected(file, offset, key, e.getMessage(), raw, excerptChars);
            }
        }

        private static JsonNode field(JsonNode node, String name) {
            JsonNode direct = node.get(name);
            if (direct != null || name.indexOf('.') < 0) {
                return direct;
            }
            JsonNode current = node;
            for (String part : name.split("\\.")) {
                current = current == null ? null : current.get(part);
            }
            return current;
        }

        private static String scalar(JsonNode node, String name) {
            JsonNode value = field(node, name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isContainerNode()) {
                throw new WrongFieldType("field " + name + " is " + kind(value) + ", expected a string");
            }
            return value.asText();
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            };
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "unreadable";
            }
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }

    private static final class WrongFieldType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongFieldType(String message) {
            super(message, null, false, false);
        }
    }
}
