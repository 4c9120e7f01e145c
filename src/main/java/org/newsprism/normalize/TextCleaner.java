package org.newsprism.normalize;

import java.io.Serializable;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.newsprism.config.JobConfig;

/**
 * The configured text clean-up of an article's text and title ({@code normalize.cleanup.*}), in this
 * order, each step switchable:
 *
 * <ol>
 *   <li>{@code html-entities}: entities left in plain text decoded by jsoup ({@code Tom &amp; Jerry} →
 *       {@code Tom & Jerry}, {@code &#8222;} → {@code „});</li>
 *   <li>{@code nfkc}: Unicode NFKC ({@code ﬁ} → {@code fi});</li>
 *   <li>{@code invisible}: soft hyphens, zero-width and bidi controls removed, control characters to spaces;</li>
 *   <li>{@code quotes}: {@code straight} makes {@code „ “ ” ‟ « » 〝 〞 ″} a {@code "} and
 *       {@code ‚ ‘ ’ ‛ ‹ › ′} a {@code '} ({@code „Zitat“} → {@code "Zitat"}, {@code Trump’s} →
 *       {@code Trump's}); {@code keep} leaves them;</li>
 *   <li>{@code dashes}: {@code en-dash} makes figure dash, em dash and horizontal bar an en dash (an em dash
 *       or bar also gets one space each side: {@code war—and} → {@code war – and}); {@code hyphen} makes
 *       every dash {@code -}; with either, Unicode hyphens and the minus sign become {@code -};
 *       {@code keep} leaves them;</li>
 *   <li>{@code whitespace}: runs of spaces collapsed, paragraph breaks kept (see {@link UnicodeCleaner}).</li>
 * </ol>
 */
public final class TextCleaner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern ENTITY = Pattern.compile("&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?");

    private final JobConfig.Cleanup config;

    public TextCleaner(JobConfig.Cleanup config) {
        this.config = config;
    }

    public String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (config.htmlEntities() && s.indexOf('&') >= 0 && ENTITY.matcher(s).find()) {
            s = Parser.unescapeEntities(s, false);
        }
        if (config.nfkc()) {
            s = UnicodeCleaner.nfkc(s);
        }
        if (config.invisible()) {
            s = UnicodeCleaner.invisible(s);
        }
        if (config.quotes() == JobConfig.Quotes.STRAIGHT || config.dashes() != JobConfig.Dashes.KEEP) {
            s = typography(s);
        }
        if (config.whitespace()) {
            s = UnicodeCleaner.whitespace(s);
        }
        return s;
    }

    /**
     * Quotes and dashes as configured, in one pass over the characters (one regular expression per
     * character class cost a third of the normalisation time). A parenthetical dash takes the horizontal
     * space on both sides with it and gets one space each side.
     */
    private String typography(String text) {
        boolean quotes = config.quotes() == JobConfig.Quotes.STRAIGHT;
        boolean dashes = config.dashes() != JobConfig.Dashes.KEEP;
        boolean hyphenOnly = config.dashes() == JobConfig.Dashes.HYPHEN;
        char dash = hyphenOnly ? '-' : '\u2013';
        int n = text.length();
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char replacement = c;
            int skip = 0; // further characters the replacement consumes
            String longDash = null;
            if (quotes && c == '\u2032' && i + 1 < n && text.charAt(i + 1) == '\u2032') {
                replacement = '"';
                skip = 1;
            } else if (quotes && isDoubleQuote(c)) {
                replacement = '"';
            } else if (quotes && isSingleQuote(c)) {
                replacement = '\'';
            } else if (dashes && isHyphen(c)) {
                replacement = '-';
            } else if (dashes && c == '\u2012') {
                replacement = dash;
            } else if (hyphenOnly && c == '\u2013') {
                replacement = '-';
            } else if (dashes && (isDashSpace(c) || isLongDash(c))) {
                int j = i;
                while (j < n && isDashSpace(text.charAt(j))) {
                    j++;
                }
                if (j < n && isLongDash(text.charAt(j))) {
                    j++;
                    while (j < n && isDashSpace(text.charAt(j))) {
                        j++;
                    }
                    longDash = " " + dash + " ";
                    skip = j - i - 1;
                }
            }
            if (out == null && (replacement != c || longDash != null)) {
                out = new StringBuilder(n + 16).append(text, 0, i);
            }
            if (out != null) {
                if (longDash != null) {
                    out.append(longDash);
                } else {
                    out.append(replacement);
                }
            }
            i += skip;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isDoubleQuote(char c) {
        return c >= '\u201C' && c <= '\u201F' || c == '\u00AB' || c == '\u00BB' || c == '\u2033'
                || c >= '\u301D' && c <= '\u301F' || c == '\uFF02' || c == '\u275D' || c == '\u275E';
    }

    private static boolean isSingleQuote(char c) {
        return c >= '\u2018' && c <= '\u201B' || c == '\u2039' || c == '\u203A' || c == '\u2032' || c == '\u275B'
                || c == '\u275C';
    }

    /** Unicode hyphens, non-breaking hyphen, minus sign, small and full-width hyphen-minus. */
    private static boolean isHyphen(char c) {
        return c == '\u2010' || c == '\u2011' || c == '\u2212' || c == '\uFE63' || c == '\uFF0D';
    }

    /** Em dash, horizontal bar, two- and three-em dashes, small em dash: parenthetical dashes. */
    private static boolean isLongDash(char c) {
        return c == '\u2014' || c == '\u2015' || c == '\u2E3A' || c == '\u2E3B' || c == '\uFE58';
    }

    private static boolean isDashSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }
}
