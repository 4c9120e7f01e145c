package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SourceNamesTest {
    @Test
    void givenSourceWinsElseTheUrlHost() {
        assertEquals("dpa", SourceNames.of(" dpa ", "https://www.example.com/x"));
        assertEquals("tagesschau.de", SourceNames.of(null, "https://WWW.Tagesschau.de/ausland/x.html"));
        assertEquals("news.example.org", SourceNames.of("", "http://news.example.org"));
        assertNull(SourceNames.of(null, "not a url"));
        assertNull(SourceNames.of(null, null));
    }
}
