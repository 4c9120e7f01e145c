package org.newsprism.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes the WARC files under {@code src/test/resources/formats/warc} with jwarc, deterministically
 * (fixed record ids and dates). The files are shipped; run {@link #main} to regenerate them:
 * {@code news.warc.gz} (per-record gzip, as Common Crawl writes them), {@code single.warc} (uncompressed),
 * {@code truncated.warc.gz} (news.warc.gz cut inside its fifth record) and {@code whole.warc.gz} (the
 * same records uncompressed, then gzipped as one stream, as {@code gzip file.warc} does).
 *
 * <p>news.warc.gz holds, in order: warcinfo; request; response 200 HTML (German, UTF-8); metadata;
 * response 200 HTML (English, ISO-8859-1, gzip content encoding); response 404; response 200 image/jpeg;
 * revisit; response 200 HTML (chunked transfer encoding).
 */
public final class WarcFixtures {
    private static final Instant DATE = Instant.parse("2025-08-20T12:00:00Z");

    private WarcFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/formats/warc");
        Files.createDirectories(dir);
        Path news = dir.resolve("news.warc.gz");
        write(news, WarcCompression.GZIP, records());
        write(dir.resolve("single.warc"), WarcCompression.NONE, List.of(records().get(2)));
        byte[] all = Files.readAllBytes(news);
        List<Long> offsets = new ArrayList<>();
        try (WarcReader reader = new WarcReader(news)) {
            for (WarcRecord record : reader) {
                offsets.add(reader.position());
            }
        }
        int cut = (int) (offsets.get(4) + (offsets.get(5) - offsets.get(4)) / 2);
        Files.write(dir.resolve("truncated.warc.gz"), java.util.Arrays.copyOf(all, cut));
        Path plain = Files.createTempFile("news", ".warc");
        write(plain, WarcCompression.NONE, records());
        Files.write(dir.resolve("whole.warc.gz"), gzip(Files.readAllBytes(plain)));
        Files.delete(plain);
        System.out.println("record offsets " + offsets + ", truncated at " + cut);
    }

    private static void write(Path file, WarcCompression compression, List<WarcRecord> records) throws IOException {
        try (WarcWriter writer = new WarcWriter(java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE), compression)) {
            for (WarcRecord record : records) {
                writer.write(record);
            }
        }
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    static List<WarcRecord> records() throws IOException {
        List<WarcRecord> records = new ArrayList<>();
        records.add(new org.netpreserve.jwarc.Warcinfo.Builder().recordId(id(1)).date(DATE)
                .fields(new java.util.TreeMap<>(java.util.Map.of("software", List.of("newsprism test fixtures"), "format",
                        List.of("WARC File Format 1.1"))))
                .build());
        String url1 = "https://www.tagesblatt.example/politik/nato-gipfel-100.html";
        records.add(new WarcRequest.Builder(url1).recordId(id(2)).date(DATE)
                .body(new HttpRequest.Builder("GET", "/politik/nato-gipfel-100.html")
                        .addHeader("Host", "www.tagesblatt.example").build())
                .build());
        String page1 = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Nato berät über Luftverteidigung</title>"
                + "<meta property=\"article:published_time\" content=\"2025-08-20T09:00:00+02:00\"></head><body>"
                + "<nav><a href=\"/\">Startseite</a> <a href=\"/politik\">Politik</a></nav><article><h1>Nato berät über Luftverteidigung</h1>"
                + "<p>Die Verteidigungsminister der Nato haben in Brüssel über eine stärkere Luftverteidigung an der Ostflanke beraten. "
                + "Generalsekretär Mark Rutte sprach von einer dringenden Aufgabe.</p>"
                + "<p>Polen und die baltischen Staaten fordern seit Monaten zusätzliche Systeme. Deutschland sagte weitere Patriot-Einheiten zu.</p>"
                + "</article><footer>© Tagesblatt</footer></body></html>";
        records.add(new WarcResponse.Builder(url1).recordId(id(3)).date(DATE)
                .body(new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("text/html; charset=utf-8"), page1.getBytes(StandardCharsets.UTF_8)).build())
                .build());
        records.add(new WarcMetadata.Builder().recordId(id(4)).date(DATE).targetURI(url1)
                .fields(java.util.Map.of("fetchTimeMs", List.of("120"))).build());
        String url2 = "http://dailyledger.example/business/pound-rises?utm_source=feed";
        String page2 = "<html><head><title>Pound rises against the dollar</title></head><body><div class=\"story-body\">"
                + "<p>The pound rose to its highest level against the dollar in three months on Wednesday, trading at £1 to $1.36.</p>"
                + "<p>Traders said hopes of an interest rate cut in the United States had weakened the dollar.</p>"
                + "</div><div class=\"most-read\"><a href=\"/1\">Most read story</a></div></body></html>";
        records.add(new WarcResponse.Builder(url2).recordId(id(5)).date(DATE)
                .body(new HttpResponse.Builder(200, "OK")
                        .addHeader("Content-Encoding", "gzip")
                        .body(MediaType.parse("text/html; charset=ISO-8859-1"), gzip(page2.getBytes(StandardCharsets.ISO_8859_1)))
                        .build())
                .build());
        records.add(new WarcResponse.Builder("https://www.tagesblatt.example/gibt-es-nicht").recordId(id(6)).date(DATE)
                .body(new HttpResponse.Builder(404, "Not Found")
                        .body(MediaType.parse("text/html"), "<html><body>Seite nicht gefunden</body></html>".getBytes(StandardCharsets.UTF_8))
                        .build())
                .build());
        records.add(new WarcResponse.Builder("https://www.tagesblatt.example/img/logo.jpg").recordId(id(7)).date(DATE)
                .body(new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("image/jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3})
                        .build())
                .build());
        records.add(new WarcRevisit.Builder(url1).recordId(id(8)).date(DATE.plusSeconds(3600))
                .refersTo(id(3), java.net.URI.create(url1), DATE)
                .body(new HttpResponse.Builder(200, "OK").build())
                .build());
        String url3 = "https://worldwire.example/world/ceasefire-talks/";
        String page3 = "<html lang=\"en\"><head><title>Ceasefire talks resume</title>"
                + "<link rel=\"canonical\" href=\"https://worldwire.example/world/ceasefire-talks/#main\"></head><body><main>"
                + "<p>Negotiators from both sides resumed ceasefire talks in Istanbul on Wednesday, officials said.</p>"
                + "<p>The talks had been suspended for two weeks after an attack on a power station.</p></main></body></html>";
        byte[] body3 = page3.getBytes(StandardCharsets.UTF_8);
        records.add(new WarcResponse.Builder(url3).recordId(id(9)).date(DATE)
                .body(new HttpResponse.Builder(200, "OK")
                        .addHeader("Transfer-Encoding", "chunked")
                        .body(MediaType.parse("text/html; charset=utf-8"), chunked(body3))
                        .build())
                .build());
        return records;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] chunked(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int half = bytes.length / 2;
        for (int[] range : new int[][] {{0, half}, {half, bytes.length}}) {
            out.writeBytes(Integer.toHexString(range[1] - range[0]).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, range[0], range[1] - range[0]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
