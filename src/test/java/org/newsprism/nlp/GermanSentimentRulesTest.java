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

/** The German rules of {@link SentenceSentimentScorer} with the shipped lexicon, and {@link Lemmatizer}. */
class GermanSentimentRulesTest {
    private static final JobConfig.Sentiment DEFAULTS =
            ConfigLoader.load(List.of(), Map.of(), Map.of()).config().nlp().sentiment();
    private static final Lemmatizer GERMAN =
            Lemmatizer.load(DEFAULTS.lemmaDictionaries().get("de"), "nlp.sentiment.lemma-dictionary.de");
    private static final SentenceSentimentScorer SCORER = new SentenceSentimentScorer(
            SentimentLexicon.load("de", DEFAULTS), "de", DEFAULTS.negationScope(), DEFAULTS.quotations());

    private static double compound(String sentence) {
        return SCORER.score(Arrays.asList(sentence.split(" "))).compound();
    }

    @Test
    void theDictionaryGivesInflectedWordsTheirLemmas() {
        assertEquals(List.of("gewinnen"), GERMAN.lemmas("gewann"), "a strong verb's preterite");
        assertEquals(List.of("erleiden"), GERMAN.lemmas("erlitt"), "after a prefix");
        assertEquals(List.of("Krise"), GERMAN.lemmas("Krisen"), "a noun's plural, capitalised as nouns are");
        assertEquals(List.of("gut"), GERMAN.lemmas("besten"), "a superlative");
        assertEquals(List.of("angreifen"), GERMAN.lemmas("anzugreifen"), "a zu-infinitive");
        assertEquals(List.of("verlieren"), GERMAN.lemmas("Verlor"), "a verb opening a sentence");
        assertTrue(GERMAN.lemmas("Xqzzyblorf").isEmpty(), "an unknown word has none");
        assertTrue(Lemmatizer.NONE.lemmas("gewann").isEmpty());
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
        assertTrue(compound("Die Tarifeinigung kam .") > 0, "while a compound's head still counts");
        assertEquals(0.0, compound("Die Zeugen gaben Auskunft ."), "gaben is gave, not Gabe");
    }

    @Test
    void aCompoundTakesItsHeadsValenceAsTheSplitterFindsIt() {
        assertTrue(compound("Die Wirtschaftskrisen dauern an .") < 0, "Wirtschaft|krisen -> Krise");
        assertTrue(compound("Die Terroranschläge erschütterten das Land .") < 0, "an umlaut plural head -> Anschlag");
        assertTrue(compound("Der Friedensnobelpreisträger sprach .") > 0, "Friedens|nobelpreisträger");
        assertEquals(0.0, compound("Die Sehnsucht blieb ."), "no compound of Sucht");
        assertEquals(0.0, compound("Der Kriegsreporter schrieb ."), "the head decides: a reporter");
    }

    @Test
    void aLemmaDictionaryThatIsNoDictionaryNamesTheSetting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("german.dict");
        Files.writeString(file, "not an automaton");
        Files.writeString(dir.resolve("german.info"), "fsa.dict.separator=+\n");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> Lemmatizer.load(file.toString(), "nlp.sentiment.lemma-dictionary.de"));
        assertTrue(e.getMessage().contains("nlp.sentiment.lemma-dictionary.de") && e.getMessage().contains(file.toString()),
                e.getMessage());
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class,
                () -> Lemmatizer.load(dir.resolve("none.dict").toString(), "nlp.sentiment.lemma-dictionary.de"));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        InvalidSettingsException wrongName = assertThrows(InvalidSettingsException.class,
                () -> Lemmatizer.load(dir.resolve("german.txt").toString(), "nlp.sentiment.lemma-dictionary.de"));
        assertTrue(wrongName.getMessage().contains(".dict"), wrongName.getMessage());
    }
}
