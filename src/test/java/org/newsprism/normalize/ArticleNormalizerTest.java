package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.RawRecords;

/** One raw record in, one article or reject out: language, HTML fields, URLs, dates. */
class ArticleNormalizerTest {
    private static final String ENGLISH = "The government announced new measures against rising energy prices on Monday. "
            + "Households will receive a rebate on their bills this winter.";
    private final JobConfig config = ConfigLoader.defaults().config();
    private final ArticleNormalizer normalizer = new ArticleNormalizer(config.normalize(), 300,
            BoilerplateRemover.load(config.normalize().boilerplate()), Instant.parse("2025-09-01T00:00:00Z"));

    private Row normalize(String text, String language, String url, String title, String publishedAt, String html) {
        Object[] v = new Object[RawRecords.SCHEMA.size()];
        v[RawRecords.SCHEMA.fieldIndex("input_file")] = "file:/in/feed.jsonl";
        v[RawRecords.SCHEMA.fieldIndex("input_position")] = 42L;
        v[RawRecords.SCHEMA.fieldIndex("record_key")] = "feed.jsonl:42";
        v[RawRecords.SCHEMA.fieldIndex("text")] = text;
        v[RawRecords.SCHEMA.fieldIndex("language")] = language;
        v[RawRecords.SCHEMA.fieldIndex("url")] = url;
        v[RawRecords.SCHEMA.fieldIndex("title")] = title;
        v[RawRecords.SCHEMA.fieldIndex("published_at")] = publishedAt;
        v[RawRecords.SCHEMA.fieldIndex("html")] = html;
        Row out = normalizer.normalize(new GenericRowWithSchema(v, RawRecords.SCHEMA));
        Object[] copy = new Object[out.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = out.get(i);
        }
        return new GenericRowWithSchema(copy, ArticleNormalizer.SCHEMA);
    }

    private Row text(String text, String language) {
        return normalize(text, language, null, null, null, null);
    }

    @Test
    void aValidLanguageFieldWinsWithFullConfidence() {
        Row r = text(ENGLISH, "de");
        assertEquals("de", r.getAs("language"));
        assertEquals(1.0, r.<Double>getAs("language_confidence"));
        assertEquals("en", text(ENGLISH, "en-GB").getAs("language"));
    }

    @Test
    void anInvalidOrUnsupportedLanguageFieldFallsBackToDetection() {
        for (String given : new String[] {"xx", "fr", "", "  ", null, "english"}) {
            Row r = text(ENGLISH, given);
            assertEquals("en", r.getAs("language"), String.valueOf(given));
            assertTrue(r.<Double>getAs("language_confidence") > 0.5 && r.<Double>getAs("language_confidence") < 1.0,
                    String.valueOf(r.<Double>getAs("language_confidence")));
        }
    }

    @Test
    void markupInATextFieldIsReadAsHtmlAndScriptsNeverReachTheText() {
        Row r = text("<script>alert('x')</script><div class=\"nav\">Home | Politik</div>"
                + "<p>Angela Merkel sprach am Montag in Berlin ausführlich über die Zukunft Europas und der Union.</p>"
                + "<p>Sie forderte mehr Zusammenarbeit zwischen den Mitgliedstaaten.</p>", "de");
        String text = r.getAs("text");
        assertTrue(text.contains("Angela Merkel sprach am Montag in Berlin"), text);
        assertFalse(text.contains("alert"), text);
        assertFalse(text.contains("<"), text);
    }

    @Test
    void oversizedTextsAreRejectedWithTheLimitNamed() {
        Row r = text("Die Bundesregierung beschloss neue Regeln. ".repeat(10_000), null);
        assertEquals("text too long (430000 characters; the limit is normalize.max-text-chars = 300000)",
                r.get(ArticleNormalizer.SCHEMA.fieldIndex("reject_reason")));
        assertEquals(300, r.<String>getAs("raw_excerpt").length() - 1, "the excerpt is cut (plus an ellipsis)");
    }

    @Test
    void unsupportedLanguagesAreUndeterminedOrRejectedWhenConfigured() {
        String french = "Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix de l'énergie.";
        assertEquals("und", text(french, null).getAs("language"));
        JobConfig.Normalize n = config.normalize();
        JobConfig.Normalize strict = new JobConfig.Normalize(n.cleanup(), n.boilerplate(),
                new JobConfig.Language(n.language().supported(), n.language().minConfidence(), true,
                        n.language().maxChars(), n.language().quickChars(), n.language().quickConfidence()),
                n.minTextChars(),
                n.maxTextChars(), n.dates(), n.canonicalUrls(), n.trackingParams());
        ArticleNormalizer rejecting = new ArticleNormalizer(strict, 300, BoilerplateRemover.load(n.boilerplate()),
                Instant.parse("2025-09-01T00:00:00Z"));
        Object[] v = new Object[RawRecords.SCHEMA.size()];
        v[0] = "f";
        v[1] = 0L;
        v[2] = "f:0";
        v[RawRecords.SCHEMA.fieldIndex("text")] = french;
        Row r = rejecting.normalize(new GenericRowWithSchema(v, RawRecords.SCHEMA));
        assertEquals("language not one of [de, en]", r.get(ArticleNormalizer.SCHEMA.fieldIndex("reject_reason")));
    }

    @Test
    void urlsAreCanonicalAndTheSourceComesFromTheHost() {
        Row r = normalize(ENGLISH, null, " https://WWW.Example.com/a/b?utm_source=x&id=3#top ", null, null, null);
        assertEquals("https://www.example.com/a/b?id=3", r.getAs("url"));
        assertEquals("example.com", r.getAs("source"));
    }

    @Test
    void datesBecomeUtcWithAStatus() {
        assertEquals("ok", normalize(ENGLISH, null, null, null, "2025-08-18T10:00:00+0200", null).getAs("published_at_status"));
        Row future = normalize(ENGLISH, null, null, null, "2031-01-01", null);
        assertEquals("implausible", future.getAs("published_at_status"));
        assertNull(future.getAs("published_at"));
        assertNull(future.getAs("published_date"));
        assertEquals("unparsable", normalize(ENGLISH, null, null, null, "gestern", null).getAs("published_at_status"));
        assertEquals("implausible", normalize(ENGLISH, null, null, null, "0001-01-01 00:00:00", null).getAs("published_at_status"));
        assertEquals("missing", normalize(ENGLISH, null, null, null, null, null).getAs("published_at_status"));
    }

    @Test
    void anHtmlFieldFillsWhatTheRecordLacksAndTheRecordsOwnFieldsWin() {
        String html = "<html lang=\"de\"><head><title>Seitentitel</title>"
                + "<meta property=\"article:published_time\" content=\"2025-08-18T10:00:00+02:00\">"
                + "<link rel=\"canonical\" href=\"/artikel/1?utm_medium=social\"></head><body><nav>Start | Politik</nav>"
                + "<article><h1>Seitentitel</h1><p>" + ENGLISH + "</p></article></body></html>";
        Row fromPage = normalize(null, null, "https://news.example.org/feed-item", null, null, html);
        assertEquals(ENGLISH, fromPage.getAs("text"));
        assertEquals("Seitentitel", fromPage.getAs("title"));
        assertEquals("de", fromPage.getAs("language"), "the page's declared language counts as given");
        assertEquals("https://news.example.org/feed-item", fromPage.getAs("url"), "the record's URL wins");
        assertEquals(java.sql.Timestamp.from(Instant.parse("2025-08-18T08:00:00Z")), fromPage.getAs("published_at"));

        Row own = normalize("Eigener Text, der länger als zwanzig Zeichen ist.", "de", null, "Eigener Titel",
                "2025-08-19", html);
        assertEquals("Eigener Text, der länger als zwanzig Zeichen ist.", own.getAs("text"));
        assertEquals("Eigener Titel", own.getAs("title"));
        assertEquals(java.sql.Date.valueOf("2025-08-19"), own.getAs("published_date"));
        assertNull(own.getAs("url"), "a relative canonical link without a page URL is not a URL");
    }

    @Test
    void aPageWithoutArticleTextIsRejectedWithItsReason() {
        Row r = normalize(null, null, null, null, null, "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        assertEquals("no article text found in the HTML page", r.getAs("reject_reason"));
        assertEquals("normalize", r.getAs("reject_stage"));
        assertTrue(r.<String>getAs("raw_excerpt").startsWith("<html>"));
        assertEquals("no article text found in the HTML page",
                normalize(null, null, null, null, null, "<p> &nbsp; </p>").getAs("reject_reason"));
        assertEquals("no article text found in the HTML page", normalize(null, null, null, null, null, "").getAs("reject_reason"));
        assertEquals("empty after normalisation (fewer than 20 characters)",
                normalize(null, null, null, null, null, "<p>Zu kurz.</p>").getAs("reject_reason"));
    }

    @Test
    void entitiesQuotesAndDashesInPlainTextFieldsAreNormalised() {
        Row r = normalize("Merz &amp; Macron lobten die &bdquo;gute Zusammenarbeit&ldquo; &ndash; und Trump’s Plan.", "de",
                null, "Merz &amp; Macron", null, null);
        assertEquals("Merz & Macron lobten die \"gute Zusammenarbeit\" – und Trump's Plan.", r.getAs("text"));
        assertEquals("Merz & Macron", r.getAs("title"));
    }
}
