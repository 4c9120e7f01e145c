package org.newsprism.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextTitlesTest {
    private static String title(String text) {
        return TextTitles.split(text, 150).title();
    }

    @Test
    void aShortUnpunctuatedFirstLineFollowedByABlankLineIsTheTitle() {
        TextTitles.Split s = TextTitles.split("Ad sales boost Time Warner profit\n\nQuarterly profits rose.\n", 150);
        assertEquals("Ad sales boost Time Warner profit", s.title());
        assertEquals("Quarterly profits rose.\n", s.body());
        assertEquals("Is this the end?", title("Is this the end?\r\n \r\nText follows."));
        assertEquals("Titel", title("\uFEFFTitel\n\n\nText."));
    }

    @Test
    void leadParagraphsSentencesAndLongLinesStayText() {
        assertNull(title("Zu Wochenbeginn empfängt das Weiße Haus den Präsidenten.\n\nMehr."));
        assertNull(title("Kurzer Satz\nweiter im Text"), "no blank line");
        assertNull(title("Nur eine Zeile"), "nothing follows");
        assertNull(title("Titel\n\n   \n"), "only blanks follow");
        assertNull(title("Aufzählung:\n\nText."));
        assertNull(title("Und dann…\n\nText."));
        assertNull(title("x".repeat(151) + "\n\nText."));
        assertEquals("x".repeat(150), title("x".repeat(150) + "\n\nText."));
    }

    @Test
    void nullAndEmpty() {
        assertNull(TextTitles.split(null, 150).body());
        assertEquals("", TextTitles.split("", 150).body());
    }
}
