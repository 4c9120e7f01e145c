package org.newsprism.normalize;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Canonical form of an article URL, so that one page reached through different links has one URL:
 *
 * <ul>
 *   <li>scheme and host in lower case, a trailing dot of the host and the default port (80, 443) removed;</li>
 *   <li>the fragment ({@code #comments}) removed;</li>
 *   <li>tracking parameters removed ({@code normalize.tracking-params}: exact names, or a prefix when the
 *       name ends in {@code *}, compared case-insensitively);</li>
 *   <li>the remaining parameters sorted by name (stable, so repeated names keep their order), an empty
 *       query dropped, an empty path written as {@code /}.</li>
 * </ul>
 *
 * <p>Path and parameter values are kept as written (paths are case-sensitive). A value that is not an
 * absolute http(s) URL is returned stripped but otherwise unchanged, so nothing is lost.
 *
 * <p>Example: {@code HTTPS://WWW.Example.com:443/News/1?utm_source=x&b=2&a=1#top} →
 * {@code https://www.example.com/News/1?a=1&b=2}.
 *
 * <p>{@link #articleKey} goes one step further for URL deduplication: it also drops trailing slashes
 * and gives {@code null} for URLs that cannot name one article.
 */
public final class UrlCanonicalizer implements Serializable {
    private static final java.util.regex.Pattern PARAMETER_SEPARATOR = java.util.regex.Pattern.compile("[&;]");
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

    /** The canonical URL, the stripped input when it is not an absolute http(s) URL, or null for null/blank. */
    public String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String raw = url.strip();
        URI uri = webUri(raw);
        if (uri == null) {
            return raw;
        }
        String path = uri.getRawPath();
        return origin(uri) + (path == null || path.isEmpty() ? "/" : path) + query(uri);
    }

    /**
     * What two copies of one article share: the canonical URL without trailing slashes, or {@code null}
     * when the URL cannot name one article — blank, unparsable, not http(s), without a host, or a site's
     * root page ({@code https://example.com/}, which feeds often give for every item).
     */
    public String articleKey(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri = webUri(url.strip());
        if (uri == null) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = query(uri);
        if (path.isEmpty() && query.isEmpty()) {
            return null;
        }
        return origin(uri) + path + query;
    }

    /** The parsed URL when it is an absolute http(s) URL with a host, else null. */
    private static URI webUri(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = "http".equals(scheme) || "https".equals(scheme);
        return web && uri.getRawAuthority() != null && uri.getHost() != null && !uri.getHost().isEmpty() ? uri : null;
    }

    /** Scheme, user info, host and non-default port. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        return out.toString();
    }

    /** {@code ?} and the kept parameters sorted by name, or "" when none is kept. */
    private String query(URI uri) {
        String rawQuery = uri.getRawQuery();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : PARAMETER_SEPARATOR.split(rawQuery)) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(parameter);
            }
        }
        kept.sort(Comparator.comparing(p -> p.indexOf('=') < 0 ? p : p.substring(0, p.indexOf('='))));
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    private boolean isTracking(String lowerCaseName) {
        return exactNames.contains(lowerCaseName) || prefixes.stream().anyMatch(lowerCaseName::startsWith);
    }
}
