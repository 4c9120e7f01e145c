package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsprism.config.ConfigLoader;

class UrlCanonicalizerTest {
    private static final UrlCanonicalizer CANONICALIZER =
            new UrlCanonicalizer(ConfigLoader.defaults().config().dedup().url().trackingParams());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "HTTPS://www.Example.com:443/news/1/?utm_source=x&b=2&a=1#top https://www.example.com/news/1?a=1&b=2",
        "http://example.com:80/a http://example.com/a",
        "https://example.com:8443/a https://example.com:8443/a",
        "https://example.com/a// https://example.com/a",
        "https://example.com/News/Artikel-1.html https://example.com/News/Artikel-1.html",
        "https://example.com/a?UTM_Campaign=1&FBCLID=2&gclid=3&id=7 https://example.com/a?id=7",
        "https://example.com/a?wt_mc=nl&ns_campaign=x&at_medium=y&ref=tw https://example.com/a",
        "https://example.com/a?b=2&a=1&a=0 https://example.com/a?a=0&a=1&b=2",
        "https://example.com/a?& https://example.com/a",
        "https://example.com/?id=5 https://example.com?id=5",
        "'  https://example.com/a  ' https://example.com/a",
        "https://example.com/caf%C3%A9 https://example.com/caf%C3%A9",
    })
    void canonicalForm(String url, String expected) {
        assertEquals(expected, CANONICALIZER.canonical(url));
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
        assertNull(CANONICALIZER.canonical(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "https://example.com/a?session=1&keep=2 https://example.com/a?keep=2",
        "https://example.com/a?sessionid=1&keep=2 https://example.com/a?keep=2",
        "https://example.com/a?sess=1&keep=2 https://example.com/a?keep=2&sess=1",
    })
    void aTrailingStarMatchesAPrefix(String url, String expected) {
        assertEquals(expected, new UrlCanonicalizer(List.of("session*")).canonical(url));
    }
}
