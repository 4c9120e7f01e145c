package org.newsprism.nlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;

/**
 * Compares the annotator under several settings on one thread, on the first N texts of a JSON Lines file
 * (a tuning aid, not a test): {@code AnnotateProfile <file.jsonl> <N> <variant>...}, each variant a
 * comma-separated list of {@code key=value} settings (or {@code -} for the defaults), measured twice in
 * alternation. Speed is only measured here and in scripts/bench.sh, never asserted.
 */
public final class AnnotateProfile {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int n = Integer.parseInt(args[1]);
        List<String> texts = Files.lines(Path.of(args[0])).limit(n).map(l -> {
            try { return json.readTree(l).get("text").asText(); } catch (Exception e) { throw new RuntimeException(e); }
        }).toList();
        List<String> variants = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("-");
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        for (int round = 0; round < 2; round++) {
            for (String variant : variants) {
                Map<String, String> settings = new LinkedHashMap<>();
                for (String setting : variant.equals("-") ? new String[0] : variant.split(",")) {
                    settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                }
                JobConfig config = ConfigLoader.load(List.of(), settings, Map.of()).config();
                ArticleAnnotator a = new AnnotateStage(spark, config).annotator();
                for (String t : texts.subList(0, Math.min(20, texts.size()))) {
                    a.annotate(t, "de");
                }
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long m = 0;
                for (String t : texts) {
                    m += a.annotate(t, t.contains(" der ") ? "de" : "en").mentions().size();
                }
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                // CPU time is the steadier figure on a busy machine.
                System.out.printf("%s: annotate %.1f docs/s, %.3f ms CPU per doc (%d mentions)%n", variant,
                        n / ((t1 - t0) / 1e9), (c1 - c0) / 1e6 / n, m);
            }
        }
        spark.stop();
    }
}
