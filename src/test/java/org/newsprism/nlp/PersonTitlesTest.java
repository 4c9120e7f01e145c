package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonTitlesTest {

    @Test
    void titlesOfficesAndCompoundRolesAreTitles() {
        for (String word : List.of("Präsident", "Kaiser", "Miss", "Dr.", "Bundeskanzler", "Außenministerin", "Kremlchef",
                "Regierungssprecher", "EU-Kommissarin", "Löwen-Keeper", "Sondergesandter", "CEO")) {
            assertTrue(PersonTitles.isTitle(word), word);
        }
    }

    @Test
    void namesLowerCaseWordsAndEmptyInputAreNot() {
        for (String word : List.of("Harald", "Strutz", "Meister", "Chefs", "Kanzleramt", "präsident", "chef", "", "Ä")) {
            assertFalse(PersonTitles.isTitle(word), word);
        }
        assertFalse(PersonTitles.isTitle(null));
        assertFalse(PersonTitles.isTitle("Chef".substring(0, 1)), "a single capital letter");
    }


    @Test
    void leadingTitlesAreTrimmedFromDiscoveredPersonsOnly() {
        TextAnalysis.Sentence s = TestSentences.of("sagte", "Präsident", "Harald", "Strutz", ".");
        EntityRecognizer.Found person = new EntityRecognizer.Found(1, 3, "PER", 0.27);
        assertEquals(new EntityRecognizer.Found(2, 3, "PER", 0.27), ArticleAnnotator.withoutTitles(s, person));

        EntityRecognizer.Found org = new EntityRecognizer.Found(1, 3, "ORG", 0.27);
        assertSame(org, ArticleAnnotator.withoutTitles(s, org), "other types keep their span");

        EntityRecognizer.Found titleOnly = new EntityRecognizer.Found(1, 1, "PER", 0.27);
        assertNull(ArticleAnnotator.withoutTitles(s, titleOnly), "nothing but a title is no person");

        EntityRecognizer.Found plain = new EntityRecognizer.Found(2, 3, "PER", 0.27);
        assertSame(plain, ArticleAnnotator.withoutTitles(s, plain));

        TextAnalysis.Sentence two = TestSentences.of("Kremlchef", "Präsident", "Wladimir", "Putin");
        assertEquals(new EntityRecognizer.Found(2, 3, "PER", 0.3),
                ArticleAnnotator.withoutTitles(two, new EntityRecognizer.Found(0, 3, "PER", 0.3)));
    }
}
