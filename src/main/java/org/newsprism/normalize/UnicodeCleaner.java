package org.newsprism.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The Unicode steps of the text clean-up, each usable alone ({@link TextCleaner} chains them as
 * configured): NFKC; invisible characters (soft hyphens, zero-width and bidi controls, BOM) removed and
 * control characters turned into spaces; whitespace collapsed with line ends unified, at most one blank
 * line between paragraphs and no leading or trailing blanks. {@link #clean} applies all three.
 *
 * <p>Example: {@code "Bundes\u00ADtag\u200B  sagt\r\n\r\n\r\nMehr"} → {@code "Bundestag sagt\n\nMehr"}.
 */
public final class UnicodeCleaner {
    /** Soft hyphen, zero-width space/joiners, word joiner, BOM, bidi controls and other format chars. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
    /** Control characters except tab, newline and carriage return (NUL included). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x20\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" ?\\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private UnicodeCleaner() {}

    /** All Unicode steps: NFKC, invisible and control characters, whitespace. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return whitespace(invisible(nfkc(text)));
    }

    /** Unicode NFKC: ligatures, full-width forms and other compatibility characters become plain ones. */
    public static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Removes soft hyphens, zero-width and bidi-control characters and the BOM; controls become spaces. */
    public static String invisible(String text) {
        String s = INVISIBLE.matcher(text).replaceAll("");
        return CONTROL.matcher(s).replaceAll(" ");
    }

    /** Unifies line ends, collapses runs of spaces, keeps paragraph breaks (one blank line), strips. */
    public static String whitespace(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
