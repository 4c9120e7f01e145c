package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UnicodeCleanerTest {

    @Test
    void removesInvisibleAndControlCharactersAndCollapsesSpace() {
        assertEquals("Bundestag sagt\n\nMehr", UnicodeCleaner.clean("Bundes\u00ADtag\u200B  sagt\r\n\r\n\r\nMehr"));
        assertEquals("a b", UnicodeCleaner.clean("a\u0000b"));
        assertEquals("Tab and nbsp", UnicodeCleaner.clean(" Tab\tand\u00A0nbsp \n"));
    }

    @Test
    void appliesNfkcAndKeepsQuotesEmojiAndRightToLeftText() {
        assertEquals("fi 2", UnicodeCleaner.clean("\uFB01 \u00B2"));
        assertEquals("„Zitat“ – 😀 שלום", UnicodeCleaner.clean("„Zitat“ – 😀 שלום"));
    }

    @Test
    void keepsParagraphBreaksAndNull() {
        assertEquals("one\ntwo\n\nthree", UnicodeCleaner.clean("one \n two\n \n\n three"));
        assertNull(UnicodeCleaner.clean(null));
        assertEquals("", UnicodeCleaner.clean(" \u200B "));
    }
}
