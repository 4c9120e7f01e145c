package org.newsprism.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of an article URL, so that one page reached through different links has one URL:
 *
 * <ul>
 *   <li>scheme and host in lower case, a trailing dot of the host and the default port (80, 443) removed;</li>
 *   <li>the fragment ({@code #comments}) removed;</li>
 *   <li>tracking parameters removed: {@code utm_*}, {@code fbclid}, {@code gclid}, {@code dclid},
 *       {@code gbraid}, {@code wbraid}, {@code msclkid}, {@code yclid}, {@code twclid}, {@code igshid},
 *       {@code mc_cid}, {@code mc_eid}, {@code _ga}, {@code _gl}, {@code wt_mc}, {@code wt.mc_id},
 *       {@code ocid}, {@code cmpid}, {@code ito}, {@code at_medium}, {@code at_campaign} (names compared
 *       case-insensitively);</li>
 *   <li>the remaining parameters sorted by name (stable, so repeated names keep their order), an empty
 *       query dropped, an empty path written as {@code /}.</li>
 * </ul>
 *
 * <p>Path and parameter values are kept as written (paths are case-sensitive). A value that is not an
 * absolute http(s) URL is returned stripped but otherwise unchanged, so nothing is lost.
 *
 * <p>Example: {@code HTTPS://WWW.Example.com:443/News/1?utm_source=x&b=2&a=1#top} →
 * {@code https://www.example.com/News/1?a=1&b=2}.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "wt_mc", "wt.mc_id", "ocid", "cmpid", "ito",
            "at_medium", "at_campaign");

    private UrlCanonicalizer() {}

    /** The canonical URL, the stripped input when it is not an absolute http(s) URL, or null for null/blank. */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String raw = url.strip();
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return raw;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
            return raw;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        StringBuilder out = new StringBuilder(raw.length()).append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("[&;]")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(parameter);
            }
        }
        kept.sort(Comparator.comparing(p -> p.indexOf('=') < 0 ? p : p.substring(0, p.indexOf('='))));
        return String.join("&", kept);
    }
}
