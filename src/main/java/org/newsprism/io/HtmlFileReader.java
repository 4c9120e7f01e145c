package org.newsprism.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
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
import org.jsoup.Jsoup;
import org.newsprism.config.JobConfig;

/**
 * Reads HTML documents ({@code .html}, {@code .htm}, also {@code .gz}): one article per file, its id
 * the path relative to the input root, {@code input_position} 0. The page is decoded with the charset
 * that jsoup detects (byte-order mark, {@code <meta charset>}, else UTF-8) and handed on in the
 * {@code html} column; stage normalise extracts text, title, date, language and canonical URL from it
 * ({@code normalize.HtmlArticleExtractor}). Binary files are rejected with their reason.
 */
public final class HtmlFileReader {
    private HtmlFileReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        int excerptChars = config.excerptChars();
        return WholeFiles.read(spark, files, (path, relative, content) -> List.of(toRow(path, relative, content, excerptChars)));
    }

    private static Row toRow(String path, String relative, PortableDataStream stream, int excerptChars) {
        byte[] bytes;
        try (InputStream in = path.endsWith(".gz") ? new GZIPInputStream(stream.open()) : stream.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return RawRecords.rejected(path, 0, relative, "unreadable file: " + e.getMessage(), null, excerptChars);
        }
        String html = decode(bytes, null);
        if (html == null) {
            String preview = new String(bytes, 0, Math.min(bytes.length, excerptChars), StandardCharsets.ISO_8859_1);
            return RawRecords.rejected(path, 0, relative, "not an HTML file (binary content)",
                    preview.replaceAll("\\p{Cntrl}", "?"), excerptChars);
        }
        return RawRecords.accepted(path, 0, relative,
                new RawRecords.Fields(relative, null, null, null, null, null, null, html));
    }

    /**
     * Decodes an HTML page: the charset of the HTTP header when given and known, else jsoup's detection
     * (byte-order mark, then {@code <meta charset>} / {@code http-equiv}, else UTF-8; bytes that are not
     * valid UTF-8 then fall back to windows-1252). Null for binary content (NUL bytes in the first 8 KB).
     */
    public static String decode(byte[] bytes, String declaredCharset) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        Charset charset = null;
        if (declaredCharset != null) {
            try {
                charset = Charset.forName(declaredCharset.strip().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                charset = null; // unknown or illegal name: detect instead
            }
        }
        if (charset == null) {
            try {
                // jsoup looks at the byte-order mark and the first 5 KB for a charset declaration.
                int prefix = Math.min(bytes.length, 16_384);
                String detected = Jsoup.parse(new ByteArrayInputStream(bytes, 0, prefix), null, "").charset().name();
                charset = Charset.forName(detected);
            } catch (IOException | IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        if (charset.equals(StandardCharsets.UTF_8) && TextFileReader.decodeText(bytes) == null) {
            charset = Charset.forName("windows-1252"); // undeclared and not UTF-8: the web's usual legacy charset
        }
        String html = new String(bytes, charset);
        return html.startsWith("\uFEFF") ? html.substring(1) : html;
    }
}
