package org.newsprism.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Reads folders of plain-text articles: one article per file, its id the path relative to the input
 * root. Files that are not text (NUL bytes or invalid UTF-8 in the content) are rejected with their
 * reason instead of being decoded into garbage. The first line becomes the title when it reads as a
 * heading ({@link TextTitles}, settings {@code input.text.*}).
 *
 * <p>Example (BBC corpus layout): {@code "Ad sales boost Time Warner profit\n\nQuarterly profits at US
 * media giant…"} → title {@code Ad sales boost Time Warner profit}, text {@code Quarterly profits…}.
 */
public final class TextFileReader {
    private TextFileReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        int excerptChars = config.excerptChars();
        JobConfig.TextFiles text = config.text();
        return WholeFiles.read(spark, files,
                (path, relative, content) -> List.of(toRow(path, relative, content, excerptChars, text)));
    }

    private static Row toRow(String path, String relative, PortableDataStream stream, int excerptChars,
            JobConfig.TextFiles settings) {
        byte[] bytes;
        try (InputStream in = path.endsWith(".gz") ? new GZIPInputStream(stream.open()) : stream.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return RawRecords.rejected(path, 0, relative, "unreadable file: " + e.getMessage(), null, excerptChars);
        }
        String text = decodeText(bytes);
        if (text == null) {
            String preview = new String(bytes, 0, Math.min(bytes.length, excerptChars), StandardCharsets.ISO_8859_1);
            return RawRecords.rejected(path, 0, relative, "not a text file (binary content or invalid UTF-8)",
                    preview.replaceAll("\\p{Cntrl}", "?"), excerptChars);
        }
        String title = null;
        if (settings.titleFromFirstLine()) {
            TextTitles.Split split = TextTitles.split(text, settings.maxTitleChars());
            title = split.title();
            text = split.body();
        }
        return RawRecords.accepted(path, 0, relative,
                new RawRecords.Fields(relative, null, null, title, text, null, null, null));
    }

    /** UTF-8 text (a BOM is dropped), or null for binary content. */
    static String decodeText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
