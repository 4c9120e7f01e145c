package org.newsprism.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated, immutable settings of one run, mapped once from HOCON by {@link ConfigLoader}. Every
 * record is serialisable so that stages can ship the parts they need to executors.
 */
public record JobConfig(
        Input input,
        Normalize normalize,
        Dedup dedup,
        Nlp nlp,
        Output output,
        SparkSettings spark) implements Serializable {

    /**
     * {@code newsprism.input}: where articles come from and how their fields are named. {@code paths} are
     * read with {@code format} and {@code fields}; each of {@code sources} brings its own.
     */
    public record Input(List<String> paths, InputFormat format, FieldNames fields, List<Source> sources,
            TextFiles text, int excerptChars) implements Serializable {

        /** The same settings reading other paths with the global format and field names (tests, tools). */
        public Input withFields(FieldNames newFields) {
            return new Input(paths, format, newFields, sources, text, excerptChars);
        }
    }

    /**
     * {@code newsprism.input.fields}: the input field (column) that holds each article attribute. A name
     * with dots walks nested JSON objects or Parquet structs. {@code html} holds a page to extract the
     * article from when there is no {@code text}.
     */
    public record FieldNames(
            String id, String url, String source, String title, String text, String publishedAt, String language,
            String html) implements Serializable {}

    /** One entry of {@code newsprism.input.sources}: a path read with its own format and field names. */
    public record Source(String path, InputFormat format, FieldNames fields) implements Serializable {}

    /** {@code newsprism.input.text}: plain-text files (first line as title when it reads as a heading). */
    public record TextFiles(boolean titleFromFirstLine, int maxTitleChars) implements Serializable {}

    /** {@code newsprism.normalize}: text clean-up, boilerplate, language, date and URL settings. */
    public record Normalize(
            Cleanup cleanup, Boilerplate boilerplate, Language language, int minTextChars, int maxTextChars,
            Dates dates, boolean canonicalUrls, List<String> trackingParams) implements Serializable {}

    /** {@code newsprism.normalize.cleanup}: the text clean-up steps, each switchable. */
    public record Cleanup(boolean htmlEntities, boolean nfkc, boolean invisible, boolean whitespace, Quotes quotes,
            Dashes dashes) implements Serializable {}

    /** {@code normalize.cleanup.quotes}: typographic quotes kept, or made straight ASCII quotes. */
    public enum Quotes { KEEP, STRAIGHT }

    /** {@code normalize.cleanup.dashes}: dashes kept, made en dashes, or made hyphens. */
    public enum Dashes { KEEP, EN_DASH, HYPHEN }

    /**
     * {@code newsprism.normalize.boilerplate}: pattern files per language ("*" for all), and whether
     * repeated paragraphs (and a first paragraph repeating the title) are dropped.
     */
    public record Boilerplate(boolean enabled, Map<String, List<String>> patterns, boolean dropRepeated)
            implements Serializable {}

    /**
     * {@code newsprism.normalize.language}; {@code quickChars} 0 when detection takes no quick look (see
     * {@link org.newsprism.normalize.LanguageIdentifier}).
     */
    public record Language(List<String> supported, double minConfidence, boolean rejectUnsupported, int maxChars,
            int quickChars, double quickConfidence) implements Serializable {}

    /** {@code newsprism.normalize.dates}. */
    public record Dates(List<String> patterns, Duration futureTolerance) implements Serializable {}

    /**
     * {@code newsprism.nlp.sentiment.quotations}: how polar words inside quotation marks count. A quotation of at
     * most {@code shortMaxWords} words (a title, a name, scare quotes) weighs {@code shortWeight}; a longer one
     * (quoted speech) {@code speechWeight}.
     */
    public record Quotations(int shortMaxWords, double shortWeight, double speechWeight) implements Serializable {}

    /** {@code newsprism.dedup}: exact, URL and near-duplicate detection. */
    public record Dedup(boolean exactEnabled, UrlDedup url, NearDedup near, int componentsOnDriverMaxLinks)
            implements Serializable {}

    /** {@code newsprism.dedup.url}: same canonical URL means same article. */
    public record UrlDedup(boolean enabled) implements Serializable {}

    /** {@code newsprism.dedup.near}: MinHash + LSH over word shingles, verified by estimated Jaccard. */
    public record NearDedup(
            boolean enabled,
            int shingleSize,
            int hashes,
            int bands,
            int rows,
            int minSharedBands,
            double threshold,
            long seed,
            int maxBucketComparisons) implements Serializable {}

    /** {@code newsprism.nlp}. */
    public record Nlp(Entities entities, int maxSentenceChars, String sentenceSplitter, int cachedChunks,
            Sentiment sentiment) implements Serializable {}

    /** {@code newsprism.nlp.entities}. */
    public record Entities(List<String> catalogue, List<String> givenNames, boolean genitiveForms,
            boolean possessiveForms, Discovery discovery) implements Serializable {}

    /**
     * {@code newsprism.nlp.entities.discovery}: models per language, probability floor, kept types, and
     * whether tokens that cannot begin a name are decided without the model outside names.
     */
    public record Discovery(boolean enabled, Map<String, String> models, List<String> personCues,
            double minProbability, List<String> types, boolean skipUnnameableTokens) implements Serializable {}

    /** {@code newsprism.nlp.sentiment}. */
    public record Sentiment(
            Map<String, List<String>> lexicons,
            boolean splitGermanCompounds,
            Map<String, String> lemmaDictionaries,
            Map<String, List<String>> modifiers,
            Map<String, Thresholds> thresholds,
            int negationScope,
            Map<String, String> mentionScopes,
            double windowDecayTokens,
            Quotations quotations) implements Serializable {

        /** The values of {@code nlp.sentiment.mention-scope}. */
        public static final List<String> MENTION_SCOPES = List.of("sentence", "clause", "window");

        /** How a mention in {@code language} takes its sentiment: sentence, clause or window ("*" for other languages). */
        public String mentionScope(String language) {
            return mentionScopes.getOrDefault(language, mentionScopes.get("*"));
        }

        /** The label of a compound score in {@code language} ("*" thresholds for other languages). */
        public String label(String language, double compound) {
            Thresholds t = thresholds.getOrDefault(language, thresholds.get("*"));
            if (compound >= t.positive()) {
                return "positive";
            }
            return compound <= t.negative() ? "negative" : "neutral";
        }
    }

    /** {@code newsprism.nlp.sentiment.thresholds.<lang>}: compound score limits of the labels. */
    public record Thresholds(double positive, double negative) implements Serializable {}

    /**
     * {@code newsprism.output}: where the tables go, how a run changes them ({@code mode}), how they are
     * cut into files, and what {@code report.html} shows.
     */
    public record Output(String path, Mode mode, int maxFilesPerTable, long maxRowsPerFile,
            int pairEntitiesPerArticle, Report report) implements Serializable {}

    /**
     * {@code newsprism.output.mode}: {@code overwrite} rebuilds every table from this run's input;
     * {@code incremental} adds this run's articles to the existing output, replacing only the
     * {@code published_date} partitions it touches.
     */
    public enum Mode { OVERWRITE, INCREMENTAL }

    /** {@code newsprism.output.report}: the entities {@code report.html} charts. */
    public record Report(boolean enabled, int topEntities, int timelineEntities) implements Serializable {}

    /** {@code newsprism.spark}: session settings used when spark-submit did not provide them. */
    public record SparkSettings(String master, String appName, int shufflePartitions, Map<String, String> conf)
            implements Serializable {}
}
