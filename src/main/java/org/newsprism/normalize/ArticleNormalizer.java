package org.newsprism.normalize;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.newsprism.config.JobConfig;

/**
 * Turns one raw record into one normalised article, or into the same record with a reject reason.
 *
 * <p>In order: when the record carries an HTML page, text, title, date, language and canonical URL are
 * extracted from it ({@link HtmlArticleExtractor}) for each of these the record itself lacks (a page
 * without article text is rejected); text clean-up ({@link TextCleaner}) of text and title; language
 * from the input when it names a supported language (the record's field, else the page's declared
 * language), else detected ({@link LanguageIdentifier}); boilerplate removed for that language
 * ({@link BoilerplateRemover}); too-short text rejected; date parsed ({@link PublishedDateParser}); URL
 * canonicalised ({@link UrlCanonicalizer}) and source from its host when absent ({@link SourceNames});
 * article id = the input id, else the record key; SHA-256 of the normalised text for exact dedup.
 * Reads {@code normalize.*}.
 */
public final class ArticleNormalizer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Output schema: the article columns, then reject_stage/reject_reason/raw_excerpt (null when kept). */
    public static final StructType SCHEMA = new StructType()
            .add("article_id", StringType, true)
            .add("input_file", StringType, false)
            .add("input_position", LongType, false)
            .add("url", StringType, true)
            .add("source", StringType, true)
            .add("title", StringType, true)
            .add("text", StringType, true)
            .add("language", StringType, true)
            .add("language_confidence", DoubleType, true)
            .add("published_at", TimestampType, true)
            .add("published_date", DateType, true)
            .add("published_at_status", StringType, true)
            .add("text_sha256", StringType, true)
            .add("char_count", IntegerType, true)
            .add("reject_stage", StringType, true)
            .add("reject_reason", StringType, true)
            .add("raw_excerpt", StringType, true);

    private final JobConfig.Normalize config;
    private final int excerptChars;
    private final BoilerplateRemover boilerplate;
    private final LanguageIdentifier languages;
    private final PublishedDateParser dates;
    private final TextCleaner cleaner;
    private final UrlCanonicalizer urls;

    public ArticleNormalizer(JobConfig.Normalize config, int excerptChars, BoilerplateRemover boilerplate, Instant runStart) {
        this.config = config;
        this.excerptChars = excerptChars;
        this.boilerplate = boilerplate;
        this.languages = new LanguageIdentifier(config.language());
        this.dates = new PublishedDateParser(config.dates().patterns(), runStart, config.dates().futureTolerance());
        this.cleaner = new TextCleaner(config.cleanup());
        this.urls = new UrlCanonicalizer(config.trackingParams());
    }

    /** Normalises a row of {@link org.newsprism.io.RawRecords#SCHEMA}. */
    public Row normalize(Row raw) {
        String file = raw.getAs("input_file");
        long position = raw.<Long>getAs("input_position");
        String readReason = raw.getAs("reject_reason");
        if (readReason != null) {
            return rejected(null, file, position, "read", readReason, raw.getAs("raw_excerpt"));
        }
        String inputId = raw.getAs("input_id");
        String articleId = inputId != null && !inputId.isBlank() ? inputId.strip() : raw.getAs("record_key");
        String originalText = raw.getAs("text");
        String rawTitle = raw.getAs("title");
        String rawDate = raw.getAs("published_at");
        String declaredLanguage = raw.getAs("language");
        String url = blankToNull(raw.getAs("url"));
        String html = raw.getAs("html");
        int max = config.maxTextChars();
        if (originalText != null && originalText.length() > max || html != null && html.length() > 10L * max) {
            int length = originalText != null && originalText.length() > max ? originalText.length() : html.length();
            return rejected(articleId, file, position, "normalize", "text too long (" + length
                    + " characters; the limit is normalize.max-text-chars = " + max + ")",
                    originalText != null ? originalText : html);
        }
        boolean complete = originalText != null && !originalText.isBlank() && rawTitle != null && !rawTitle.isBlank()
                && rawDate != null && !rawDate.isBlank() && url != null && languages.supportedOrNull(declaredLanguage) != null;
        if (html == null && originalText != null && MARKUP.matcher(originalText).find()) {
            html = originalText; // a text field holding markup ("<p>…</p>", scripts) is read as HTML
            originalText = null;
            complete = false;
        }
        if (html != null && !complete) {
            HtmlArticleExtractor.Extracted page = HtmlArticleExtractor.extract(html, url);
            if (originalText == null || originalText.isBlank()) {
                originalText = page.text();
                if (originalText == null) {
                    return rejected(articleId, file, position, "normalize", "no article text found in the HTML page",
                            html);
                }
            }
            rawTitle = rawTitle == null || rawTitle.isBlank() ? page.title() : rawTitle;
            rawDate = rawDate == null || rawDate.isBlank() ? page.publishedAt() : rawDate;
            if (languages.supportedOrNull(declaredLanguage) == null) {
                declaredLanguage = page.language();
            }
            url = url == null ? page.canonicalUrl() : url;
        }
        String text = cleaner.clean(originalText);
        String title = cleaner.clean(rawTitle);

        String givenLanguage = languages.supportedOrNull(declaredLanguage);
        LanguageIdentifier.Detection detection = givenLanguage != null
                ? new LanguageIdentifier.Detection(givenLanguage, 1.0)
                : languages.detect(text);
        text = boilerplate.remove(text, detection.language(), title);

        if (text == null || text.strip().length() < config.minTextChars()) {
            return rejected(articleId, file, position, "normalize",
                    "empty after normalisation (fewer than " + config.minTextChars() + " characters)", originalText);
        }
        if (config.language().rejectUnsupported() && LanguageIdentifier.UNDETERMINED.equals(detection.language())) {
            return rejected(articleId, file, position, "normalize",
                    "language not one of " + config.language().supported(), originalText);
        }
        PublishedDateParser.Parsed date = dates.parse(rawDate);
        Instant instant = date.instant();
        if (config.canonicalUrls()) {
            url = urls.canonicalize(url);
        }
        return RowFactory.create(articleId, file, position, url, SourceNames.of(raw.getAs("source"), url),
                title == null || title.isBlank() ? null : title, text, detection.language(),
                detection.confidence(),
                instant == null ? null : Timestamp.from(instant),
                instant == null ? null : Date.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDate()),
                date.status(), sha256(text), text.length(), null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** HTML structure tags: a text with any of them is markup, not prose. */
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile(
            "(?i)<(?:html|head|body|p|div|span|script|style|br|a|h[1-6]|article|section|table|ul|li|img)\\b[^>]*>");

    private Row rejected(String articleId, String file, long position, String stage, String reason, String raw) {
        Object[] values = new Object[SCHEMA.size()];
        values[0] = articleId;
        values[1] = file;
        values[2] = position;
        values[SCHEMA.fieldIndex("reject_stage")] = stage;
        values[SCHEMA.fieldIndex("reject_reason")] = reason;
        values[SCHEMA.fieldIndex("raw_excerpt")] = org.newsprism.io.RawRecords.excerpt(raw, excerptChars);
        return RowFactory.create(values);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
