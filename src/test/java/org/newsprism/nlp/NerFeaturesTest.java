package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NerFeaturesTest {


    private static List<String> of(String[][] features, int token) {
        return Arrays.asList(features[token]);
    }

    @Test
    void organisationWordsMarkThemselvesAndTheirNeighbours() {
        String[][] f = NerFeatures.of(TestSentences.of("beim", "Rowohlt", "Theater", "Verlag", "in", "Hamburg"),
                List.of(), List.of(), Set.of());
        assertEquals(6, f.length);
        assertTrue(of(f, 1).contains("next=org"), "the name before the head");
        assertTrue(of(f, 2).contains("org") && of(f, 2).contains("next=org"));
        assertTrue(of(f, 3).contains("org") && of(f, 3).contains("prev=org"));
        assertTrue(of(f, 4).contains("prev=org"));
        assertFalse(of(f, 0).contains("org") || of(f, 5).contains("org"));
        assertFalse(of(f, 5).contains("prev=org"));
    }

    @Test
    void catalogueMatchesMarkTheirTokensByTypeAndPlaceAndOtherSentencesMatchesAreSkipped() {
        List<Entity> entities = List.of(new Entity("olaf-scholz", "PER", "Olaf Scholz", List.of(), List.of()),
                new Entity("germany", "LOC", "Deutschland", List.of(), List.of("deutsche")));
        List<TextAnalysis.CatalogueMatch> matches = List.of(
                new TextAnalysis.CatalogueMatch(0, 1, 2, 5, 16, new EntityCatalogue.Target(0, false)),
                new TextAnalysis.CatalogueMatch(0, 4, 4, 26, 34, new EntityCatalogue.Target(1, true)),
                new TextAnalysis.CatalogueMatch(1, 0, 0, 0, 4, new EntityCatalogue.Target(1, false)));
        String[][] f = NerFeatures.of(TestSentences.of("Kanzler", "Olaf", "Scholz", "lobte", "deutsche", "Firmen"),
                matches, entities, Set.of());
        assertEquals(List.of("cat=B-PER"), of(f, 1).stream().filter(x -> x.startsWith("cat")).toList());
        assertEquals(List.of("cat=I-PER"), of(f, 2).stream().filter(x -> x.startsWith("cat")).toList());
        assertEquals(List.of("catd=LOC"), of(f, 4).stream().filter(x -> x.startsWith("cat")).toList());
        assertTrue(of(f, 0).stream().noneMatch(x -> x.startsWith("cat")), "the match of sentence 1 is not this one's");
        assertTrue(of(f, 5).stream().noneMatch(x -> x.startsWith("cat")));
        // Handing the sentence only its own matches gives the same features.
        String[][] own = NerFeatures.of(TestSentences.of("Kanzler", "Olaf", "Scholz", "lobte", "deutsche", "Firmen"),
                matches.subList(0, 2), entities, Set.of());
        assertTrue(Arrays.deepEquals(f, own));
    }

    @Test
    void speechWordsMarkTheSpeakerOnEitherSide() {
        String[][] f = NerFeatures.of(TestSentences.of("„", "Nein", "“", ",", "sagte", "Winkler", "."), List.of(), List.of(),
                Set.of());
        assertTrue(of(f, 5).contains("prev=speech"));
        assertTrue(of(f, 3).contains("next=speech"));
        assertFalse(of(f, 4).contains("prev=speech") || of(f, 4).contains("next=speech"));
        String[][] after = NerFeatures.of(TestSentences.of("Winkler", "erklärte"), List.of(), List.of(), Set.of());
        assertTrue(of(after, 0).contains("next=speech"));
        assertFalse(of(after, 1).contains("next=speech"), "no token after the last");
    }

    @Test
    void givenNamesAndTitlesAsBefore() {
        String[][] f = NerFeatures.of(TestSentences.of("Präsident", "Harald", "Strutz"), List.of(), List.of(), Set.of("Harald"));
        assertTrue(of(f, 0).contains("title"));
        assertTrue(of(f, 1).contains("given") && of(f, 1).contains("prev=title"));
        assertTrue(of(f, 2).contains("prev=given"));
    }

    @Test
    void emptySentenceHasNoFeatures() {
        assertEquals(0, NerFeatures.of(TestSentences.of(), List.of(), List.of(), Set.of()).length);
    }
}
