package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * The shipped German name-finder model caches the token and token-class features inside its windows
 * (ner-features.xml). That must be a pure speed-up: the same model without those caches gives every
 * token of every sentence the same features, and finds the same names with the same probabilities.
 */
class NerFeatureCacheTest {
    private static final String CACHE = "opennlp.tools.util.featuregen.CachedFeatureGeneratorFactory";

    @Test
    void cachingTheWindowedTokenFeaturesChangesNoFeatureAndNoName() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("conf/models/ner-de.bin"));
        String descriptor = new String(ModelZip.entry(shipped, "generator.featuregen"), StandardCharsets.UTF_8);
        assertEquals(2, descriptor.split(CACHE, -1).length - 1, "both windowed generators are cached");
        try (InputStream trainer = NerTrainer.class.getResourceAsStream("ner-features.xml")) {
            assertEquals(new String(trainer.readAllBytes(), StandardCharsets.UTF_8), descriptor,
                    "the model carries the descriptor NerTrainer trains with");
        }
        String uncached = descriptor.replaceAll("(?s)<generator class=\"" + CACHE.replace(".", "\\.") + "\">\\s*(<generator.*?(/>|</generator>))\\s*</generator>", "$1");
        assertTrue(!uncached.contains(CACHE) && uncached.contains("TokenClassFeatureGeneratorFactory"), uncached);

        TokenNameFinderModel cachedModel = new TokenNameFinderModel(new ByteArrayInputStream(shipped));
        TokenNameFinderModel plainModel = new TokenNameFinderModel(new ByteArrayInputStream(
                ModelZip.withEntry(shipped, "generator.featuregen", uncached.getBytes(StandardCharsets.UTF_8))));
        NameContextGenerator cachedContext = cachedModel.getFactory().createContextGenerator();
        NameContextGenerator plainContext = plainModel.getFactory().createContextGenerator();
        NameFinderME cachedFinder = new NameFinderME(cachedModel);
        NameFinderME plainFinder = new NameFinderME(plainModel);

        List<String[]> sentences = sentences();
        assertTrue(sentences.size() >= 20, "enough German sentences: " + sentences.size());
        int names = 0;
        for (String[] tokens : sentences) {
            String[] outcomes = new String[tokens.length];
            Arrays.fill(outcomes, "other");
            for (int i = 0; i < tokens.length; i++) {
                assertArrayEquals(plainContext.getContext(i, tokens, outcomes, null),
                        cachedContext.getContext(i, tokens, outcomes, null),
                        "features of token " + i + " of " + String.join(" ", tokens));
            }
            Span[] cached = cachedFinder.find(tokens);
            Span[] plain = plainFinder.find(tokens);
            assertArrayEquals(plain, cached, String.join(" ", tokens));
            assertArrayEquals(plainFinder.probs(plain), cachedFinder.probs(cached), 0.0);
            names += cached.length;
        }
        assertTrue(names > 0, "the sentences hold names the model finds");
    }

    /** The German sentences of the seed articles, split at spaces and before punctuation. */
    private static List<String[]> sentences() throws IOException {
        List<String[]> sentences = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                for (String sentence : Files.readString(seed).split("(?<=[.!?])\\s+")) {
                    String[] tokens = sentence.replaceAll("([,.;:!?\")(])", " $1 ").trim().split("\\s+");
                    if (tokens.length > 3) {
                        sentences.add(tokens);
                    }
                }
            }
        }
        return sentences;
    }
}
