package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsprism.config.JobConfig;
import org.newsprism.config.JobConfig.Dashes;
import org.newsprism.config.JobConfig.Quotes;

/**
 * The character loops of {@link UnicodeCleaner} and {@link TextCleaner} against the regular expressions
 * they replaced (kept here as the reference, one per step, applied in the documented order), on random
 * strings over an alphabet of exactly the characters those steps treat specially.
 */
class CleanerEquivalenceTest {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x20\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" ?\\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB\\u2033\\u301D\\u301E\\u301F\\uFF02\\u275D\\u275E]|\\u2032\\u2032");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2039\\u203A\\u2032\\u275B\\u275C]");
    private static final Pattern HYPHENS = Pattern.compile("[\\u2010\\u2011\\u2212\\uFE63\\uFF0D]");
    private static final Pattern LONG_DASH = Pattern.compile("[ \\t\\u00A0]*[\\u2014\\u2015\\u2E3A\\u2E3B\\uFE58][ \\t\\u00A0]*");

    /** Every character a step matches, its neighbours outside the classes, letters and a surrogate pair. */
    private static final String ALPHABET = "ab \t\n\r\u00A0\u1680\u2000\u200A\u200B\u200F\u202A\u202E\u202F\u205F\u2060"
            + "\u2064\u3000\uFEFF\u00AD\u0000\u0008\u000B\u000C\u000E\u001F\u007F\u009F\u00A1\u2028\u2029"
            + "\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E\u301F\uFF02\u275D\u275E\u2032"
            + "\u2018\u2019\u201A\u201B\u2039\u203A\u275B\u275C\u2010\u2011\u2212\uFE63\uFF0D"
            + "\u2012\u2013\u2014\u2015\u2E3A\u2E3B\uFE58\"'-&\uD83D\uDE00";

    static String invisible(String text) {
        return CONTROL.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ");
    }

    static String whitespace(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }

    static String typography(String s, Quotes quotes, Dashes dashes) {
        if (quotes == Quotes.STRAIGHT) {
            s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
            s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        }
        if (dashes != Dashes.KEEP) {
            s = HYPHENS.matcher(s).replaceAll("-");
            String dash = dashes == Dashes.EN_DASH ? "\u2013" : "-";
            s = LONG_DASH.matcher(s).replaceAll(" " + dash + " ");
            s = s.replace("\u2012", dash);
            if (dashes == Dashes.HYPHEN) {
                s = s.replace("\u2013", "-");
            }
        }
        return s;
    }

    private static String random(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    @Test
    void unicodeStepsEqualTheirRegularExpressions() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            String s = random(random);
            assertEquals(invisible(s), UnicodeCleaner.invisible(s), () -> "invisible of " + escape(s));
            assertEquals(whitespace(s), UnicodeCleaner.whitespace(s), () -> "whitespace of " + escape(s));
        }
    }

    @Test
    void quotesAndDashesEqualTheirRegularExpressions() {
        Random random = new Random(7);
        for (Quotes quotes : Quotes.values()) {
            for (Dashes dashes : Dashes.values()) {
                TextCleaner cleaner = new TextCleaner(new JobConfig.Cleanup(false, false, false, false, quotes, dashes));
                for (int i = 0; i < 20_000; i++) {
                    String s = random(random);
                    assertEquals(typography(s, quotes, dashes), cleaner.clean(s),
                            () -> quotes + "/" + dashes + " of " + escape(s));
                }
            }
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
