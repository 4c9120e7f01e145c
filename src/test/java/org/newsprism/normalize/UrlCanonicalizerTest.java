package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
    private static String c(String url) {
        return UrlCanonicalizer.canonicalize(url);
    }

    @Test
    void hostSchemePortFragmentAndTrackingParameters() {
        assertEquals("https://www.example.com/News/1?a=1&b=2",
                c("HTTPS://WWW.Example.com:443/News/1?utm_source=x&b=2&a=1#top"));
        assertEquals("http://example.com/", c("http://Example.com:80"));
        assertEquals("http://example.com:8080/x", c("http://example.com:8080/x#frag"));
        assertEquals("https://example.com/a?id=7", c("https://example.com/a?fbclid=abc&id=7&GCLID=1&utm_MEDIUM=m&_ga=2"));
        assertEquals("https://example.com/a", c("https://example.com/a?utm_source=rss&utm_campaign=c"));
        assertEquals("https://example.com/a", c("https://example.com./a?"));
    }

    @Test
    void pathsAndValuesStayAsWrittenAndRepeatedNamesKeepTheirOrder() {
        assertEquals("https://example.com/Path/%C3%A4?q=Gr%C3%BC%C3%9Fe&tag=b&tag=a",
                c("https://example.com/Path/%C3%A4?tag=b&q=Gr%C3%BC%C3%9Fe&tag=a"));
        assertEquals("https://example.com/search?flag&q=x", c("https://example.com/search?q=x&flag"));
    }

    @Test
    void whatIsNotAnAbsoluteWebUrlIsKeptStripped() {
        assertNull(c(null));
        assertNull(c("  "));
        assertEquals("not a url", c(" not a url "));
        assertEquals("/relative/path?utm_source=x", c("/relative/path?utm_source=x"));
        assertEquals("mailto:desk@example.com", c("mailto:desk@example.com"));
        assertEquals("https://exa mple.com/x", c("https://exa mple.com/x"));
    }

    @Test
    void sourceNamesUseTheCanonicalHost() {
        assertEquals("example.com", SourceNames.of(null, c("https://WWW.Example.COM/x?utm_source=y")));
    }
}
