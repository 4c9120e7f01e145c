package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.HtmlFileReader;
import org.newsprism.io.RawRecords;

/**
 * Main-text quality of HTML extraction on the project's gold pages (realistic news pages with cookie
 * banners, navigation, share bars, related lists, ads and comments around a known article body):
 * bag-of-words token F1 of the text that ends up in {@code articles.text} against the gold text, next
 * to the naive baseline of all the page's body text. The figures are reported in README.
 */
class HtmlExtractionQualityTest {
    private static final Path DIR = Path.of("src/test/resources/formats/html");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private final JobConfig config = ConfigLoader.defaults().config();
    private final ArticleNormalizer normalizer = new ArticleNormalizer(config.normalize(), 300,
            BoilerplateRemover.load(config.normalize().boilerplate()), Instant.parse("2025-09-01T00:00:00Z"));

    record Score(double precision, double recall, double f1) {}

    static Score score(String extracted, String gold) {
        Map<String, Integer> e = bag(extracted);
        Map<String, Integer> g = bag(gold);
        int overlap = 0;
        for (Map.Entry<String, Integer> entry : e.entrySet()) {
            overlap += Math.min(entry.getValue(), g.getOrDefault(entry.getKey(), 0));
        }
        int ne = e.values().stream().mapToInt(Integer::intValue).sum();
        int ng = g.values().stream().mapToInt(Integer::intValue).sum();
        double p = ne == 0 ? 0 : (double) overlap / ne;
        double r = ng == 0 ? 0 : (double) overlap / ng;
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    private Row normalize(Path dir, String page) throws IOException {
        String html = HtmlFileReader.decode(Files.readAllBytes(dir.resolve("pages/" + page + ".html")), null);
        Object[] values = new Object[RawRecords.SCHEMA.size()];
        values[RawRecords.SCHEMA.fieldIndex("input_file")] = page + ".html";
        values[RawRecords.SCHEMA.fieldIndex("input_position")] = 0L;
        values[RawRecords.SCHEMA.fieldIndex("record_key")] = page + ".html";
        values[RawRecords.SCHEMA.fieldIndex("html")] = html;
        Row out = normalizer.normalize(new GenericRowWithSchema(values, RawRecords.SCHEMA));
        Object[] copy = new Object[out.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = out.get(i);
        }
        return new GenericRowWithSchema(copy, ArticleNormalizer.SCHEMA);
    }

    private static String gold(Path dir, String page) throws IOException {
        return Files.readString(dir.resolve("gold/" + page + ".txt"), StandardCharsets.UTF_8).strip();
    }

    private static List<String[]> metadata(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("gold/metadata.tsv"), StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.split("\t")).toList();
    }

    /** Scores one set of pages; returns the mean F1 and prints a table. */
    private double evaluate(String set, double minPageF1) throws IOException {
        Path dir = DIR.resolve(set);
        double sumF1 = 0;
        double sumBaseline = 0;
        double sumPrecision = 0;
        double sumRecall = 0;
        StringBuilder report = new StringBuilder(String.format("%s set%n%-22s %6s %6s %6s %9s%n", set, "page", "P", "R",
                "F1", "baseline"));
        List<String[]> pages = metadata(dir);
        for (String[] meta : pages) {
            String page = meta[0];
            String text = normalize(dir, page).getAs("text");
            Score s = score(text, gold(dir, page));
            String html = HtmlFileReader.decode(Files.readAllBytes(dir.resolve("pages/" + page + ".html")), null);
            Score baseline = score(UnicodeCleaner.clean(Jsoup.parse(html).body().text()), gold(dir, page));
            sumF1 += s.f1();
            sumPrecision += s.precision();
            sumRecall += s.recall();
            sumBaseline += baseline.f1();
            report.append(String.format(Locale.ROOT, "%-22s %6.3f %6.3f %6.3f %9.3f%n", page, s.precision(), s.recall(),
                    s.f1(), baseline.f1()));
            assertTrue(s.f1() >= minPageF1, page + " F1 " + s.f1() + "\n--- extracted:\n" + text);
        }
        int n = pages.size();
        report.append(String.format(Locale.ROOT, "%-22s %6.3f %6.3f %6.3f %9.3f%n", "mean", sumPrecision / n,
                sumRecall / n, sumF1 / n, sumBaseline / n));
        System.out.print(report);
        assertTrue(sumF1 / n > sumBaseline / n + 0.15, report.toString());
        return sumF1 / n;
    }

    /** The pages the extractor and the boilerplate patterns were developed on. */
    @Test
    void developmentPagesMatchTheirGoldText() throws IOException {
        assertTrue(evaluate("dev", 0.95) >= 0.97);
    }

    /** Pages written after development, scored without changing the extractor or the patterns for them. */
    @Test
    void heldOutPagesMatchTheirGoldText() throws IOException {
        assertTrue(evaluate("heldout", 0.8) >= 0.9);
    }

    @Test
    void titleDateLanguageAndCanonicalUrlComeFromThePage() throws IOException {
        for (String set : List.of("dev", "heldout")) {
            for (String[] meta : metadata(DIR.resolve(set))) {
                Row article = normalize(DIR.resolve(set), meta[0]);
                assertEquals(meta[1], article.getAs("title"), meta[0]);
                assertEquals(java.sql.Timestamp.from(Instant.parse(meta[2])), article.getAs("published_at"), meta[0]);
                assertEquals("ok", article.getAs("published_at_status"), meta[0]);
                assertEquals(meta[3], article.getAs("language"), meta[0]);
                assertEquals("-".equals(meta[4]) ? null : meta[4], article.getAs("url"), meta[0]);
            }
        }
    }

    @Test
    void furnitureNeverReachesTheText() throws IOException {
        List<String> furniture = List.of("Cookies", "cookies", "Startseite", "Mehr zum Thema", "Kommentare",
                "Tagesblatt-Newsletter", "Anzeige", "Impressum", "Most read", "Share on", "Sign up", "Related", "Reporting by",
                "Subscribe", "Leave a Reply", "Lesen Sie auch", "Foto:", "Von Max Mustermann", "By Jane Doe",
                "©", "Meistgelesen", "DAX", "teilen");
        for (String[] meta : metadata(DIR.resolve("dev"))) {
            String text = normalize(DIR.resolve("dev"), meta[0]).getAs("text");
            for (String f : furniture) {
                assertFalse(text.contains(f), meta[0] + " contains \"" + f + "\":\n" + text);
            }
        }
    }
}
