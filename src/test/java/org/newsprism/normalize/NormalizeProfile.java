package org.newsprism.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.RawRecords;

/**
 * Times the normaliser and each of its steps on one thread, on the first N records of a JSON Lines file
 * (a tuning aid, not a test; run it under Java Flight Recorder to see where the time goes):
 * {@code NormalizeProfile <file.jsonl> <N> [rounds]}. Speed is only measured here and in scripts/bench.sh,
 * never asserted.
 */
public final class NormalizeProfile {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int n = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Row> raw = new ArrayList<>();
        long position = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (raw.size() == n) {
                break;
            }
            JsonNode o = json.readTree(line);
            RawRecords.Fields f = new RawRecords.Fields(text(o, "id"), text(o, "url"), text(o, "source"),
                    text(o, "title"), text(o, "text"), text(o, "published_at"), text(o, "language"), null);
            Row row = RawRecords.accepted(args[0], position, "bench:" + position, f);
            raw.add(new GenericRowWithSchema(((org.apache.spark.sql.catalyst.expressions.GenericRow) row).values(),
                    RawRecords.SCHEMA));
            position += line.length() + 1;
        }
        JobConfig config = ConfigLoader.defaults().config();
        JobConfig.Normalize nc = config.normalize();
        ArticleNormalizer normalizer = new ArticleNormalizer(nc, config.input().excerptChars(),
                BoilerplateRemover.load(nc.boilerplate()), Instant.now());
        TextCleaner cleaner = new TextCleaner(nc.cleanup());
        LanguageIdentifier languages = new LanguageIdentifier(nc.language());
        BoilerplateRemover boilerplate = BoilerplateRemover.load(nc.boilerplate());
        List<String> texts = raw.stream().map(r -> r.<String>getAs("text")).toList();
        List<String> cleaned = texts.stream().map(cleaner::clean).toList();
        List<String> langs = cleaned.stream().map(t -> languages.detect(t).language()).toList();

        int differ = 0;
        for (String t : cleaned) {
            String prefix = t.length() > 3000 ? t.substring(0, 3000) : t;
            if (!java.util.Arrays.toString(LanguageIdentifier.predictWithOpenNlp(prefix))
                    .equals(java.util.Arrays.toString(LanguageIdentifier.predict(prefix)))) {
                differ++;
            }
        }
        System.out.println("rankings differing from OpenNLP's: " + differ + " of " + cleaned.size());
        for (int round = 0; round < rounds; round++) {
            time("  opennlp", cleaned, t -> LanguageIdentifier.predictWithOpenNlp(t.length() > 3000 ? t.substring(0, 3000) : t));
            time("normalize", raw, normalizer::normalize);
            time("  clean", texts, cleaner::clean);
            time("    entities", texts, t -> org.jsoup.parser.Parser.unescapeEntities(t, false));
            time("    nfkc", texts, UnicodeCleaner::nfkc);
            time("    invisible", texts, UnicodeCleaner::invisible);
            time("    whitespace", texts, UnicodeCleaner::whitespace);
            time("  detect", cleaned, languages::detect);
            List<Integer> idx = java.util.stream.IntStream.range(0, cleaned.size()).boxed().toList();
            time("  boilerplate", idx, i -> boilerplate.remove(cleaned.get(i), langs.get(i), null));
            time("  sha256", cleaned, ArticleNormalizer::sha256);
            System.out.println();
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> void time(String label, List<T> items, Function<T, ?> work) {
        long t0 = System.nanoTime();
        long sink = 0;
        for (T item : items) {
            sink += work.apply(item).hashCode();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-14s %8.0f records/s (%d)%n", label, items.size() / seconds, sink & 1);
    }
}
