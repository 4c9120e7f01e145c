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
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB\\u2033\\u301D\\u301E\\u301F\\uFF02\\u275D\\u275E]|\\u2032\\u2032");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2039\\u203A\\u2032\\u275B\\u275C]");
    private static final Pattern HYPHENS = Pattern.compile("[\\u2010\\u2011\\u2212\\uFE63\\uFF0D]");
    /** Em dash, horizontal bar, two- and three-em dashes: parenthetical dashes, spaced when made en dashes. */
    private static final Pattern LONG_DASH = Pattern.compile("[ \\t\\u00A0]*[\\u2014\\u2015\\u2E3A\\u2E3B\\uFE58][ \\t\\u00A0]*");
    private static final Pattern FIGURE_DASH = Pattern.compile("\\u2012");
    private static final Pattern EN_DASH = Pattern.compile("\\u2013");

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
        if (config.quotes() == JobConfig.Quotes.STRAIGHT) {
            s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
            s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        }
        if (config.dashes() != JobConfig.Dashes.KEEP) {
            s = HYPHENS.matcher(s).replaceAll("-");
            String dash = config.dashes() == JobConfig.Dashes.EN_DASH ? "\u2013" : "-";
            s = LONG_DASH.matcher(s).replaceAll(" " + dash + " ");
            s = FIGURE_DASH.matcher(s).replaceAll(dash);
            if (config.dashes() == JobConfig.Dashes.HYPHEN) {
                s = EN_DASH.matcher(s).replaceAll("-");
            }
        }
        if (config.whitespace()) {
            s = UnicodeCleaner.whitespace(s);
        }
        return s;
    }
}
