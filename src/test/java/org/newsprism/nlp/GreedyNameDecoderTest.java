package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * The greedy decoder against OpenNLP's NameFinderME on the shipped German model, over the German test
 * articles sentence by sentence (adaptive data carried within an article, cleared between articles), with
 * given-name features as the job passes them.
 */
class GreedyNameDecoderTest {
    private static final Path MODEL = Path.of("conf/models/ner-de.bin");

    @Test
    void scoringEveryTokenFindsTheNamesAndProbabilitiesOfNameFinderMe() throws IOException {
        TokenNameFinderModel model = new TokenNameFinderModel(MODEL);
        NameFinderME reference = new NameFinderME(model);
        GreedyNameDecoder greedy = new GreedyNameDecoder(model, false);
        Set<String> given = givenNames();
        int names = 0;
        for (List<String[]> article : articles()) {
            reference.clearAdaptiveData();
            greedy.clearAdaptiveData();
            for (String[] tokens : article) {
                String[][] features = features(tokens, given);
                Span[] expected = reference.find(tokens, features);
                GreedyNameDecoder.Names actual = greedy.find(tokens, features);
                assertArrayEquals(expected, actual.spans(), String.join(" ", tokens));
                assertArrayEquals(reference.probs(expected), actual.probabilities(), 0.0, String.join(" ", tokens));
                names += expected.length;
            }
        }
        assertTrue(names > 50, "the articles hold names the model finds: " + names);
    }

    @Test
    void skippingChangesNothingWhereTheModelStartsNoNameOnATokenItSkips() throws IOException {
        TokenNameFinderModel model = new TokenNameFinderModel(MODEL);
        GreedyNameDecoder full = new GreedyNameDecoder(model, false);
        GreedyNameDecoder skipping = new GreedyNameDecoder(model, true);
        Set<String> given = givenNames();
        int sentences = 0;
        int skippable = 0;
        int tokensSeen = 0;
        for (List<String[]> article : articles()) {
            full.clearAdaptiveData();
            skipping.clearAdaptiveData();
            for (String[] tokens : article) {
                String[][] features = features(tokens, given);
                GreedyNameDecoder.Names all = full.find(tokens, features);
                GreedyNameDecoder.Names skipped = skipping.find(tokens, features);
                boolean lowerCaseStart = false;
                for (Span s : all.spans()) {
                    lowerCaseStart |= GreedyNameDecoder.cannotBeginName(tokens[s.getStart()]);
                }
                // Where the model began no name on such a token, it decided "other" for every skipped token,
                // so the two decoders saw the same outcomes and adaptive data throughout.
                assertFalse(lowerCaseStart, "this data has no name beginning in lower case: " + String.join(" ", tokens));
                assertArrayEquals(all.spans(), skipped.spans(), String.join(" ", tokens));
                assertArrayEquals(all.probabilities(), skipped.probabilities(), 0.0);
                sentences++;
                tokensSeen += tokens.length;
                for (String token : tokens) {
                    skippable += GreedyNameDecoder.cannotBeginName(token) ? 1 : 0;
                }
            }
        }
        assertTrue(sentences > 100, "sentences: " + sentences);
        assertTrue(skippable > tokensSeen / 3, "most German tokens are lower-case or punctuation: " + skippable
                + " of " + tokensSeen);
    }

    @Test
    void tokensThatCannotBeginANameAreLowerCaseWordsAndPunctuationButNotParticles() {
        for (String token : List.of("der", "über", "ärgerte", "flattr", ",", "„", "–", "...", "")) {
            assertTrue(GreedyNameDecoder.cannotBeginName(token), token);
        }
        for (String token : List.of("Berlin", "Ärzte", "1.", "FC", "3", "(Berlin", "'Merkel", "iTunes", "eBay", "office21",
                "von", "van", "de", "bin")) {
            assertFalse(GreedyNameDecoder.cannotBeginName(token), token);
        }
    }

    @Test
    void aModelWithAWiderBeamIsRefused() throws IOException {
        byte[] shipped = Files.readAllBytes(MODEL);
        TokenNameFinderModel model = new TokenNameFinderModel(new ByteArrayInputStream(shipped));
        assertEquals(1, GreedyNameDecoder.beamSize(model), "the shipped model is decoded with beam width 1");
        TokenNameFinderModel wide = ModelZip.withBeamSize(shipped, 3);
        assertEquals(3, GreedyNameDecoder.beamSize(wide));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GreedyNameDecoder(wide, true));
        assertTrue(e.getMessage().contains("beam width 1"), e.getMessage());
    }

    /** The German test articles and the seed, sentences of more than one token. */
    private static List<List<String[]>> articles() throws IOException {
        List<List<String[]>> articles = new ArrayList<>();
        for (List<String[]> article : TestSentences.tokenizedArticles(name -> name.startsWith("de-"))) {
            articles.add(article.stream().filter(tokens -> tokens.length > 1).toList());
        }
        return articles;
    }

    private static Set<String> givenNames() throws IOException {
        return new HashSet<>(Files.readAllLines(Path.of("conf/entities/given-names.txt")));
    }

    /** "given" on known given names and "prev=given" after them, as NerFeatures marks them. */
    private static String[][] features(String[] tokens, Set<String> given) {
        String[][] features = new String[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            List<String> f = new ArrayList<>();
            if (given.contains(tokens[i])) {
                f.add("given");
            }
            if (i > 0 && given.contains(tokens[i - 1])) {
                f.add("prev=given");
            }
            features[i] = f.toArray(String[]::new);
        }
        return features;
    }
}
