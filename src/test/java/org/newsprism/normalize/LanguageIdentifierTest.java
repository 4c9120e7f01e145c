package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    private final LanguageIdentifier identifier = new LanguageIdentifier(List.of("de", "en"), 0.5);

    @Test
    void detectsGermanAndEnglishConfidently() {
        LanguageIdentifier.Detection de = identifier.detect(
                "Die Bundesregierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise beschlossen.");
        assertEquals("de", de.language());
        assertTrue(de.confidence() > 0.6, String.valueOf(de.confidence()));
        assertEquals("en", identifier.detect(
                "The government announced new measures against rising energy prices on Monday.").language());
    }

    @Test
    void otherLanguagesAndEmptyTextAreUndetermined() {
        assertEquals("und", identifier.detect(
                "Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix de l'énergie.").language());
        assertEquals("und", identifier.detect("").language());
        assertEquals("und", identifier.detect(null).language());
    }

    @Test
    void givenCodesAreAcceptedInCommonSpellings() {
        assertEquals("de", identifier.supportedOrNull("de-DE"));
        assertEquals("en", identifier.supportedOrNull("EN_us"));
        assertEquals("de", identifier.supportedOrNull("deu"));
        assertNull(identifier.supportedOrNull("fr"));
        assertNull(identifier.supportedOrNull(null));
    }
}
