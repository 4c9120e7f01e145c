package org.newsprism.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.newsprism.config.JobConfig;

/**
 * Reads WARC files ({@code .warc}, {@code .warc.gz} with per-record or whole-file gzip; Common Crawl,
 * CC-NEWS) with jwarc, one task per file.
 *
 * <p>Every {@code response} record is one input record: {@code input_position} is the record's byte
 * offset in the file (the compressed offset for a per-record {@code .warc.gz}, where a WARC reader can
 * seek to it; the uncompressed offset when the whole file is one gzip stream),
 * {@code input_id} its {@code WARC-Record-ID}, {@code url} its {@code WARC-Target-URI}, and the decoded
 * HTTP payload goes to the {@code html} column for extraction in stage normalise. A response that is
 * not a successful HTML page is rejected with its reason: {@code HTTP status 404},
 * {@code not HTML (content type image/jpeg)}. Other record types ({@code warcinfo}, {@code request},
 * {@code metadata}, {@code revisit}, {@code resource}, …) describe the crawl, carry no article and are
 * not input records. A truncated or corrupt file keeps the records read before the damage and gets one
 * rejected record naming the error, at the offset of the response record that could not be read, or,
 * when the damage is found between records, at the offset where reading stopped (for a truncated file,
 * its length).
 */
public final class WarcFileReader {
    private WarcFileReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        int excerptChars = config.excerptChars();
        return WholeFiles.read(spark, files, (path, relative, content) -> readFile(path, relative, content, excerptChars));
    }

    private static List<Row> readFile(String path, String relative, PortableDataStream stream,
            int excerptChars) {
        try {
            return readRecords(path, relative, stream, false, excerptChars);
        } catch (WholeFileCompressed e) {
            // One gzip stream around the whole file: records have no compressed offsets of their own, so
            // the file is read again decompressed and positions are uncompressed offsets.
            return readRecords(path, relative, stream, true, excerptChars);
        }
    }

    /** Thrown when two records report the same offset: the file is gzipped as a whole, not per record. */
    private static final class WholeFileCompressed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WholeFileCompressed() {
            super(null, null, false, false);
        }
    }

    private static List<Row> readRecords(String path, String relative, PortableDataStream stream, boolean decompress,
            int excerptChars) {
        List<Row> out = new ArrayList<>();
        long position = 0;
        long previous = -1;
        boolean inRecord = false;
        CountingStream counted = null;
        try (InputStream in = stream.open()) {
            // Counts bytes in the unit of the positions: file bytes, or uncompressed bytes when decompressing.
            counted = new CountingStream(decompress ? new java.util.zip.GZIPInputStream(in, 65_536) : in);
            try (WarcReader reader = new WarcReader(counted)) {
                while (true) {
                    inRecord = false;
                    Optional<WarcRecord> next = reader.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    position = reader.position();
                    if (position <= previous) {
                        throw new WholeFileCompressed();
                    }
                    previous = position;
                    inRecord = true;
                    if (next.get() instanceof WarcResponse response) {
                        out.add(toRow(path, relative, position, response, excerptChars));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WholeFileCompressed w) {
                throw w;
            }
            // Damage inside a response record: that record is the rejected one. Damage found while looking
            // for the next record: its start is unknown, so the offset reached in the file marks the spot.
            long at = inRecord ? position : Math.max(position + 1, counted == null ? 0 : counted.count);
            out.add(RawRecords.rejected(path, at, RawRecords.keyOf(relative, at),
                    "truncated or corrupt WARC: reading stopped at byte " + at + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    null, excerptChars));
        }
        return out;
    }

    /** Counts the bytes read from a stream. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static Row toRow(String path, String relative, long position, WarcResponse response, int excerptChars)
            throws IOException {
        String key = RawRecords.keyOf(relative, position);
        String target = response.target();
        String excerpt = "WARC-Target-URI: " + target;
        MediaType type = response.contentType();
        if (!"application".equals(type.type()) || !"http".equals(type.subtype())) {
            return RawRecords.rejected(path, position, key, "not an HTTP response (record content type " + type + ")",
                    excerpt, excerptChars);
        }
        HttpResponse http = response.http();
        if (http.status() < 200 || http.status() >= 300) {
            return RawRecords.rejected(path, position, key, "HTTP status " + http.status() + " (not an article page)",
                    excerpt, excerptChars);
        }
        MediaType payloadType = http.contentType();
        String base = payloadType == null ? "" : payloadType.base().toString();
        if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
            return RawRecords.rejected(path, position, key,
                    "not HTML (content type " + (base.isEmpty() ? "missing" : base) + ")", excerpt, excerptChars);
        }
        byte[] body;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readAllBytes();
        }
        String html = HtmlFileReader.decode(body, payloadType.parameters().get("charset"));
        if (html == null) {
            return RawRecords.rejected(path, position, key, "not HTML (binary payload)", excerpt, excerptChars);
        }
        String id = response.headers().first("WARC-Record-ID").orElse(null);
        if (id != null && id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return RawRecords.accepted(path, position, key,
                new RawRecords.Fields(id, target, null, null, null, null, null, html));
    }
}
