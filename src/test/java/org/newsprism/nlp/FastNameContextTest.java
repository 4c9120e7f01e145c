package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.featuregen.AdditionalContextFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;
import org.junit.jupiter.api.Test;

/**
 * FastNameContext against OpenNLP's own context generator for the shipped model's descriptor (plus
 * NameFinderME's additional-context window): the same feature strings in the same order for every token,
 * under random previous outcomes, random additional features and adaptive data carried across sentences.
 */
class FastNameContextTest {
    private static final Path MODEL = Path.of("conf/models/ner-de.bin");

    @Test
    void everyTokenGetsOpenNlpsFeaturesInOpenNlpsOrder() throws IOException {
        TokenNameFinderModel model = new TokenNameFinderModel(MODEL);
        assertTrue(FastNameContext.describes(model), "the shipped model uses ner-features.xml");
        NameContextGenerator reference = model.getFactory().createContextGenerator();
        AdditionalContextFeatureGenerator additional = new AdditionalContextFeatureGenerator();
        reference.addFeatureGenerator(new WindowFeatureGenerator(additional, 8, 8));
        FastNameContext fast = new FastNameContext();
        String[] outcomes = model.getNameFinderSequenceModel().getOutcomes();
        Random random = new Random(20261127L);
        int compared = 0;
        for (List<String[]> article : texts()) {
            reference.clearAdaptiveData();
            fast.clearAdaptiveData();
            for (String[] tokens : article) {
                String[] preds = randomOutcomes(tokens, outcomes, random);
                String[][] features = randomFeatures(tokens, random);
                additional.setCurrentContext(features);
                for (int i = 0; i < tokens.length; i++) {
                    String[] before = java.util.Arrays.copyOf(preds, i);
                    assertArrayEquals(reference.getContext(i, tokens, before, features),
                            fast.getContext(i, tokens, before, features), "token " + i + " of " + String.join(" ", tokens));
                    compared++;
                }
                reference.updateAdaptiveData(tokens, preds);
                fast.updateAdaptiveData(tokens, preds);
            }
        }
        assertTrue(compared > 3000, "tokens compared: " + compared);
    }

    @Test
    void theParametersHandedOverAreTheModelsForTheSameFeaturesInTheSameOrder() throws IOException {
        TokenNameFinderModel model = new TokenNameFinderModel(MODEL);
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) ((AbstractModel) model.getArtifact("nameFinder.model"))
                .getDataStructures()[1];
        FastNameContext strings = new FastNameContext();
        FastNameContext parameters = new FastNameContext(pmap);
        String[] outcomes = model.getNameFinderSequenceModel().getOutcomes();
        Random random = new Random(20261128L);
        int compared = 0;
        int absent = 0;
        for (List<String[]> article : texts()) {
            strings.clearAdaptiveData();
            parameters.clearAdaptiveData();
            for (String[] tokens : article) {
                String[] preds = randomOutcomes(tokens, outcomes, random);
                String[][] features = randomFeatures(tokens, random);
                for (int i = 0; i < tokens.length; i++) {
                    String[] before = java.util.Arrays.copyOf(preds, i);
                    List<Context> expected = new ArrayList<>();
                    for (String feature : strings.getContext(i, tokens, before, features)) {
                        Context c = pmap.get(feature);
                        if (c != null) {
                            expected.add(c);
                        } else {
                            absent++;
                        }
                    }
                    List<Context> actual = new ArrayList<>();
                    for (Context c : parameters.contexts(i, tokens, before, features)) {
                        if (c != null) {
                            actual.add(c);
                        }
                    }
                    // The model's own objects, in the same order: the same sums, term by term.
                    assertEquals(expected.size(), actual.size(), "token " + i + " of " + String.join(" ", tokens));
                    for (int k = 0; k < expected.size(); k++) {
                        assertSame(expected.get(k), actual.get(k), "feature " + k + " of token " + i);
                    }
                    compared++;
                }
                strings.updateAdaptiveData(tokens, preds);
                parameters.updateAdaptiveData(tokens, preds);
            }
        }
        assertTrue(compared > 3000, "tokens compared: " + compared);
        assertTrue(absent > 0, "features the model lacks are left out: " + absent);
    }

    @Test
    void aModelWithAnotherDescriptorIsNotClaimed() throws IOException {
        byte[] shipped = Files.readAllBytes(MODEL);
        String descriptor = new String(ModelZip.entry(shipped, "generator.featuregen"), StandardCharsets.UTF_8);
        byte[] other = ModelZip.withEntry(shipped, "generator.featuregen",
                descriptor.replace("<int name=\"length\">4</int>", "<int name=\"length\">3</int>").getBytes(StandardCharsets.UTF_8));
        assertFalse(FastNameContext.describes(new TokenNameFinderModel(new ByteArrayInputStream(other))));
    }

    /** A random outcome per token (as earlier decisions). */
    private static String[] randomOutcomes(String[] tokens, String[] outcomes, Random random) {
        String[] preds = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            preds[i] = outcomes[random.nextInt(outcomes.length)];
        }
        return preds;
    }

    /** Random additional features per token (given names, catalogue matches, organisations), or none at all. */
    private static String[][] randomFeatures(String[] tokens, Random random) {
        String[][] features = new String[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            features[i] = random.nextInt(4) == 0 ? new String[] {"given", "cat=B-PER"}
                    : random.nextInt(3) == 0 ? new String[] {"org"} : new String[0];
        }
        return random.nextInt(5) == 0 ? new String[0][] : features;
    }

    /**
     * The German test articles and the seed split into sentences and tokens, plus one "article" of odd
     * tokens: digits, initials, all capitals, hyphens, slashes, non-Latin scripts, empty-looking ones.
     */
    private static List<List<String[]>> texts() throws IOException {
        List<List<String[]>> texts = new ArrayList<>(TestSentences.tokenizedArticles(name -> true));
        texts.add(List.of(
                new String[] {"A.", "B.", "USA", "X", "1990", "12", "3-4", "3/4", "3,5", "3.5", "42", "A1", "ひらがな", "カタカナ"},
                new String[] {"Ärger", "ÄÖÜ", "straße", "İstanbul", "Σ", "e-Mail", "iPhone", "x"},
                new String[] {"Berlin"}));
        return texts;
    }
}
