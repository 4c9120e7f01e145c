package org.newsprism.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A tuning aid, not a test: writes, per record of labelled sentiment files, each sentence's tokens with their
 * weighted valences after the scorer's rules, and the mention overlapping the record's target, so that ways of
 * combining them can be compared offline. {@code SentimentFeatureDump OUT.jsonl GOLD.jsonl...}
 */
public final class SentimentFeatureDump {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        SentimentDevHarness.Setup setup = SentimentDevHarness.Setup.of(args);
        SparkSession spark = setup.spark();
        ArticleAnnotator annotator = setup.annotator();
        List<String> files = setup.files();
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]))) {
            for (String file : files) {
                String set = Path.of(file).getFileName().toString().replace(".jsonl", "");
                for (String line : Files.readAllLines(Path.of(file))) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode g = json.readTree(line);
                    String text = g.get("text").asText();
                    String language = g.get("language").asText();
                    ArticleAnnotator.Annotated a = annotator.annotate(text, language);
                    SentenceSentimentScorer scorer = annotator.scorer(language);
                    ObjectNode out = json.createObjectNode();
                    out.put("set", set).put("id", g.get("id").asText()).put("language", language);
                    out.set("gold", g.has("polarity") ? g.get("polarity") : g.get("score"));
                    if (g.has("target")) {
                        out.set("target", g.get("target"));
                        for (ArticleAnnotator.Mention m : a.mentions()) {
                            int begin = g.get("target").get("begin").asInt();
                            int end = g.get("target").get("end").asInt();
                            if (m.begin() < end && begin < m.end()) {
                                out.put("mention_sentence", m.sentenceIndex());
                                out.put("mention_score", m.sentiment());
                                out.put("mention_surface", m.surface());
                                break;
                            }
                        }
                    }
                    out.put("article_score", a.sentiment());
                    ArrayNode found = out.putArray("mentions");
                    a.mentions().forEach(m -> found.add(m.surface() + "/" + m.entity().type() + (m.discovered() ? "*" : "")));
                    ArrayNode sentences = out.putArray("sentences");
                    for (TextAnalysis.Sentence s : annotator.analyzer().analyse(text).sentences()) {
                        List<String> tokens = List.of(s.tokenTexts());
                        double[] c = new double[tokens.size()];
                        scorer.score(tokens, c, null);
                        ObjectNode sn = sentences.addObject();
                        sn.put("index", s.index()).put("begin", s.begin()).put("end", s.end());
                        ArrayNode ts = sn.putArray("tokens");
                        for (int i = 0; i < tokens.size(); i++) {
                            ts.addObject().put("t", tokens.get(i)).put("b", s.tokens().get(i).begin()).put("v", c[i]);
                        }
                    }
                    w.write(json.writeValueAsString(out));
                    w.newLine();
                }
            }
        }
        spark.stop();
    }
}
