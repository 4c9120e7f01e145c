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

    /** {@code newsprism.input}: where articles come from and how their fields are named. */
    public record Input(List<String> paths, InputFormat format, FieldNames fields, int excerptChars)
            implements Serializable {}

    /** {@code newsprism.input.fields}: the input field (column) that holds each article attribute. */
    public record FieldNames(
            String id, String url, String source, String title, String text, String publishedAt, String language)
            implements Serializable {}

    /** {@code newsprism.normalize}: text clean-up, boilerplate, language and date settings. */
    public record Normalize(
            boolean unicode, Boilerplate boilerplate, Language language, int minTextChars, Dates dates)
            implements Serializable {}

    /** {@code newsprism.normalize.boilerplate}: pattern files per language ("*" for all). */
    public record Boilerplate(boolean enabled, Map<String, List<String>> patterns) implements Serializable {}

    /** {@code newsprism.normalize.language}. */
    public record Language(List<String> supported, double minConfidence, boolean rejectUnsupported)
            implements Serializable {}

    /** {@code newsprism.normalize.dates}. */
    public record Dates(List<String> patterns, Duration futureTolerance) implements Serializable {}

    /** {@code newsprism.dedup}: exact, URL and near-duplicate detection. */
    public record Dedup(boolean exactEnabled, UrlDedup url, NearDedup near) implements Serializable {}

    /** {@code newsprism.dedup.url}: same canonical URL means same article. */
    public record UrlDedup(boolean enabled, List<String> trackingParams) implements Serializable {}

    /** {@code newsprism.dedup.near}: MinHash + LSH over word shingles, verified by estimated Jaccard. */
    public record NearDedup(
            boolean enabled,
            int shingleSize,
            int hashes,
            int bands,
            int rows,
            double threshold,
            long seed,
            int maxBucketComparisons) implements Serializable {}

    /** {@code newsprism.nlp}. */
    public record Nlp(Entities entities, int maxSentenceChars, Sentiment sentiment) implements Serializable {}

    /** {@code newsprism.nlp.entities}. */
    public record Entities(List<String> catalogue, boolean genitiveForms) implements Serializable {}

    /** {@code newsprism.nlp.sentiment}. */
    public record Sentiment(
            Map<String, List<String>> lexicons,
            Map<String, List<String>> compounds,
            Map<String, List<String>> modifiers,
            double positiveThreshold,
            double negativeThreshold,
            int negationScope) implements Serializable {

        /** The label of a compound score under this run's thresholds. */
        public String label(double compound) {
            if (compound >= positiveThreshold) {
                return "positive";
            }
            return compound <= negativeThreshold ? "negative" : "neutral";
        }
    }

    /** {@code newsprism.output}. */
    public record Output(String path, int maxFilesPerTable) implements Serializable {}

    /** {@code newsprism.spark}: session settings used when spark-submit did not provide them. */
    public record SparkSettings(String master, String appName, int shufflePartitions, Map<String, String> conf)
            implements Serializable {}
}
