package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;
import org.newsprism.config.ConfigLoader;

class ArticleAnnotatorTest {
    private static AnnotateStage stage;

    @BeforeAll
    static void fitPipelineOnce() {
        stage = new AnnotateStage(SharedSpark.session(), ConfigLoader.defaults().config());
    }

    private static List<String> ids(String text, String language) {
        return stage.annotator().annotate(text, language).mentions().stream().map(m -> m.entity().id()).toList();
    }

    @Test
    void wholeTokensOnlyNoMatchesInsideLongerWords() {
        assertEquals(List.of("donald-trump", "united-states", "united-states"),
                ids("Der Trumpf des USB-Sticks: Kein Wort über Trump oder die USA in diesem Satz? Doch, die USA.", "de"));
    }

    @Test
    void genitivesHyphenCompoundsAndQuotesResolve() {
        assertEquals(List.of("vladimir-putin", "russia", "nato", "european-union", "vladimir-putin"),
                ids("Putins Drohungen gegen Russlands Nachbarn beim Nato-Gipfel; die EU-Kommissionschefin zitierte „Putin“.", "de"));
    }

    @Test
    void longestFormWinsAndDerivedFormsAreFlagged() {
        ArticleAnnotator.Annotated a = stage.annotator().annotate(
                "Kremlchef Wladimir Putin sprach mit russischen Soldaten.", "de");
        assertEquals(2, a.mentions().size());
        ArticleAnnotator.Mention putin = a.mentions().get(0);
        assertEquals("Wladimir Putin", putin.surface());
        assertEquals(10, putin.begin());
        assertEquals(24, putin.end());
        assertFalse(putin.derived());
        assertEquals("russia", a.mentions().get(1).entity().id());
        assertTrue(a.mentions().get(1).derived());
    }

    @Test
    void offsetsAreCodePointsEndExclusive() {
        String text = "😀 Wladimir Putin traf Merz.";
        ArticleAnnotator.Mention putin = stage.annotator().annotate(text, "de").mentions().get(0);
        assertEquals(2, putin.begin());
        assertEquals(16, putin.end());
        int[] cps = text.codePoints().toArray();
        assertEquals("Wladimir Putin", new String(cps, putin.begin(), putin.end() - putin.begin()));
    }

    @Test
    void englishPersonsAreFoundByTheirCuesAndPossessivesAreNoPartOfTheName() {
        List<ArticleAnnotator.Mention> mentions = stage.annotator().annotate(
                "Kenneth Feld met Mr. Manafort and Trump’s lawyers. Feld's aides stayed at Trump's hotel.", "en").mentions();
        assertEquals(List.of("Kenneth Feld", "Manafort", "Trump", "Feld", "Trump"),
                mentions.stream().map(ArticleAnnotator.Mention::surface).toList());
        assertEquals(List.of("x-per-kenneth-feld", "paul-manafort", "donald-trump", "x-per-kenneth-feld", "donald-trump"),
                mentions.stream().map(m -> m.entity().id()).toList());
    }

    @Test
    void englishMentionsWeighThePolarWordsNearThemMost() {
        ArticleAnnotator.Annotated a = stage.annotator().annotate(
                "Biden praised the brave and wonderful firefighters while officials attacked the corrupt, disgraceful"
                        + " lies of Trump.", "en");
        ArticleAnnotator.Mention biden = a.mentions().get(0);
        ArticleAnnotator.Mention trump = a.mentions().get(1);
        assertEquals("donald-trump", trump.entity().id());
        assertTrue(biden.sentiment() > 0, "Biden: " + biden.sentiment());
        assertTrue(trump.sentiment() < 0, "Trump: " + trump.sentiment());
        double sentence = a.sentences().get(0).sentiment();
        assertTrue(biden.sentiment() > sentence && trump.sentiment() < sentence);
    }

    @Test
    void theWordsOfANameAreNoSentiment() {
        ArticleAnnotator.Annotated laschet = stage.annotator().annotate("Laschet sprach in Aachen.", "de");
        assertEquals(0.0, laschet.sentiment(), "Laschet is not lasch");
        assertEquals(0.0, laschet.negativeScore());
        ArticleAnnotator.Annotated msf = stage.annotator().annotate("Ärzte ohne Grenzen lobte die gute Hilfe.", "de");
        ArticleAnnotator.Annotated plain = stage.annotator().annotate("Die Organisation lobte die gute Hilfe.", "de");
        assertTrue(msf.sentiment() > 0, "the ohne of Ärzte ohne Grenzen negates nothing: " + msf.sentiment());
        assertEquals(plain.sentiment(), msf.sentiment(), 1e-9);
        ArticleAnnotator.Annotated feld = stage.annotator().annotate("Kenneth Feld met Joy Smith and Hope Miller.", "en");
        assertEquals(List.of("Kenneth Feld", "Hope Miller"), feld.mentions().stream().map(m -> m.surface()).toList());
        assertEquals(0.0, feld.sentiment(), "neither a discovered name's words (Hope) nor capitalised words (Joy)");
    }

    @Test
    void theClauseScopeLeavesTheWordsOfNamesOutToo() {
        AnnotateStage clauses = new AnnotateStage(SharedSpark.session(), ConfigLoader.load(List.of(),
                java.util.Map.of("nlp.sentiment.mention-scope", "clause"), java.util.Map.of()).config());
        ArticleAnnotator.Annotated a = clauses.annotator().annotate("Laschet kam, und Merz lobte die gute Arbeit.", "de");
        ArticleAnnotator.Mention laschet = a.mentions().get(0);
        assertEquals("armin-laschet", laschet.entity().id());
        assertTrue(a.sentences().get(0).sentiment() > 0);
        assertEquals(a.sentences().get(0).sentiment(), laschet.sentiment(), 1e-12,
                "Laschet's clause holds no polar word (Laschet is not lasch), so the sentence's score");
    }

    @Test
    void germanMentionsKeepTheirSentenceScoreByDefault() {
        ArticleAnnotator.Annotated a = stage.annotator().annotate(
                "Merz lobte die großartige Arbeit, während Putin einen brutalen Krieg führt.", "de");
        assertEquals(2, a.mentions().size());
        for (ArticleAnnotator.Mention m : a.mentions()) {
            assertEquals(a.sentences().get(0).sentiment(), m.sentiment(), 1e-12);
        }
    }

    @Test
    void mentionsCarryTheirSentenceSentimentAndArticlesAGdeltTone() {
        ArticleAnnotator.Annotated a = stage.annotator().annotate(
                "Merz lobte die gute Zusammenarbeit. Putin führt einen brutalen Krieg.", "de");
        assertEquals(2, a.sentences().size());
        ArticleAnnotator.Mention merz = a.mentions().get(0);
        ArticleAnnotator.Mention putin = a.mentions().get(1);
        assertEquals("friedrich-merz", merz.entity().id());
        assertEquals("positive", merz.label());
        assertEquals("negative", putin.label());
        assertEquals(1, putin.sentenceIndex());
        assertEquals(a.positiveScore() + a.negativeScore(), a.polarity(), 1e-9);
        assertTrue(a.positiveScore() > 0 && a.negativeScore() > 0);
        assertEquals(10, a.words());
    }

    @Test
    void unlistedPersonsAreDiscoveredWithStableIdsAndSurnamesResolve() {
        ArticleAnnotator.Annotated a = stage.annotator().annotate(
                "Kesselring lobte die Handwerker. Nach Angaben von Thomas Kesselring, dem Bürgermeister von Putins "
                        + "Heimatstadt, ist das Rathaus fertig.", "de");
        List<ArticleAnnotator.Mention> discovered = a.mentions().stream().filter(ArticleAnnotator.Mention::discovered).toList();
        assertEquals(List.of("Kesselring", "Thomas Kesselring"), discovered.stream().map(ArticleAnnotator.Mention::surface).toList());
        assertEquals(List.of("x-per-thomas-kesselring", "x-per-thomas-kesselring"),
                discovered.stream().map(m -> m.entity().id()).toList());
        assertEquals("vladimir-putin", a.mentions().stream().filter(m -> !m.discovered()).findFirst().orElseThrow().entity().id());
    }

    @Test
    void slugsAreAsciiAndStable() {
        assertEquals("x-per-juergen-mueller-luedenscheid", ArticleAnnotator.discoveredEntity("PER", "Jürgen  Müller-Lüdenscheid").id());
        assertEquals("x-org-societe-generale", ArticleAnnotator.discoveredEntity("ORG", "Société Générale").id());
    }

    @Test
    void englishUsesTheVaderLexicon() {
        ArticleAnnotator.Annotated a = stage.annotator().annotate(
                "The Kremlin rejected the proposal and NATO condemned the brutal attack.", "en");
        assertEquals(List.of("kremlin", "nato"), a.mentions().stream().map(m -> m.entity().id()).toList());
        assertEquals("negative", a.label());
    }

    @Test
    void stageAppendsColumnsAndKeepsRows() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("language", DataTypes.StringType);
        Dataset<Row> in = SharedSpark.session().createDataFrame(List.of(
                RowFactory.create("a", "Olaf Scholz besucht Kiew.", "de"),
                RowFactory.create("b", "Nothing to see here.", "und")), schema);
        List<Row> out = stage.apply(in).orderBy("article_id").collectAsList();
        assertEquals(2, out.size());
        assertEquals(2, out.get(0).<Integer>getAs("mention_count"));
        assertEquals(0, out.get(1).<Integer>getAs("mention_count"));
        assertEquals("neutral", out.get(1).getAs("sentiment_label"));
    }
}
