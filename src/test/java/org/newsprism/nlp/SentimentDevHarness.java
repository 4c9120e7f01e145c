package org.newsprism.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;

/**
 * A tuning aid, not a test: annotates each record of labelled sentiment files with the job's own
 * {@link ArticleAnnotator} on the driver (no Spark job per file) and writes the predictions the way
 * scripts/eval/sentiment_predictions.py derives them from the job's tables: the record's article score, or
 * the score of a mention overlapping the record's target.
 *
 * <p>{@code SentimentDevHarness OUTDIR [--set key=value]... GOLD.jsonl...} writes OUTDIR/&lt;name&gt;.pred.jsonl;
 * run by scripts/eval-sentiment-quick.sh. It reads raw texts (the job normalises them first), so its figures
 * can differ from scripts/eval-sentiment.sh by up to 0.02; that script's figures are the ones reported.
 */
public final class SentimentDevHarness {
    /** What the tuning aids share: {@code OUT [--set key=value]... GOLD.jsonl...} read into a local session and annotator. */
    record Setup(SparkSession spark, ArticleAnnotator annotator, List<String> files) {
        static Setup of(String[] args) {
            Map<String, String> sets = new HashMap<>();
            List<String> files = new java.util.ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--set") && i + 1 < args.length) {
                    String[] kv = args[++i].split("=", 2);
                    sets.put(kv[0], kv[1]);
                } else {
                    files.add(args[i]);
                }
            }
            SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                    .getOrCreate();
            JobConfig config = ConfigLoader.load(List.of(), sets, Map.of()).config();
            return new Setup(spark, new AnnotateStage(spark, config).annotator(), files);
        }
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Setup setup = Setup.of(args);
        SparkSession spark = setup.spark();
        ArticleAnnotator annotator = setup.annotator();
        List<String> files = setup.files();
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (String file : files) {
            Path gold = Path.of(file);
            String name = gold.getFileName().toString().replace(".jsonl", "");
            int usedMentions = 0;
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(name + ".pred.jsonl"))) {
                for (String line : Files.readAllLines(gold)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode g = json.readTree(line);
                    String text = g.get("text").asText();
                    ArticleAnnotator.Annotated a = annotator.annotate(text, g.get("language").asText());
                    double score = a.sentiment();
                    String label = a.label();
                    JsonNode target = g.get("target");
                    if (target != null) {
                        int begin = target.get("begin").asInt();
                        int end = target.get("end").asInt();
                        for (ArticleAnnotator.Mention m : a.mentions()) {
                            if (m.begin() < end && begin < m.end()) {
                                score = m.sentiment();
                                label = m.label();
                                usedMentions++;
                                break;
                            }
                        }
                    }
                    ObjectNode p = json.createObjectNode();
                    p.put("id", g.get("id").asText());
                    var sentences = p.putArray("sentences");
                    for (ArticleAnnotator.Sentence s : a.sentences()) {
                        sentences.addObject().put("text", text.substring(s.begin(), s.end())).put("score", s.sentiment());
                    }
                    p.put("score", score);
                    p.put("label", label);
                    w.write(json.writeValueAsString(p));
                    w.newLine();
                }
            }
            System.err.println(name + ": records scored with their target's mention: " + usedMentions);
        }
        spark.stop();
    }
}
