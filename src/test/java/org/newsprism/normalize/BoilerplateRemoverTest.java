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
}
