package org.newsprism.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;

/**
 * Trains the entity recogniser's model ({@link EntityRecognizer}) from GermEval-style JSON Lines
 * ({@code id, text, entities: [{begin, end, type}]}, outer spans; PER, ORG, LOC and OTH are learnt,
 * the *deriv and *part variants are left to the catalogue). Sentences are tokenised by the job's own
 * Spark NLP pipeline and get the job's own {@link NerFeatures}, so training and use see the same input.
 *
 * <p>Usage ({@code scripts/train-ner.sh}): {@code NerTrainer GOLD.jsonl MODEL.bin [--holdout-out FILE]}.
 * Records whose id hashes into the held-out fifth are left out of training and written to
 * {@code --holdout-out} for measuring with {@code scripts/eval-ner.sh}; without it, all records train.
 * System properties: {@code ner.beam-size} (the decoder's beam width stored in the model, default 1),
 * {@code ner.thresholds} (floors scored on the held-out fifth), {@code ner.tune}
 * (also train on four fifths of the training records and score the floors on the fifth left, so the
 * floor can be chosen without the held-out fifth), {@code ner.iterations}, {@code ner.cutoff},
 * {@code ner.algorithm}, {@code ner.features}.
 */
public final class NerTrainer {
    private static final Set<String> LEARNT = Set.of("PER", "ORG", "LOC", "OTH");

    private NerTrainer() {}

    public static void main(String[] args) throws IOException {
        Path gold = Path.of(args[0]);
        Path modelOut = Path.of(args[1]);
        Path holdoutOut = args.length > 3 && args[2].equals("--holdout-out") ? Path.of(args[3]) : null;

        JobConfig config = ConfigLoader.defaults().config();
        SparkSession spark = SparkSession.builder().master("local[1]").appName("newsprism-train-ner")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            EntityCatalogue catalogue = EntityCatalogue.load(config.nlp().entities().catalogue(), config.nlp().entities().givenNames());
            JobConfig.Entities entities = config.nlp().entities();
            Map<String, EntityCatalogue.SurfaceForm> forms =
                    catalogue.surfaceForms(entities.genitiveForms(), entities.possessiveForms());
            PipelineModel pipeline = SparkNlpPipeline.fit(spark, forms.values().stream().map(EntityCatalogue.SurfaceForm::text).toList());
            TextAnalyzer analyzer = new TextAnalyzer(pipeline, forms);
            Set<String> givenNames = catalogue.givenNames();

            ObjectMapper json = new ObjectMapper();
            List<String> training = new ArrayList<>();
            List<String> holdout = new ArrayList<>();
            for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                if (holdoutOut != null && isHeldOut(json.readTree(line).get("id").asText())) {
                    holdout.add(line);
                } else {
                    training.add(line);
                }
            }
            byte[] featureXml;
            try (var in = NerTrainer.class.getResourceAsStream(System.getProperty("ner.features", "ner-features.xml"))) {
                featureXml = in.readAllBytes();
            }
            if (Boolean.getBoolean("ner.tune")) {
                // choose the floor without the held-out fifth: train on part of the training records and
                // score the floors on the rest (a second stable fifth, by id)
                List<String> inner = new ArrayList<>();
                List<String> tune = new ArrayList<>();
                for (String line : training) {
                    (isTuning(json.readTree(line).get("id").asText()) ? tune : inner).add(line);
                }
                byte[] tuned = train(samples(inner, analyzer, catalogue, givenNames, json), featureXml);
                scoreFloors("tuning fifth of the training part (" + tune.size() + " records)", tuned, tune, analyzer,
                        catalogue, config, json);
            }
            byte[] bytes = train(samples(training, analyzer, catalogue, givenNames, json), featureXml);
            Files.createDirectories(modelOut.toAbsolutePath().getParent());
            Files.write(modelOut, bytes);
            System.err.printf("model written to %s (%d bytes)%n", modelOut, Files.size(modelOut));
            if (holdoutOut != null) {
                Files.write(holdoutOut, holdout, StandardCharsets.UTF_8);
                System.err.printf("%d held-out records written to %s%n", holdout.size(), holdoutOut);
                scoreFloors("held out", bytes, holdout, analyzer, catalogue, config, json);
            }
        } finally {
            spark.stop();
        }
    }

    /** Prints the scores of {@code model} on {@code records} at each floor of {@code ner.thresholds}. */
    private static void scoreFloors(String label, byte[] model, List<String> records, TextAnalyzer analyzer,
            EntityCatalogue catalogue, JobConfig config, ObjectMapper json) throws IOException {
        for (double floor : thresholds()) {
            ArticleAnnotator annotator = new ArticleAnnotator(analyzer, catalogue,
                    Map.of("de", new EntityRecognizer(model, floor,
                            config.nlp().entities().discovery().skipUnnameableTokens())), Map.of(), config.nlp());
            System.err.printf("%s, min-probability %.3f: %s%n", label, floor, score(annotator, records, json));
        }
    }

    /** OpenNLP name samples of GermEval records, tokenised and featured as the job does. */
    private static List<NameSample> samples(List<String> records, TextAnalyzer analyzer, EntityCatalogue catalogue,
            Set<String> givenNames, ObjectMapper json) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        int spans = 0;
        int misaligned = 0;
        for (String line : records) {
            JsonNode record = json.readTree(line);
            TextAnalysis analysis = analyzer.analyse(record.get("text").asText());
            TextAnalysis.Sentence all = flatten(analysis);
            String[][] features = NerFeatures.of(all, flattenMatches(analysis), catalogue.entities(), givenNames);
            List<Span> names = new ArrayList<>();
            for (JsonNode e : record.get("entities")) {
                String type = e.get("type").asText();
                if (!LEARNT.contains(type)) {
                    continue;
                }
                spans++;
                Span span = tokenSpan(all, e.get("begin").asInt(), e.get("end").asInt(), type);
                if (span == null) {
                    misaligned++;
                } else {
                    names.add(span);
                }
            }
            samples.add(new NameSample(all.tokenTexts(), names.toArray(Span[]::new), features, true));
        }
        System.err.printf("training on %d sentences, %d names (%d not on token boundaries, skipped)%n",
                samples.size(), spans - misaligned, misaligned);
        return samples;
    }

    /** A serialised perceptron name finder trained on {@code samples}. */
    private static byte[] train(List<NameSample> samples, byte[] featureXml) throws IOException {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("ner.algorithm", "PERCEPTRON"));
        parameters.put(TrainingParameters.ITERATIONS_PARAM, Integer.getInteger("ner.iterations", 300));
        parameters.put(TrainingParameters.CUTOFF_PARAM, Integer.getInteger("ner.cutoff", 1));
        // The decoder's beam width is stored in the model. OpenNLP's default is 3; a width of 1 found the
        // same names on the held-out fifth through the job and decodes 1.8 times as fast (issue 9).
        parameters.put(opennlp.tools.ml.BeamSearch.BEAM_SIZE_PARAMETER, Integer.getInteger("ner.beam-size", 1));
        TokenNameFinderModel model = NameFinderME.train("de", null, ObjectStreamUtils.createObjectStream(samples),
                parameters, new TokenNameFinderFactory(featureXml, Map.of(), new opennlp.tools.namefind.BioCodec()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        model.serialize(out);
        return out.toByteArray();
    }

    /** Micro precision, recall and F1 over PER, ORG, LOC (exact span and type), as the GermEval scorer. */
    private static String score(ArticleAnnotator annotator, List<String> records, ObjectMapper json) throws IOException {
        int correct = 0;
        int predicted = 0;
        int gold = 0;
        Set<String> kept = Set.of("PER", "ORG", "LOC");
        for (String line : records) {
            JsonNode record = json.readTree(line);
            String text = record.get("text").asText();
            Set<String> goldSpans = new java.util.HashSet<>();
            for (JsonNode e : record.get("entities")) {
                if (kept.contains(e.get("type").asText())) {
                    goldSpans.add(e.get("begin").asInt() + ":" + e.get("end").asInt() + ":" + e.get("type").asText());
                }
            }
            Set<String> predictedSpans = new java.util.HashSet<>();
            int[] codePoints = text.codePoints().toArray();
            for (ArticleAnnotator.Mention m : annotator.annotate(text, "de").mentions()) {
                boolean part = (m.begin() > 0 && codePoints[m.begin() - 1] == '-')
                        || (m.end() < codePoints.length && codePoints[m.end()] == '-');
                if (!m.derived() && !part && kept.contains(m.entity().type())) {
                    predictedSpans.add(m.begin() + ":" + m.end() + ":" + m.entity().type());
                }
            }
            gold += goldSpans.size();
            predicted += predictedSpans.size();
            predictedSpans.retainAll(goldSpans);
            correct += predictedSpans.size();
        }
        double p = predicted == 0 ? 0 : (double) correct / predicted;
        double r = gold == 0 ? 0 : (double) correct / gold;
        return String.format("P %.4f R %.4f F1 %.4f (%d/%d/%d)", p, r, p + r == 0 ? 0 : 2 * p * r / (p + r),
                correct, predicted, gold);
    }

    private static double[] thresholds() {
        String list = System.getProperty("ner.thresholds", "0.0,0.3,0.5,0.7,0.9");
        return java.util.Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** A stable fifth of the records, by id: the same split on every machine and run. */
    static boolean isHeldOut(String id) {
        return Math.floorMod(id.hashCode(), 5) == 0;
    }

    /** A second stable fifth, of the training records, for choosing the floor without the held-out fifth. */
    static boolean isTuning(String id) {
        return Math.floorMod((id + "#tune").hashCode(), 5) == 0;
    }

    static TextAnalysis.Sentence flatten(TextAnalysis analysis) {
        List<TextAnalysis.Token> tokens = new ArrayList<>();
        analysis.sentences().forEach(s -> tokens.addAll(s.tokens()));
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        return new TextAnalysis.Sentence(0, 0, end, tokens);
    }

    private static List<TextAnalysis.CatalogueMatch> flattenMatches(TextAnalysis analysis) {
        List<TextAnalysis.CatalogueMatch> result = new ArrayList<>();
        int offset = 0;
        for (TextAnalysis.Sentence s : analysis.sentences()) {
            for (TextAnalysis.CatalogueMatch m : analysis.matches()) {
                if (m.sentenceIndex() == s.index()) {
                    result.add(new TextAnalysis.CatalogueMatch(0, m.firstToken() + offset, m.lastToken() + offset,
                            m.begin(), m.end(), m.target()));
                }
            }
            offset += s.tokens().size();
        }
        return result;
    }

    private static Span tokenSpan(TextAnalysis.Sentence sentence, int begin, int end, String type) {
        int first = -1;
        int last = -1;
        List<TextAnalysis.Token> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).begin() == begin) {
                first = i;
            }
            if (tokens.get(i).end() == end) {
                last = i;
            }
        }
        return first >= 0 && last >= first ? new Span(first, last + 1, type) : null;
    }
}
