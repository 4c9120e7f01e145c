package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InvalidSettingsException;

class BoilerplateRemoverTest {
    private final BoilerplateRemover remover =
            BoilerplateRemover.load(ConfigLoader.defaults().config().normalize().boilerplate());

    @Test
    void seedFooterIsRemovedAndTheBodyStaysIntact() throws IOException {
        String seed = UnicodeCleaner.clean(Files.readString(Path.of("seeds/000_24fff44031e5e025.txt"), StandardCharsets.UTF_8));
        String cleaned = remover.remove(seed, "de");
        assertFalse(cleaned.contains("Haftungsausschluss"));
        assertFalse(cleaned.contains("Anlageberatung"));
        assertTrue(cleaned.startsWith("Zu Wochenbeginn empfängt das Weiße Haus"));
        assertTrue(cleaned.endsWith("bekräftigte der Präsident."));
        assertEquals(seed.substring(0, seed.indexOf("\n\nHaftungsausschluss")), cleaned);
    }

    @Test
    void englishDisclaimerAndReadMoreLinesGoButTheParagraphsAroundThemStay() {
        String text = "First paragraph.\n\nRead more: Markets fall again\n\nSecond paragraph.\n\n"
                + "Disclaimer: The copyright of this article belongs to the original author.";
        assertEquals("First paragraph.\n\nSecond paragraph.", remover.remove(text, "en"));
    }

    @Test
    void rulesOfOtherLanguagesDoNotApply() {
        String text = "Body.\n\nHaftungsausschluss: nur ein Wort im Englischen Text.";
        assertEquals(text, remover.remove(text, "en"));
    }

    @Test
    void spanRulesCutOnlyTheMatch() {
        BoilerplateRemover spans = new BoilerplateRemover(java.util.Map.of("*",
                List.of(new BoilerplateRemover.Rule(false, "\\[Anzeige\\]"))));
        assertEquals("Text davor und danach.", spans.remove("Text davor [Anzeige]und danach.", "de").replace("  ", " "));
    }

    @Test
    void badPatternFilesNameFileLineAndRule() {
        String message = assertThrows(InvalidSettingsException.class,
                () -> BoilerplateRemover.parse("x.txt", List.of("# c", "paragraph\t(unclosed"))).getMessage();
        assertTrue(message.startsWith("x.txt line 2: invalid regex (unclosed"), message);
        String kind = assertThrows(InvalidSettingsException.class,
                () -> BoilerplateRemover.parse("x.txt", List.of("block\tx"))).getMessage();
        assertEquals("x.txt line 1: must be \"paragraph<TAB>regex\" or \"span<TAB>regex\"", kind);
    }

    /** Each pattern family removes its line and leaves the paragraphs before and after exactly as they were. */
    private void assertRemoved(String language, String boilerplate) {
        String before = "Der erste Absatz bleibt, wie er ist.";
        String after = "Der letzte Absatz bleibt ebenfalls.";
        assertEquals(before + "\n\n" + after, remover.remove(before + "\n\n" + boilerplate + "\n\n" + after, language),
                boilerplate);
    }

    private void assertKept(String language, String paragraph) {
        String text = "Erster Absatz.\n\n" + paragraph + "\n\nLetzter Absatz.";
        assertEquals(text, remover.remove(text, language), paragraph);
    }

    @Test
    void germanTeasersBylinesCreditsAndDateLines() {
        for (String line : List.of("Lesen Sie auch: Trump trifft Putin in Alaska", "Lesen Sie auch", "Mehr zum Thema",
                "Weiterlesen: Was bekannt ist", "Zum Thema: Sanktionen", "Von Max Mustermann, dpa", "Von Max Mustermann",
                "Von Anna-Lena Beispiel und Erika Musterfrau, Berlin", "Von Ursula von der Leyen", "Foto: dpa",
                "Bildquelle: picture alliance/dpa", "Text: Peter Huber", "Mit Material von dpa und AFP",
                "18.08.2025, 10:00 Uhr", "29.08.2025 – Von Erika Beispiel", "Stand: 18.08.2025 12:30 Uhr",
                "Artikel teilen", "© dpa", "© dpa-infocom, dpa:250829-930-123456/2",
                "© 2025 Tagesblatt Verlag GmbH. Alle Rechte vorbehalten.",
                "Haftungsausschluss: Das Urheberrecht dieses Artikels liegt bei seinem ursprünglichen Autor.")) {
            assertRemoved("de", line);
        }
    }

    @Test
    void englishTeasersBylinesCreditsAndDateLines() {
        for (String line : List.of("Read more: How the energy price cap works", "Related: EU unveils plan",
                "Sign up for our morning briefing", "By Jane Doe", "By John Roe and Maria Rossi, Reuters",
                "By Jane Doe | Business reporter", "Photo: Reuters", "Reporting by John Roe; Editing by Peter Smith",
                "Published: 20 August 2025", "Updated 3 hours ago", "August 20, 2025 2:05 PM UTC",
                "Copyright 2025 The Associated Press. All rights reserved.",
                "Disclaimer: The copyright of this article belongs to the original author. Reposting is for information only.")) {
            assertRemoved("en", line);
        }
    }

    @Test
    void sentencesThatOnlyLookLikeBoilerplateStay() {
        assertKept("de", "Von der Leyen unter Druck");
        assertKept("de", "Von Moskau nach Kiew sind es tausend Kilometer, sagte er.");
        assertKept("de", "Zum Thema Migration sagte Merz, Deutschland werde seine Grenzen weiter kontrollieren.");
        assertKept("de", "Am 18.08.2025 traf sich der Ausschuss zum ersten Mal.");
        assertKept("en", "By the end of the year, prices could fall again.");
        assertKept("en", "By Monday, the talks had collapsed and both sides blamed each other for the failure.");
        assertKept("en", "Related talks are planned for next week in Geneva, officials said on Tuesday evening.");
    }

    @Test
    void creditsInsideCaptionsAreCutNotTheSentence() {
        assertEquals("Merz am Sonntag in Berlin.", remover.remove("Merz am Sonntag in Berlin. (Foto: dpa/Kay Nietfeld)", "de"));
        assertEquals("Rutte in Brussels.", remover.remove("Rutte in Brussels. (Photo: Reuters/Yves Herman)", "en"));
    }

    @Test
    void repeatedTeasersAndATitleRepeatedAsFirstParagraphGo() {
        String title = "Merz reist nach Washington";
        String text = "Merz reist nach Washington\n\nDer Kanzler fliegt am Montag.\n\nMehr im Liveblog.\n\n"
                + "Zweiter Absatz.\n\nMehr  im   Liveblog.\n\nMerz reist nach Washington";
        assertEquals("Der Kanzler fliegt am Montag.\n\nMehr im Liveblog.\n\nZweiter Absatz.\n\nMerz reist nach Washington",
                remover.remove(text, "de", title), "a later paragraph equal to the title is a subheading and stays");
        BoilerplateRemover keepRepeats = new BoilerplateRemover(java.util.Map.of());
        assertEquals(text, keepRepeats.remove(text, "de", title));
        assertEquals(null, remover.remove(null, "de", title));
        assertEquals("", remover.remove("", "de", null));
    }

    @Test
    void tryingOnlyLineStartsFindsWhatFindFinds() throws IOException {
        List<String> regexes = new java.util.ArrayList<>();
        for (String file : List.of("common.txt", "de.txt", "en.txt")) {
            for (BoilerplateRemover.Rule rule : BoilerplateRemover.parse(file,
                    Files.readAllLines(Path.of("conf/boilerplate", file), StandardCharsets.UTF_8))) {
                regexes.add(rule.regex());
            }
        }
        regexes.addAll(List.of("^a|b", "^(?:a|b)c", "^[|(]x", "^\\(|y", "^x(?=\\r?$)", "^$", "^\\s*$", "(?m)^a"));
        // Pieces the rules begin and end with, words, and every line terminator Java's ^ knows.
        String[] pieces = {"Lesen Sie auch: ", "Read more", "Von Anna Schmidt", "By John Smith", "Foto: dpa", "©", "(c) ",
            "Haftungsausschluss:", "Published on", "Stand: 18.08.2025, 10:15 Uhr", "January 5, 2025", "a", "b", "c", "x",
            "y", "(", "|", " ", "  ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "Merz sagte", ".", "Text: X"};
        java.util.Random random = new java.util.Random(20261127L);
        int anchored = 0;
        int found = 0;
        for (String regex : regexes) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.MULTILINE);
            BoilerplateRemover.CompiledRule rule = new BoilerplateRemover.CompiledRule(true, pattern,
                    BoilerplateRemover.lineAnchored(regex));
            anchored += rule.lineAnchored() ? 1 : 0;
            for (int n = 0; n < 3000; n++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(7); k >= 0; k--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                String paragraph = text.toString();
                boolean expected = pattern.matcher(paragraph).find();
                assertEquals(expected, rule.findsIn(paragraph), regex + " in \"" + paragraph + "\"");
                found += expected ? 1 : 0;
            }
        }
        assertTrue(anchored >= 15, "most shipped rules are anchored: " + anchored);
        assertFalse(BoilerplateRemover.lineAnchored("^a|b"));
        assertTrue(BoilerplateRemover.lineAnchored("^(?:a|b)c"));
        assertTrue(BoilerplateRemover.lineAnchored("^[|(]x"));
        assertFalse(BoilerplateRemover.lineAnchored("^\\(|y"));
        assertTrue(found > 1000, "matches among the random paragraphs: " + found);
    }

    @Test
    void theRepeatKeyCollapsesWhitespaceAsTheRegularExpressionDid() {
        java.util.regex.Pattern whitespace = java.util.regex.Pattern.compile("\\s+");
        String chars = "aB \t\n\u000B\f\r\u00A0\u2028ÄßİΣ.";
        java.util.Random random = new java.util.Random(7L);
        for (int n = 0; n < 20000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(chars.charAt(random.nextInt(chars.length())));
            }
            String paragraph = text.toString();
            assertEquals(whitespace.matcher(paragraph).replaceAll(" ").strip().toLowerCase(java.util.Locale.ROOT),
                    BoilerplateRemover.key(paragraph), paragraph);
        }
    }
}
