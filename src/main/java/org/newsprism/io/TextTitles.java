package org.newsprism.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plain-text article into title and body when its first line reads as a heading: at most
 * {@code maxTitleChars} characters, not ending in sentence punctuation ({@code . , ; :} or an
 * ellipsis), followed by a blank line and more text. Otherwise everything is body: a lead paragraph
 * (like the seed's) stays text.
 *
 * <table>
 *   <caption>examples</caption>
 *   <tr><td>{@code "Ad sales boost Time Warner profit\n\nQuarterly profits…"}</td><td>title + body</td></tr>
 *   <tr><td>{@code "Is this the end?\n\nText…"}</td><td>title + body (a question is a heading)</td></tr>
 *   <tr><td>{@code "Zu Wochenbeginn empfängt … Sicherheitsgarantien.\n\n…"}</td><td>body only</td></tr>
 *   <tr><td>{@code "Kurzer Satz\nweiter im Text"}</td><td>body only (no blank line)</td></tr>
 * </table>
 */
public final class TextTitles {
    /** First line, then a line with nothing but spaces, then the rest. */
    private static final Pattern LAYOUT = Pattern.compile("\\A[ \\t\\uFEFF]*([^\\r\\n]+)\\r?\\n[ \\t]*\\r?\\n(.*)\\z",
            Pattern.DOTALL);
    private static final Pattern NOT_A_HEADING_END = Pattern.compile("(?:[.,;:…]|\\.\\.\\.)\\s*\\z");

    private TextTitles() {}

    /** The title (null when there is none) and the body. */
    public record Split(String title, String body) {}

    public static Split split(String text, int maxTitleChars) {
        if (text == null) {
            return new Split(null, null);
        }
        Matcher m = LAYOUT.matcher(text);
        if (!m.matches()) {
            return new Split(null, text);
        }
        String first = m.group(1).strip();
        String rest = m.group(2);
        if (first.isEmpty() || first.length() > maxTitleChars || NOT_A_HEADING_END.matcher(first).find()
                || rest.isBlank()) {
            return new Split(null, text);
        }
        return new Split(first, rest.stripLeading());
    }
}
