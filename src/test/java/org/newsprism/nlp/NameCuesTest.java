package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameCuesTest {

    @Test
    void legalFormsClubPrefixesAndOrganisationHeadsAreOrganisationWords() {
        for (String word : List.of("GmbH", "AG", "e.V.", "Inc.", "FC", "VfB", "Verlag", "Weingärtnergenossenschaft",
                "Landgericht", "Bundesamt", "Universität", "Klinikum", "Stadtwerke", "Staatstheater", "University")) {
            assertTrue(NameCues.isOrganisationWord(word), word);
        }
    }

    @Test
    void lowerCaseWordsOtherNounsAndEmptyInputAreNot() {
        for (String word : List.of("verlag", "insgesamt", "ag", "Haus", "Winkler", "Metzingen", "", "-")) {
            assertFalse(NameCues.isOrganisationWord(word), word);
        }
        assertFalse(NameCues.isOrganisationWord(null));
    }

    @Test
    void speechWordsInAnyCase() {
        for (String word : List.of("sagte", "Sagte", "erklärte", "so", "laut", "zufolge", "said", "told")) {
            assertTrue(NameCues.isSpeechWord(word), word);
        }
        for (String word : List.of("Winkler", "sagenhaft", "sog", "", "Verlag")) {
            assertFalse(NameCues.isSpeechWord(word), word);
        }
        assertFalse(NameCues.isSpeechWord(null));
    }
}
