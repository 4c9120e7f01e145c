package org.newsprism.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The publishing source of an article: the given {@code source} field, else the host of its URL in
 * lower case without a leading {@code www.} ({@code https://WWW.Tagesschau.de/x} → {@code tagesschau.de}).
 */
public final class SourceNames {
    private SourceNames() {}

    public static String of(String source, String url) {
        if (source != null && !source.isBlank()) {
            return source.strip();
        }
        String host = hostOf(url);
        return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    }

    static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = new URI(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
