package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    private final LanguageIdentifier identifier = new LanguageIdentifier(List.of("de", "en"), 0.5, 1000);

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
    void detectionReadsOnlyTheConfiguredNumberOfCharacters() {
        String german = "Die Bundesregierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise beschlossen. ";
        String english = "The government announced new measures against rising energy prices on Monday. ";
        String text = german.repeat(1000 / german.length() + 1).substring(0, 1000) + english.repeat(40);
        assertEquals("de", identifier.detect(text).language(), "the first 1,000 characters are German");
        assertEquals("en", new LanguageIdentifier(List.of("de", "en"), 0.5, 100_000).detect(text).language(),
                "the whole text is mostly English");
    }

    /** German news: the seed article's text. */
    private static String seed() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("seeds/000_24fff44031e5e025.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClearLeadDecidesAtTheQuickLook() {
        String english = "The government announced new measures against rising energy prices on Monday. ";
        String text = seed().substring(0, 400) + english.repeat(60);
        LanguageIdentifier.Detection leadOnly = new LanguageIdentifier(List.of("de", "en"), 0.5, 300).detect(text);
        assertEquals("de", leadOnly.language());
        assertTrue(leadOnly.confidence() >= 0.8, "the lead is clear: " + leadOnly);
        assertNotEquals(leadOnly, new LanguageIdentifier(List.of("de", "en"), 0.5, 100_000).detect(text),
                "the whole text scores otherwise");
        assertEquals(leadOnly, new LanguageIdentifier(List.of("de", "en"), 0.5, 100_000, 300, 0.8).detect(text),
                "the quick look decides");
    }

    @Test
    void anUnclearLeadIsDecidedByTheLongerLook() {
        // A lead of foreign names: the first 300 characters alone give a low confidence.
        String names = "Karim Benzema, John Kirby, Rosângela da Silva, Đuro Macut, Leopoldo López, Tim Cook, "
                + "Eliud Kipchoge, Zohran Mamdani, Michael Jordan, Choe Son Hui, Chrystia Freeland, Abdullah Öcalan, "
                + "Steve Wozniak, Susanne Klatten, Claudia Whitcombe, Władysław Kosiniak-Kamysz, Yoon Suk-yeol. ";
        String text = names + seed();
        LanguageIdentifier.Detection leadOnly = new LanguageIdentifier(List.of("de", "en"), 0.5, 300).detect(text);
        assertTrue(leadOnly.confidence() < 0.8, "the lead is unclear: " + leadOnly);
        LanguageIdentifier.Detection withoutQuickLook = identifier.detect(text);
        assertEquals("de", withoutQuickLook.language());
        assertEquals(withoutQuickLook,
                new LanguageIdentifier(List.of("de", "en"), 0.5, 1000, 300, 0.8).detect(text),
                "the quick look does not decide, the first 1,000 characters do");
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

    @Test
    void scoresAreBitForBitOpenNlps() {
        List<String> texts = new java.util.ArrayList<>(List.of("", " ", "a", "Ab", "ÄÖÜ ß", "\uD83D\uDE00 \uD83D\uDE00!",
                "Die Bundesregierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise beschlossen.",
                "The government announced new measures against rising energy prices on Monday, 3 March 2025.",
                "Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix de l'énergie.",
                "Правительство объявило в понедельник новые меры. 政府は月曜日に新たな対策を発表した。",
                "Mehr unter https://example.org/x?y=1 oder @newsprism #energie, 12.000 Euro, 3,5 %.",
                "İSTANBUL ﬁnal ǅ ΣΑΣ"));
        java.util.Random random = new java.util.Random(1);
        String alphabet = "abcdefghijklmnopqrstuvwxyzäöüßéèçñ ABCXYZÄÖÜ.,;:!?0123456789@#/\n\tИиΣσ\uD83D\uDE00";
        for (int i = 0; i < 300; i++) {
            texts.add(randomText(random, alphabet, 400));
        }
        // Whole articles: the seed and texts of a thousand characters and more, where the maps grow to
        // thousands of grams.
        texts.add(seed());
        texts.add(seed().substring(0, 1000));
        String[] words = {"die", "Bundesregierung", "the", "government", "Energiepreise", "prices", "und", "and",
            "Ukraine", "Moskau", "ß", "Straße", "ähnlich", "café", "naïve", "2025", "€", "—", "Кремль", "ΣΑΣ"};
        for (int i = 0; i < 100; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 200 + random.nextInt(400); j > 0; j--) {
                s.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? ". " : " ");
            }
            texts.add(s.toString());
        }
        for (String text : texts) {
            opennlp.tools.langdetect.Language[] expected = LanguageIdentifier.predictWithOpenNlp(text);
            opennlp.tools.langdetect.Language[] actual = LanguageIdentifier.predict(text);
            assertEquals(expected.length, actual.length, text);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k].getLang(), actual[k].getLang(), text);
                assertEquals(Double.doubleToRawLongBits(expected[k].getConfidence()),
                        Double.doubleToRawLongBits(actual[k].getConfidence()), text);
            }
        }
    }

    @Test
    void theComputedOrderOfTheGramsIsTheOrderOfHashMaps() throws java.io.IOException {
        opennlp.tools.langdetect.LanguageDetectorModel model = new opennlp.tools.langdetect.LanguageDetectorModel(
                getClass().getClassLoader().getResourceAsStream("langdetect-183.bin"));
        FastScorer scorer = new FastScorer(model);
        List<String> texts = new java.util.ArrayList<>();
        texts.add(seed());
        java.util.Random random = new java.util.Random(3);
        String alphabet = "abcdefghijklmnopqrstuvwxyzäöüß ABCÄÖÜ.,0123456789ИиΣσ中文";
        for (int i = 0; i < 200; i++) {
            texts.add(randomText(random, alphabet, 1500));
        }
        for (String text : texts) {
            assertEquals(orderOfHashMaps(scorer.gramChars(text)), scorer.gramOrder(text), text);
        }
        // Nine 3-grams with one hash code (c0 - 31k, c1 + k, c2: CharBuffer hashes them alike) crowd one bucket,
        // which a HashMap turns into a tree ordered by identity hash codes. The computed order stays the same
        // from call to call: those grams in the order first seen.
        StringBuilder crowded = new StringBuilder("Die Bundesregierung beschloss am Montag neue Maßnahmen. ");
        List<String> alike = new java.util.ArrayList<>();
        for (int k = 0; k < 9; k++) {
            String gram = "" + (char) (0x5000 - 31 * k) + (char) (0x4E00 + k) + '\u4E2D';
            alike.add(gram);
            crowded.append(gram).append(' ');
        }
        List<String> order = scorer.gramOrder(crowded);
        assertEquals(order, scorer.gramOrder(crowded));
        assertEquals(alike, order.stream().filter(alike::contains).toList());
    }

    /** Fewer than {@code longest} characters drawn from {@code alphabet}. */
    private static String randomText(java.util.Random random, String alphabet, int longest) {
        StringBuilder s = new StringBuilder();
        for (int j = random.nextInt(longest); j > 0; j--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** OpenNLP's two maps built for real: the grams of length 1 to 3 as first seen, then in the first's order. */
    private static List<String> orderOfHashMaps(char[] chars) {
        java.util.Map<java.nio.CharBuffer, Boolean> grams = new java.util.HashMap<>();
        for (int length = 1; length <= 3; length++) {
            for (int start = 0; start + length <= chars.length; start++) {
                grams.putIfAbsent(java.nio.CharBuffer.wrap(chars, start, length), true);
            }
        }
        java.util.Map<java.nio.CharBuffer, Boolean> counted = new java.util.HashMap<>();
        grams.forEach(counted::putIfAbsent);
        return counted.keySet().stream().map(java.nio.CharBuffer::toString).toList();
    }
}
