package org.newsprism.increment;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.newsprism.config.JobConfig;
import org.newsprism.dedup.ExactDeduplicator;
import org.newsprism.dedup.LshCandidates;
import org.newsprism.dedup.NearDeduplicator;

/**
 * Finds, for new articles, the earlier article of the output they repeat by URL or by near-identical text:
 * new articles' ids and sketches plus the {@code dedup_index} in, at most one match per new article out
 * ({@code article_id, duplicate_of, method, similarity}).
 *
 * <ul>
 *   <li><b>url</b>: the new article's canonical URL key equals an earlier article's {@code url_key}.</li>
 *   <li><b>near</b>: the two share an LSH bucket ({@link LshCandidates#crossPairs}, only buckets of the new
 *       articles are looked at) and their estimated Jaccard similarity reaches {@code dedup.near.threshold}.
 *       Signatures stored under another {@code signature_scheme} (another shingle size, number of hashes or
 *       seed) are not comparable and are skipped.</li>
 * </ul>
 * When several earlier articles match, the one that the keep-priority puts first (earliest
 * {@code published_at}, longest text, smallest id) is chosen, as one run over all inputs would have kept
 * it. {@code method} is {@code url} when the URL keys are equal, else {@code near}; {@code similarity} is
 * the estimated Jaccard similarity (null when a signature is missing). Reads {@code dedup.url.enabled} and
 * {@code dedup.near.*}.
 */
public final class PriorSimilarMatcher {
    /** The output schema's columns. */
    public static final List<String> COLUMNS = List.of("article_id", "duplicate_of", "method", "similarity");

    private final JobConfig.Dedup config;

    public PriorSimilarMatcher(JobConfig.Dedup config) {
        this.config = config;
    }

    /**
     * @param newIds the new articles to check ({@code article_id})
     * @param sketches this run's sketches ({@code article_id, url_key, signature}), persisted (they are counted to
     *     size a sort); null when URL and near dedup did not run, which gives no matches
     * @param index the earlier articles ({@code dedup_index} schema)
     */
    public Dataset<Row> matches(Dataset<Row> newIds, Dataset<Row> sketches, Dataset<Row> index) {
        boolean url = config.url().enabled();
        boolean near = config.near().enabled();
        if (sketches == null || (!url && !near)) {
            return empty(newIds);
        }
        Dataset<Row> probes = sketches.join(newIds.select(col("article_id")), "article_id")
                .select(col("article_id").as("probe"), col("url_key").as("probe_url"),
                        col("signature").as("probe_signature"));
        String scheme = NearDeduplicator.signatureScheme(config.near());
        Dataset<Row> stored = index.select(col("article_id").as("stored"), col("url_key").as("stored_url"),
                NearDeduplicator.comparableSignature(scheme).as("stored_signature"),
                col("published_at").as("stored_at"), col("char_count").as("stored_chars"));

        Dataset<Row> pairs = probes.limit(0).select(col("probe"), col("probe").as("stored"));
        if (url) {
            Dataset<Row> byUrl = probes.where(col("probe_url").isNotNull()).select(col("probe"), col("probe_url"));
            Dataset<Row> storedUrls = stored.where(col("stored_url").isNotNull()).select(col("stored"), col("stored_url"));
            pairs = pairs.union(byUrl.join(storedUrls, byUrl.col("probe_url").equalTo(storedUrls.col("stored_url")))
                    .select(col("probe"), col("stored")));
        }
        if (near) {
            pairs = pairs.union(LshCandidates.of(config.near()).crossPairs(
                    probes.select(col("probe").as("id"), col("probe_signature").as("signature")),
                    stored.select(col("stored").as("id"), col("stored_signature").as("signature")),
                    sketches.where(col("signature").isNotNull()).count()));
        }

        Column sameUrl = coalesce(col("probe_url").equalTo(col("stored_url")), lit(false));
        Column similarity = NearDeduplicator.similarity(col("probe_signature"), col("stored_signature"));
        Column similarEnough = near ? coalesce(col("similarity").geq(config.near().threshold()), lit(false)) : lit(false);
        Dataset<Row> scored = pairs.distinct()
                .join(probes, "probe")
                .join(stored, "stored")
                .withColumn("same_url", url ? sameUrl : lit(false))
                .withColumn("similarity", similarity)
                .where(col("same_url").or(similarEnough));
        // The keep-priority reads published_at, char_count and article_id: those of the earlier article.
        Dataset<Row> ranked = scored.select(col("probe"), col("stored").as("article_id"),
                col("stored_at").as("published_at"), col("stored_chars").as("char_count"), col("same_url"),
                col("similarity"))
                .withColumn("__rank", row_number().over(
                        Window.partitionBy("probe").orderBy(ExactDeduplicator.keepPriority())));
        return ranked.where(col("__rank").equalTo(1)).select(col("probe").as("article_id"),
                col("article_id").as("duplicate_of"),
                when(col("same_url"), lit("url")).otherwise(lit("near")).as("method"),
                col("similarity"));
    }

    private static Dataset<Row> empty(Dataset<Row> newIds) {
        return newIds.limit(0).select(col("article_id"), col("article_id").as("duplicate_of"),
                lit("near").as("method"), lit(null).cast(DataTypes.DoubleType).as("similarity"));
    }
}
