package org.newsprism.nlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;

/**
 * Compares the annotator with each sentence splitter on one thread, on the first N texts of a JSON Lines
 * file (a tuning aid, not a test): {@code AnnotateProfile <file.jsonl> <N>}. Speed is only measured here
 * and in scripts/bench.sh, never asserted.
 */
public final class AnnotateProfile {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int n = Integer.parseInt(args[1]);
        List<String> texts = Files.lines(Path.of(args[0])).limit(n).map(l -> {
            try { return json.readTree(l).get("text").asText(); } catch (Exception e) { throw new RuntimeException(e); }
        }).toList();
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        for (String splitter : new String[] {"spark-nlp", "regex", "spark-nlp", "regex"}) {
        JobConfig config = ConfigLoader.load(List.of(), java.util.Map.of("nlp.sentences.splitter", splitter), java.util.Map.of()).config();
        AnnotateStage stage = new AnnotateStage(spark, config);
        ArticleAnnotator a = stage.annotator();
        TextAnalyzer analyzer = a.analyzer();
        for (String t : texts.subList(0, 20)) a.annotate(t, "de");
        System.out.print(splitter + ": ");
        for (int round = 0; round < 1; round++) {
            long t0 = System.nanoTime();
            long s = 0;
            for (String t : texts) s += analyzer.analyse(t).sentences().size();
            long t1 = System.nanoTime();
            long m = 0;
            for (String t : texts) m += a.annotate(t, t.contains(" der ") ? "de" : "en").mentions().size();
            long t2 = System.nanoTime();
            System.out.printf("analyse %.1f docs/s (%d sentences); annotate %.1f docs/s (%d mentions)%n",
                    n / ((t1 - t0) / 1e9), s, n / ((t2 - t1) / 1e9), m);
        }
        }
        spark.stop();
    }
}
