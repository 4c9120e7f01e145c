package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.config.JobConfig;

/** The German rules of {@link SentenceSentimentScorer} with the shipped lexicon, and {@link VerbForms}. */
class GermanSentimentRulesTest {
    private static final JobConfig.Sentiment DEFAULTS =
            ConfigLoader.load(List.of(), Map.of(), Map.of()).config().nlp().sentiment();
    private static final VerbForms GERMAN = VerbForms.load(DEFAULTS.verbForms().get("de"), "nlp.sentiment.verb-forms.de");
    private static final SentenceSentimentScorer SCORER = new SentenceSentimentScorer(
            SentimentLexicon.load("de", DEFAULTS), "de", DEFAULTS.negationScope(), DEFAULTS.quotations());

    private static double compound(String sentence) {
        return SCORER.score(Arrays.asList(sentence.split(" "))).compound();
    }

    @Test
    void strongVerbFormsLeadToTheirInfinitiveAlsoAfterAPrefixAndWithEndings() {
        assertEquals("gewinnen", GERMAN.infinitiveOf("gewann"));
        assertEquals("sterben", GERMAN.infinitiveOf("starben"), "a preterite's plural");
        assertEquals("helfen", GERMAN.infinitiveOf("hilft"), "a present with its vowel changed");
        assertEquals("stehlen", GERMAN.infinitiveOf("gestohlenen"), "an adjectival participle");
        assertTrue(GERMAN.infinitivesAfterPrefix("erlitt").contains("erleiden"), GERMAN.infinitivesAfterPrefix("erlitt").toString());
        assertTrue(GERMAN.infinitivesAfterPrefix("verstorben").contains("versterben"), "a prefix that drops the participle's ge");
        assertTrue(GERMAN.infinitivesAfterPrefix("zusammengeschlagen").contains("zusammenschlagen"), "a separable prefix");
        assertEquals(List.of(), GERMAN.infinitivesAfterPrefix("haus"));
        assertEquals(null, GERMAN.infinitiveOf("haus"));
        assertEquals(List.of(), VerbForms.NONE.infinitivesAfterPrefix("ergewann"));
        assertEquals(null, VerbForms.NONE.infinitiveOf("gewann"));
    }

    @Test
    void theShippedLexiconScoresStrongVerbsInThePastTense() {
        assertTrue(compound("Der Verein gewann das Finale .") > 0);
        assertTrue(compound("Die Mannschaft verlor .") < 0);
        assertTrue(compound("Zwei Menschen starben bei dem Brand .") < 0);
        assertTrue(compound("Der Fahrer erlitt schwere Verletzungen .") < 0);
        assertTrue(compound("Die Nachbarn halfen sofort .") > 0);
        assertTrue(compound("Es gelang ihnen , den Streit zu beenden .") > compound("Sie wollten den Streit beenden ."));
    }

    @Test
    void aParticleClosingTheClauseJoinsItsVerb() {
        assertTrue(compound("Die Polizei nahm den Mann fest .") < 0, "festnehmen");
        assertEquals(0.0, compound("Die Polizei nahm den Mann mit ."), "mitnehmen is no polar word");
        assertTrue(compound("Der Rat stimmte dem Plan zu .") > 0, "zustimmen, a weak verb");
        assertTrue(compound("Sie planten , die Stadt anzugreifen .") < 0, "angreifen with its zu");
        assertTrue(compound("Sie wies die Forderung zurück und lehnte das Amt ab .") < 0, "each clause its own particle");
        assertEquals(0.0, compound("Sie wies auf den Plan hin , zurück kam niemand ."),
                "a particle of another clause joins no verb");
    }

    @Test
    void aGermanShifterReversesNounsAndInflectedAdjectivesButNotAdverbs() {
        assertTrue(compound("Die Firma hat die Krise überstanden .") > 0, "the noun is reversed");
        assertTrue(compound("Sie wollen schlimmere Schäden verhindern .") > 0, "so is an adjective before it");
        assertTrue(compound("Die Firma hat es gut überstanden .") > 0, "an adverb is not: it went well");
    }

    @Test
    void aCapitalisedNounLosesOnlyANounsEnding() {
        assertTrue(compound("Die Krisen dauern an .") < 0, "Krisen is the plural of Krise");
        assertTrue(compound("Die Angriffe des Krieges gehen weiter .") < 0, "plural -e, genitive -es");
        assertEquals(0.0, compound("Die Mutter von Klaus wartet ."), "Mutter is not Mut, Klaus not klauen");
    }

    @Test
    void capitalisedNounsAndFixedParticiplesAreNoVerbForms() {
        assertEquals(0.0, compound("Die Aufgabe wartet ."), "Aufgabe is a noun, not a form of aufgeben");
        assertTrue(compound("Sie wissen , dass der Verein aufgab .") < 0, "while aufgab is one");
        assertEquals(0.0, compound("In den vergangenen Jahren wuchs die Stadt ."), "vergangen is not the offence Vergehen");
        assertEquals(0.0, compound("In einigen Städten wuchs die Zahl ."), "einigen is a determiner here");
        assertEquals(0.0, compound("Er ist nach Hause gefahren ."), "gefahren is driven, not Gefahr");
        assertEquals(0.0, compound("Er hat die Ukraine gemeint ."), "gemeint is meant, not gemein");
        assertEquals(0.0, compound("Die Vereinigung tagt ."), "an association, not an Einigung");
        assertTrue(compound("Die Wiedervereinigung kam .") > 0, "while the compound head still counts");
        assertEquals(0.0, compound("Die Zeugen gaben Auskunft ."), "gaben is gave, not Gabe");
    }

    @Test
    void aMalformedLineNamesTheSettingAndTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("verbs.tsv");
        Files.writeString(file, "infinitive\tpreterite\tparticiple\tpresent\ngeben\tgab\tgegeben\n");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> VerbForms.load(List.of(file.toString()), "nlp.sentiment.verb-forms.de"));
        assertTrue(e.getMessage().contains("nlp.sentiment.verb-forms.de") && e.getMessage().contains("line 2"),
                e.getMessage());
    }
}
