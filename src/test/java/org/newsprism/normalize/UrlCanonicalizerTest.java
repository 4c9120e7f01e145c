package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsprism.config.ConfigLoader;

class UrlCanonicalizerTest {
    private static final UrlCanonicalizer CANONICALIZER =
            new UrlCanonicalizer(ConfigLoader.defaults().config().normalize().trackingParams());

    private static String c(String url) {
        return CANONICALIZER.canonicalize(url);
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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "HTTPS://www.Example.com:443/news/1/?utm_source=x&b=2&a=1#top https://www.example.com/news/1?a=1&b=2",
        "http://example.com:80/a http://example.com/a",
        "https://example.com:8443/a https://example.com:8443/a",
        "https://example.com/a// https://example.com/a",
        "https://example.com/News/Artikel-1.html https://example.com/News/Artikel-1.html",
        "https://example.com/a?UTM_Campaign=1&FBCLID=2&gclid=3&id=7 https://example.com/a?id=7",
        "https://example.com/a?wt_mc=nl&ns_campaign=x&at_medium=y&ref=tw https://example.com/a",
        "https://example.com/a?b=2&a=1&a=0 https://example.com/a?a=1&a=0&b=2",
        "https://example.com/a?& https://example.com/a",
        "https://example.com/?id=5 https://example.com?id=5",
        "'  https://example.com/a  ' https://example.com/a",
        "https://example.com/caf%C3%A9 https://example.com/caf%C3%A9",
    })
    void articleKeyDropsTrailingSlashes(String url, String expected) {
        assertEquals(expected, CANONICALIZER.articleKey(url));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "not a url",
        "http://exa mple.com/a",
        "/news/1",
        "ftp://example.com/file",
        "mailto:desk@example.com",
        "https://example.com",
        "https://example.com/",
        "https://example.com/?utm_source=feed",
        "https:///path-only",
    })
    void urlsThatCannotNameOneArticleGiveNull(String url) {
        assertNull(CANONICALIZER.articleKey(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "https://example.com/a?session=1&keep=2 https://example.com/a?keep=2",
        "https://example.com/a?sessionid=1&keep=2 https://example.com/a?keep=2",
        "https://example.com/a?sess=1&keep=2 https://example.com/a?keep=2&sess=1",
    })
    void aTrailingStarMatchesAPrefix(String url, String expected) {
        assertEquals(expected, new UrlCanonicalizer(List.of("session*")).canonicalize(url));
    }
}
