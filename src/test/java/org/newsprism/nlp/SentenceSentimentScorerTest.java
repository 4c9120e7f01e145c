package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsprism.config.JobConfig;

class SentenceSentimentScorerTest {
    private static final SentimentLexicon LEXICON = new SentimentLexicon(
            Map.of("loben", 2.0, "gut", 1.9, "krieg", -3.0, "schlecht", -2.5, "good", 1.9, "war", -2.5, "krise", -2.5),
            Map.of("sehr", 0.293, "kaum", -0.293),
            Map.of("nicht", -0.74, "kein", -0.74),
            Map.of("aber", 1.5),
            Map.of("senken", -1.0, "reduce", -1.0),
            Lemmatizer.NONE, CompoundSplitter.GERMAN);
    /** Quotations weigh like the writer's own words. */
    private static final JobConfig.Quotations PLAIN = new JobConfig.Quotations(0, 1.0, 1.0);
    private final SentenceSentimentScorer german = new SentenceSentimentScorer(LEXICON, "de", 3, PLAIN);
    private final SentenceSentimentScorer english = new SentenceSentimentScorer(LEXICON, "en", 3, PLAIN);

    private static double compound(SentenceSentimentScorer scorer, String sentence) {
        return scorer.score(Arrays.asList(sentence.split(" "))).compound();
    }

    @Test
    void neutralSentenceScoresZeroAndCountsWords() {
        SentenceSentimentScorer.Score score = german.score(Arrays.asList("Der", "Bundestag", "tagt", "."));
        assertEquals(0.0, score.compound());
        assertEquals(3, score.words());
        assertEquals(0, score.positiveWords());
    }

    @Test
    void aWindowWeighsPolarWordsByTheirDistanceFromTheMention() {
        double[] contributions = new double[12];
        List<String> tokens = Arrays.asList("good", "X", "a", "b", "c", "d", "e", "f", "g", "h", "i", "war");
        english.score(tokens, contributions, null);
        assertEquals(1.9, contributions[0], 1e-9);
        assertEquals(-2.5, contributions[11], 1e-9);
        double sum = 1.9 * Math.exp(-1 / 12.0) - 2.5 * Math.exp(-10 / 12.0);
        assertEquals(sum / Math.sqrt(sum * sum + 15), SentenceSentimentScorer.windowScore(contributions, 1, 1, 12), 1e-9);
        assertTrue(SentenceSentimentScorer.windowScore(contributions, 1, 1, 12) > 0);
        assertTrue(SentenceSentimentScorer.windowScore(contributions, 10, 10, 12) < 0);
        assertEquals(0.0, SentenceSentimentScorer.windowScore(new double[3], 0, 0, 12));
    }

    @Test
    void aCapitalisedWordInsideAnEnglishSentenceIsPartOfANameAndCarriesNoSentiment() {
        assertEquals(0.0, compound(english, "They sailed round the Cape of Good Hope ."));
        assertTrue(compound(english, "Good news for the crew .") > 0, "the first word may be capitalised");
        assertTrue(compound(english, "He said : \" Good news . \"") > 0, "so may the first word of a quotation");
        assertTrue(compound(english, "Crew Finds Good News") > 0, "a headline in title case keeps its words");
        assertTrue(compound(english, "Crew Finds Good News in the War") < 0, "also with small words in lower case");
        assertEquals(0.0, compound(english, "Kenneth Feld met Good Smith"), "names and a verb are no headline");
        assertTrue(compound(english, "they said it was GOOD") > 0, "capitals for emphasis are no name");
        assertTrue(compound(german, "Der Krieg geht weiter .") < 0, "German capitalises every noun");
    }

    @Test
    void compoundFollowsVaderNormalisation() {
        double expected = 1.9 / Math.sqrt(1.9 * 1.9 + 15);
        assertEquals(expected, compound(german, "Das ist gut"), 1e-9);
    }

    @Test
    void negationFlipsAndIntensifiersStrengthen() {
        double plain = compound(german, "Das ist gut");
        assertTrue(compound(german, "Das ist nicht gut") < 0);
        assertTrue(compound(german, "Das ist sehr gut") > plain);
        assertTrue(compound(german, "Das ist kaum gut") < plain);
    }

    @Test
    void afterAContrastWordTheClauseWeighsMore() {
        assertTrue(compound(german, "Das ist schlecht aber gut") > 0);
        assertTrue(compound(german, "Das ist gut aber schlecht") < 0);
    }

    @Test
    void shiftersReversePolarityBeforeAndInGermanAlsoAfter() {
        assertTrue(compound(english, "They reduce war") > 0);
        assertTrue(compound(english, "war they reduce") < 0, "English shifters act forwards only");
        assertTrue(compound(german, "Sie wollen den Krieg senken") > 0);
    }

    @Test
    void germanClauseFinalNicht() {
        assertTrue(compound(german, "Russland loben die Ukraine nicht .") < 0);
        assertTrue(compound(german, "Russland loben die Ukraine nicht , aber gut") > 0, "a negation stops at the clause");
        assertTrue(compound(german, "Die Ukraine loben Russland .") > 0);
    }

    @Test
    void germanInflectionAndCompoundsReachTheLexicon() {
        assertTrue(compound(german, "Sie lobten den Plan") > 0, "lobten -> loben");
        assertTrue(compound(german, "Die schlechten Zahlen") < 0, "schlechten -> schlecht");
        assertTrue(compound(german, "Die Energiekrise dauert") < 0, "Energiekrise -> krise");
        assertEquals(0.0, compound(english, "The goods arrived"), "no German stemming for English");
        assertTrue(compound(english, "A good day") > 0);
    }

    @Test
    void germanParticiplesComparativesAndFunctionWords() {
        SentimentLexicon lexicon = new SentimentLexicon(
                Map.of("freuen", 2.0, "zustimmen", 1.0, "stark", 1.2, "einig", 1.5), Map.of(), Map.of(), Map.of(),
                Map.of());
        SentenceSentimentScorer scorer = new SentenceSentimentScorer(lexicon, "de", 3, PLAIN);
        assertTrue(compound(scorer, "Sie hat sich gefreut") > 0, "gefreut -> freut -> freuen");
        assertTrue(compound(scorer, "Der Rat hat zugestimmt") > 0, "zugestimmt -> zustimmt -> zustimmen");
        assertTrue(compound(scorer, "Die Partei ist stärker") > 0, "stärker -> stark");
        assertEquals(0.0, compound(scorer, "Einige Abgeordnete fehlten"), "function words are never stemmed");
        assertEquals(0.0, compound(scorer, "gegen genau gestern"), "ge- words shorter than a participle stay");
        assertTrue(compound(scorer, "Sie sind sich einig") > 0);
    }

    @Test
    void germanUmlautPluralsReachTheirSingular() {
        SentimentLexicon lexicon = new SentimentLexicon(Map.of("anschlag", -3.0, "schaden", -2.0, "mangel", -1.8),
                Map.of(), Map.of(), Map.of(), Map.of("verhindert", -1.0), Lemmatizer.NONE, CompoundSplitter.GERMAN);
        SentenceSentimentScorer scorer = new SentenceSentimentScorer(lexicon, "de", 3, PLAIN);
        assertTrue(compound(scorer, "Die Anschläge trafen die Stadt") < 0, "Anschläge -> anschlag");
        assertTrue(compound(scorer, "Die Schäden sind groß") < 0, "Schäden -> schaden");
        assertTrue(compound(scorer, "Die Mängel bleiben") < 0, "Mängel -> mangel");
        assertTrue(compound(scorer, "Die Polizei hat Terroranschläge verhindert") > 0,
                "a compound's umlaut plural head, reversed by its shifter");
        assertEquals(0.0, compound(scorer, "Die Häuser stehen"), "an umlaut plural of an unlisted word stays unknown");
    }

    @Test
    void shortQuotationsAndQuotedSpeechWeighAsConfigured() {
        JobConfig.Quotations quotes = new JobConfig.Quotations(3, 0.0, 0.5);
        SentenceSentimentScorer scorer = new SentenceSentimentScorer(LEXICON, "en", 3, quotes);
        assertEquals(0.0, compound(scorer, "The show \" Good War \" returns ."), "a title of two words is ignored");
        assertEquals(0.0, scorer.score(Arrays.asList("The", "„", "good", "“", "plan", ".")).positiveWords(),
                "nor is it counted as a polar word");
        assertEquals(compound(english, "He called it war"), compound(scorer, "He called it war , \" good \""),
                "scare quotes drop their word only");
        double speech = compound(scorer, "He said : \" The war is good for no one at all \"");
        double plain = compound(english, "He said : The war is good for no one at all");
        double sum = -2.5 * 0.5 + 1.9 * 0.5;
        assertEquals(sum / Math.sqrt(sum * sum + 15), speech, 1e-9, "quoted speech weighs half");
        assertTrue(Math.abs(speech) < Math.abs(plain));
        assertEquals(plain, compound(scorer, "He said : \" The war is good for no one at all"), 1e-12,
                "an unpaired mark (a quotation going on in the next sentence) changes nothing");
    }

    @Test
    void aScorerThatHasSeenTheWordsBeforeScoresAsAFreshOne() {
        List<String> sentences = List.of("Das ist gut", "Die Krise war schlecht aber gelobt", "Die Finanzkrise",
                "Das ist nicht gut", "Sie loben kaum", "Gelobte Schlechten", "Das ist gut");
        SentenceSentimentScorer used = new SentenceSentimentScorer(LEXICON, "de", 3, PLAIN);
        for (int round = 0; round < 3; round++) {
            for (String sentence : sentences) {
                SentenceSentimentScorer fresh = new SentenceSentimentScorer(LEXICON, "de", 3, PLAIN);
                assertEquals(compound(fresh, sentence), compound(used, sentence), sentence);
            }
        }
        assertTrue(compound(used, "Die Finanzkrise") < 0, "the compound's head is found from the cache too");
    }
}
