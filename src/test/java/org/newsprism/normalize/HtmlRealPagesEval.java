package org.newsprism.normalize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.jsoup.Jsoup;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.HtmlFileReader;
import org.newsprism.io.RawRecords;

/**
 * Main-text quality on real web pages (not a unit test; {@code scripts/eval-html.sh DIR}): for each
 * {@code DIR/<page>/source.html} with a gold main text in {@code DIR/<page>/expected.html} (the layout of
 * Mozilla Readability's {@code test/test-pages}), scores the text the job puts into {@code articles.text}
 * (extraction, then normalisation and boilerplate removal) by bag-of-words token precision, recall and F1
 * against the gold text, next to two baselines on the same page: all the body text, and Readability4J
 * alone (the library inside the extractor; note that the gold texts are Readability's own reviewed
 * output, which favours that baseline). Prints one line per page and the means.
 */
public final class HtmlRealPagesEval {
    private HtmlRealPagesEval() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: scripts/eval-html.sh DIR   (DIR/<page>/source.html and expected.html)");
            System.exit(2);
        }
        JobConfig config = ConfigLoader.defaults().config();
        ArticleNormalizer normalizer = new ArticleNormalizer(config.normalize(), 300,
                BoilerplateRemover.load(config.normalize().boilerplate()), Instant.now());
        List<Path> pages;
        try (Stream<Path> dirs = Files.list(Path.of(args[0]))) {
            pages = dirs.filter(d -> Files.isRegularFile(d.resolve("source.html"))
                    && Files.isRegularFile(d.resolve("expected.html"))).sorted().toList();
        }
        System.out.printf("%-28s %6s %6s %6s  %9s %11s%n", "page", "P", "R", "F1", "body-text", "readability");
        double[] sums = new double[5];
        for (Path page : pages) {
            String html = HtmlFileReader.decode(Files.readAllBytes(page.resolve("source.html")), null);
            String gold = Jsoup.parse(Files.readString(page.resolve("expected.html"), StandardCharsets.UTF_8)).text();
            String ours = text(normalizer.normalize(record(page.getFileName() + "/source.html", html)));
            HtmlExtractionQualityTest.Score s = HtmlExtractionQualityTest.score(ours, gold);
            double body = HtmlExtractionQualityTest.score(Jsoup.parse(html).body().text(), gold).f1();
            String alone = new Readability4JExtended("http://localhost/", html).parse().getTextContent();
            double readability = HtmlExtractionQualityTest.score(alone, gold).f1();
            double[] values = {s.precision(), s.recall(), s.f1(), body, readability};
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
            System.out.printf(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f  %9.3f %11.3f%n", page.getFileName(), s.precision(),
                    s.recall(), s.f1(), body, readability);
        }
        int n = Math.max(1, pages.size());
        System.out.printf(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f  %9.3f %11.3f%n", "mean of " + pages.size() + " pages",
                sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n);
    }

    private static Row record(String key, String html) {
        Object[] values = new Object[RawRecords.SCHEMA.size()];
        values[RawRecords.SCHEMA.fieldIndex("input_file")] = key;
        values[RawRecords.SCHEMA.fieldIndex("input_position")] = 0L;
        values[RawRecords.SCHEMA.fieldIndex("record_key")] = key;
        values[RawRecords.SCHEMA.fieldIndex("html")] = html;
        return new GenericRowWithSchema(values, RawRecords.SCHEMA);
    }

    private static String text(Row normalized) {
        int index = ArticleNormalizer.SCHEMA.fieldIndex("text");
        Object text = normalized.get(index);
        return text == null ? "" : text.toString();
    }
}
