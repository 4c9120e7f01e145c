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
