package org.newsprism.increment;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.newsprism.aggregate.OutputTables;
import org.newsprism.config.JobConfig;
import org.newsprism.dedup.NearDeduplicator;

/**
 * Stage "deduplicate against earlier runs" (incremental runs): this run's deduplicated articles, their
 * sketches and the {@code dedup_index} of the output in, the articles that are new out, plus the
 * duplicates and rejects that earlier runs' articles cause. Runs after this run's own dedup, so it sees one
 * article per text and per near-duplicate cluster.
 *
 * <ol>
 *   <li>An article whose {@code article_id} an earlier article has, with another text, is rejected
 *       ({@code stage = dedup}) with the same reason as within one run: the article that came first stays.</li>
 *   <li>An article whose text ({@code text_sha256}) an earlier article has becomes a duplicate of it
 *       ({@code method = exact}, similarity 1.0).</li>
 *   <li>Otherwise, an article that repeats an earlier one by canonical URL or near-identical text
 *       ({@link PriorSimilarMatcher}) becomes a duplicate of it ({@code method = url} or {@code near}).</li>
 * </ol>
 * An article published in the output stays the one kept, even when the new copy would win the
 * keep-priority. This run's duplicates of a new article that turns out to be a duplicate are pointed at the
 * earlier article too; those that were near or URL copies get their similarity to it.
 *
 * <p>Before: the output holds {@code a1} (text T); this run reads {@code b1} (T) and {@code b2} (T). After this
 * run's dedup {@code b2 → b1}; after this stage {@code b1 → a1} and {@code b2 → a1}, and no new article.
 * Reads {@code dedup.url.enabled} and {@code dedup.near.*}.
 */
public final class PriorArticleDeduplicator {
    private final PriorSimilarMatcher similar;
    private final String signatureScheme;

    public PriorArticleDeduplicator(JobConfig.Dedup config) {
        this.similar = new PriorSimilarMatcher(config);
        this.signatureScheme = NearDeduplicator.signatureScheme(config.near());
    }

    /** What this stage splits this run's deduplicated articles into. */
    public record Result(Dataset<Row> kept, Dataset<Row> duplicates, Dataset<Row> rejected) {}

    /**
     * @param kept this run's kept articles (normalised schema plus {@code duplicate_count})
     * @param duplicates this run's duplicates ({@link OutputTables#duplicates} with {@code raw_excerpt})
     * @param sketches this run's dedup sketches ({@code article_id, url_key, signature}), or null
     * @param index the earlier articles that stay ({@code dedup_index} schema)
     */
    public Result apply(Dataset<Row> kept, Dataset<Row> duplicates, Dataset<Row> sketches, Dataset<Row> index) {
        Dataset<Row> prior = index.select(col("article_id").as("__p_id"), col("text_sha256").as("__p_sha"),
                concat(col("input_file"), lit(":"), col("input_position").cast(DataTypes.StringType)).as("__p_at"));
        Dataset<Row> byId = prior.select(col("__p_id").as("__i_id"), col("__p_sha").as("__i_sha"), col("__p_at").as("__i_at"));
        Dataset<Row> checked = kept.join(byId, kept.col("article_id").equalTo(byId.col("__i_id")), "left")
                .withColumn("__clash", coalesce(col("__i_sha").notEqual(col("text_sha256")), lit(false)));
        Dataset<Row> bySha = prior.select(col("__p_sha").as("__s_sha"), col("__p_id").as("__e_id"));
        Dataset<Row> exact = checked.join(bySha, checked.col("text_sha256").equalTo(bySha.col("__s_sha")), "left");

        Dataset<Row> unmatched = exact.where(col("__clash").unary_$bang().and(col("__e_id").isNull()))
                .select(col("article_id"));
        Dataset<Row> similarMatches = similar.matches(unmatched, sketches, index).select(
                col("article_id").as("__n_article"), col("duplicate_of").as("__n_id"), col("method").as("__n_method"),
                col("similarity").as("__n_similarity"));
        Dataset<Row> matched = exact
                .join(similarMatches, exact.col("article_id").equalTo(similarMatches.col("__n_article")), "left")
                .withColumn("__s_id", coalesce(col("__e_id"), col("__n_id")))
                .withColumn("__s_method", when(col("__e_id").isNotNull(), lit("exact")).otherwise(col("__n_method")))
                .withColumn("__s_similarity", when(col("__e_id").isNotNull(), lit(1.0)).otherwise(col("__n_similarity")));

        Column clash = col("__clash");
        Column seen = col("__s_id").isNotNull().and(clash.unary_$bang());
        Column fresh = clash.unary_$bang().and(col("__s_id").isNull());
        String[] articleColumns = kept.columns();

        Dataset<Row> newArticles = matched.where(fresh).select(columns(articleColumns));
        Dataset<Row> clashing = matched.where(clash);
        Dataset<Row> clashRejects = clashing.select(col("input_file"), col("input_position"), col("article_id"),
                lit("dedup").as("stage"),
                concat(lit("duplicate article_id with a different text (kept the record at "), col("__i_at"),
                        lit(")")).as("reason"),
                col("text").substr(1, 300).as("raw_excerpt"), col("source"), col("published_date"));
        Dataset<Row> priorDuplicates = matched.where(seen).select(col("article_id"), col("__s_id").as("duplicate_of"),
                col("__s_method").as("method"), col("__s_similarity").as("similarity"), col("input_file"),
                col("input_position"), col("source"), col("published_date"),
                col("text").substr(1, 300).as("raw_excerpt"));

        // This run's duplicates follow their kept article: to the earlier article it duplicates, or into
        // rejected when that article was rejected.
        Dataset<Row> redirect = matched.select(col("article_id").as("__r_id"), col("__s_id").as("__r_to"),
                col("__s_method").as("__r_method"), col("__s_similarity").as("__r_similarity"),
                clash.as("__r_clash"), col("__i_at").as("__r_at"));
        Dataset<Row> followed = duplicates.join(redirect, duplicates.col("duplicate_of").equalTo(redirect.col("__r_id")), "left");
        Column rejectedKeep = coalesce(col("__r_clash"), lit(false));
        Dataset<Row> ownDuplicates = withSimilarityToEarlier(followed.where(rejectedKeep.unary_$bang()), sketches, index)
                .withColumn("duplicate_of", coalesce(col("__r_to"), col("duplicate_of")))
                .select(columns(duplicates.columns()));
        Dataset<Row> orphanRejects = followed.where(rejectedKeep).select(col("input_file"), col("input_position"),
                col("article_id"), lit("dedup").as("stage"),
                concat(lit("duplicate of "), col("duplicate_of"), lit(", whose article_id an earlier run's article"
                        + " (at "), col("__r_at"), lit(") has with a different text")).as("reason"),
                col("raw_excerpt"), col("source"), col("published_date"));

        return new Result(newArticles, ownDuplicates.unionByName(priorDuplicates),
                clashRejects.unionByName(orphanRejects));
    }

    /**
     * The similarity of a redirected duplicate, as one run over all inputs computes it: an exact copy of an
     * article that is a near or URL copy of an earlier one gets that article's similarity; a near or URL
     * copy gets the similarity of its own signature to the earlier article's. Other rows keep theirs.
     */
    private Dataset<Row> withSimilarityToEarlier(Dataset<Row> followed, Dataset<Row> sketches, Dataset<Row> index) {
        Column bySimilar = col("__r_to").isNotNull().and(col("__r_method").notEqual(lit("exact")));
        if (sketches == null) {
            return followed.withColumn("similarity", when(bySimilar.and(col("method").equalTo("exact")),
                    col("__r_similarity")).otherwise(col("similarity")));
        }
        Dataset<Row> own = sketches.select(col("article_id").as("__o_id"), col("signature").as("__o_signature"));
        Dataset<Row> earlier = index.select(col("article_id").as("__t_id"),
                NearDeduplicator.comparableSignature(signatureScheme).as("__t_signature"));
        Dataset<Row> joined = followed.join(own, followed.col("article_id").equalTo(own.col("__o_id")), "left")
                .join(earlier, col("__r_to").equalTo(earlier.col("__t_id")), "left");
        Column recomputed = coalesce(NearDeduplicator.similarity(col("__o_signature"), col("__t_signature")),
                col("similarity"));
        return joined.withColumn("similarity", when(bySimilar.and(col("method").equalTo("exact")), col("__r_similarity"))
                .when(bySimilar, recomputed).otherwise(col("similarity")));
    }

    private static Column[] columns(String[] names) {
        return Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
    }
}
