package org.newsprism.dedup;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reduces an article URL to the form two copies of the same page share, so that equal forms mean "the
 * same article". {@code null} in, {@code null} out.
 *
 * <ul>
 *   <li>scheme and host lower-cased, the default port (80 for http, 443 for https) dropped;</li>
 *   <li>the fragment dropped ({@code #comments});</li>
 *   <li>tracking query parameters dropped ({@code dedup.url.tracking-params}: exact names, or a prefix
 *       when the name ends in {@code *}, compared case-insensitively); the other parameters keep their
 *       values and are sorted, so their order does not matter;</li>
 *   <li>a trailing slash of the path dropped.</li>
 * </ul>
 * Example: {@code HTTPS://www.Example.com:443/news/1/?utm_source=x&b=2&a=1#top} becomes
 * {@code https://www.example.com/news/1?a=1&b=2}.
 *
 * <p>The result is {@code null} when the URL cannot name one article: blank, unparsable, not
 * {@code http(s)}, without a host, or a site's root page ({@code https://example.com/}, which feeds often
 * give for every item). Path and query keep their case and percent-encoding: servers may treat them as
 * case-sensitive.
 */
public final class UrlCanonicalizer implements Serializable {
    private final List<String> exactNames = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    /** @param trackingParams parameter names to drop; a trailing {@code *} makes a name a prefix */
    public UrlCanonicalizer(List<String> trackingParams) {
        for (String name : trackingParams) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("*")) {
                prefixes.add(lower.substring(0, lower.length() - 1));
            } else {
                exactNames.add(lower);
            }
        }
    }

    /** The canonical form of {@code url}, or {@code null} when it cannot identify an article. */
    public String canonical(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme)) || host == null || host.isEmpty()) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = keptQuery(uri.getRawQuery());
        if (path.isEmpty() && query.isEmpty()) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        StringBuilder canonical = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            canonical.append(':').append(port);
        }
        canonical.append(path);
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    private String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(parameter);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private boolean isTracking(String lowerCaseName) {
        return exactNames.contains(lowerCaseName) || prefixes.stream().anyMatch(lowerCaseName::startsWith);
    }
}
