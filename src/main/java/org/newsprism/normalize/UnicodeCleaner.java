package org.newsprism.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes text comparable and safe for every later stage: Unicode NFKC, soft hyphens, zero-width and
 * control characters removed, line ends unified, runs of spaces collapsed, at most one blank line
 * between paragraphs, no leading or trailing blanks.
 *
 * <p>Example: {@code "Bundes\u00ADtag\u200B  sagt\r\n\r\n\r\nMehr"} → {@code "Bundestag sagt\n\nMehr"}.
 */
public final class UnicodeCleaner {
    /** Soft hyphen, zero-width space/joiners, word joiner, BOM, bidi controls and other format chars. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
    /** Control characters except tab and newline (NUL included). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x20\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" ?\\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private UnicodeCleaner() {}

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        s = INVISIBLE.matcher(s).replaceAll("");
        s = CONTROL.matcher(s).replaceAll(" ");
        s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
