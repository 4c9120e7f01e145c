package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.config.JobConfig.Dashes;
import org.newsprism.config.JobConfig.Quotes;

class TextCleanerTest {
    private final TextCleaner defaults = new TextCleaner(ConfigLoader.defaults().config().normalize().cleanup());

    private static TextCleaner with(boolean entities, boolean nfkc, boolean invisible, boolean whitespace, Quotes quotes,
            Dashes dashes) {
        return new TextCleaner(new JobConfig.Cleanup(entities, nfkc, invisible, whitespace, quotes, dashes));
    }

    @Test
    void defaultsDecodeEntitiesStraightenQuotesAndUnifyDashes() {
        assertEquals("Tom & Jerry sagten: \"Hallo\" - oder 'Hi' - Trump's Plan – 3 - 2",
                defaults.clean("Tom &amp; Jerry sagten: &bdquo;Hallo&ldquo; - oder ‚Hi‘ - Trump’s Plan &ndash; 3 \u2212 2"));
        assertEquals("Krieg – und Frieden", defaults.clean("Krieg—und Frieden"));
        assertEquals("Krieg – und Frieden", defaults.clean("Krieg \u2015 und Frieden"));
        assertEquals("\"Zitat\" wird \"Zitat\"", defaults.clean("«Zitat» wird „Zitat“"));
        assertEquals("1990–2000", defaults.clean("1990–2000"), "an en dash in a range stays");
        assertEquals("E-Mail", defaults.clean("E\u2011Mail"), "non-breaking hyphen");
        assertEquals("5'", defaults.clean("5′"));
    }

    @Test
    void entitiesOnlyWhereThereAreEntities() {
        assertEquals("AT&T und Q&A bleiben", defaults.clean("AT&T und Q&A bleiben"));
        assertEquals("a b", defaults.clean("a&nbsp;b"), "nbsp decoded, then made a plain space");
        assertEquals("Bundestag", defaults.clean("Bundes&shy;tag"), "a decoded soft hyphen is removed too");
        assertEquals("© 2025", defaults.clean("&copy; 2025"));
    }

    @Test
    void everyStepCanBeSwitchedOff() {
        TextCleaner none = with(false, false, false, false, Quotes.KEEP, Dashes.KEEP);
        String raw = "„Zitat“ — &amp; \uFB01 Bundes\u00ADtag  \n\n\n x";
        assertEquals(raw, none.clean(raw));
        assertEquals("„Zitat“ — &amp; fi Bundes\u00ADtag  \n\n\n x",
                with(false, true, false, false, Quotes.KEEP, Dashes.KEEP).clean(raw));
        assertEquals("„Zitat“ — & \uFB01 Bundestag  \n\n\n x",
                with(true, false, true, false, Quotes.KEEP, Dashes.KEEP).clean(raw));
        assertEquals("\"Zitat\" - &amp; \uFB01 Bundes\u00ADtag\n\nx",
                with(false, false, false, true, Quotes.STRAIGHT, Dashes.HYPHEN).clean(raw));
    }

    @Test
    void hyphenPolicyMakesEveryDashAHyphen() {
        TextCleaner hyphen = with(true, true, true, true, Quotes.STRAIGHT, Dashes.HYPHEN);
        assertEquals("1990-2000 und Krieg - Frieden", hyphen.clean("1990–2000 und Krieg—Frieden"));
    }

    @Test
    void nullEmptyAndAwkwardInput() {
        assertNull(defaults.clean(null));
        assertEquals("", defaults.clean(""));
        assertEquals("", defaults.clean(" \u200B\u00AD "));
        assertEquals("😀 שלום \"x\"", defaults.clean("😀 שלום “x”"));
        assertEquals("& ;", defaults.clean("& ;"));
    }
}
