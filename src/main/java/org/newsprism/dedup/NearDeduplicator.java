package org.newsprism.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newsprism.Rows;
import org.newsprism.config.JobConfig;
import org.newsprism.normalize.UrlCanonicalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage "deduplicate (URL and near)": the result of {@link ExactDeduplicator} in, the final
 * {@link DedupResult} out. Runs after exact dedup, so it sees one article per distinct text.
 *
 * <ol>
 *   <li><b>Sketch</b> each article once, in a map over its partition: the {@link UrlCanonicalizer#articleKey
 *       canonical URL} and the {@link MinHasher MinHash signature} of its {@link Shingler word shingles}.
 *       Later steps use only these slim rows, never the text.</li>
 *   <li><b>Link</b> articles: same canonical URL (each to the smallest of its URL group), and
 *       {@link LshCandidates LSH candidate pairs} whose estimated Jaccard similarity (share of equal
 *       MinHash values) reaches {@code dedup.near.threshold}. Candidates below it are LSH false
 *       positives and are dropped.</li>
 *   <li><b>Cluster</b>: the {@link ComponentLabeler connected components} of the links, computed on the
 *       driver when there are at most {@code dedup.components-on-driver-max-links} links, else on Spark.
 *       Each cluster keeps one article by {@link ExactDeduplicator#keepPriority()} (earliest
 *       {@code published_at}, then longest text, then smallest {@code article_id}).</li>
 *   <li><b>Account</b>: every other member becomes a {@code duplicates} row: {@code method = url} when it
 *       shares its canonical URL with another member of its cluster, else {@code near};
 *       {@code similarity} = the estimated Jaccard similarity with the kept article. Exact duplicates of
 *       a removed member are redirected to the kept article (their similarity becomes the member's). The
 *       kept article's {@code duplicate_count} counts every row that points to it.</li>
 * </ol>
 * Before: {@code a} (10:00), {@code b} = {@code a} with a footer (11:00), {@code c} = exact copy of
 * {@code b}. After exact dedup {@code c → b}; after this stage {@code b → a (near, 0.9)},
 * {@code c → a (exact, 0.9)}, and {@code a.duplicate_count = 2}.
 *
 * <p>Cost grows near-linearly: one pass over the texts, one shuffle of {@code bands} small rows per
 * article, then work on candidate pairs only. Internal node ids are {@code xxhash64(article_id)}; the
 * (astronomically rare) articles whose ids collide are left out of URL and near dedup and logged.
 * Reads {@code dedup.url.*}, {@code dedup.near.*} and {@code dedup.components-on-driver-max-links}.
 */
public final class NearDeduplicator {
    private static final Logger LOG = LoggerFactory.getLogger(NearDeduplicator.class);

    /** The slim per-article rows every later step works on. */
    static final StructType SKETCH_SCHEMA = new StructType()
            .add("doc", DataTypes.LongType, false)
            .add("article_id", DataTypes.StringType, true)
            .add("input_file", DataTypes.StringType, true)
            .add("published_at", DataTypes.TimestampType, true)
            .add("char_count", DataTypes.IntegerType, true)
            .add("exact_count", DataTypes.IntegerType, false)
            .add("url_key", DataTypes.StringType, true)
            .add("signature", DataTypes.BinaryType, true);

    private static final UserDefinedFunction SIMILARITY = udf(
            (UDF2<byte[], byte[], Double>) (a, b) -> a == null || b == null ? null : MinHasher.similarity(a, b),
            DataTypes.DoubleType);

    private final JobConfig.Dedup config;
    private final List<String> trackingParams;

    /** @param trackingParams the query parameters URL comparison ignores ({@code normalize.tracking-params}) */
    public NearDeduplicator(JobConfig.Dedup config, List<String> trackingParams) {
        this.config = config;
        this.trackingParams = List.copyOf(trackingParams);
    }

    /** What clustering found: the removed members (materialised), and counts for logs and benchmarks. */
    record Clusters(Dataset<Row> removed, long candidatePairs, long nearLinks, long urlLinks, long merged) {}

    /**
     * @return the final result; its {@code sketches} ({@link #SKETCH_SCHEMA}) stay persisted for the
     *     caller (dedup against earlier runs, {@code dedup_index})
     */
    public DedupResult apply(DedupResult exact) {
        if (!config.url().enabled() && !config.near().enabled()) {
            return exact;
        }
        Dataset<Row> sketches = sketch(exact.kept()).persist(StorageLevel.MEMORY_AND_DISK());
        boolean handedOver = false;
        try {
            Clusters clusters = cluster(sketches);
            LOG.info("dedup: {} LSH candidate pairs, {} verified near links, {} URL links, {} articles merged",
                    clusters.candidatePairs(), clusters.nearLinks(), clusters.urlLinks(), clusters.merged());
            DedupResult combined = combine(exact, clusters.removed());
            handedOver = true;
            return new DedupResult(combined.kept(), combined.duplicates(), combined.rejected(), sketches);
        } finally {
            if (!handedOver) {
                sketches.unpersist();
            }
        }
    }

    /**
     * What makes two signatures comparable: shingle size, number of hashes and seed. Signatures stored by
     * a run with another scheme are not compared with this run's ({@code dedup_index.signature_scheme}).
     */
    public static String signatureScheme(JobConfig.NearDedup near) {
        return "superminhash:shingles=" + near.shingleSize() + ",hashes=" + near.hashes() + ",seed=" + near.seed();
    }

    /**
     * A stored {@code signature} where its {@code signature_scheme} is {@code scheme}, else null: signatures
     * of another scheme cannot be compared with this run's.
     */
    public static Column comparableSignature(String scheme) {
        return when(col("signature_scheme").equalTo(scheme), col("signature"));
    }

    /** The estimated Jaccard similarity of two binary MinHash signatures (null when one is null). */
    public static Column similarity(Column signatureA, Column signatureB) {
        return SIMILARITY.apply(signatureA, signatureB);
    }

    /** Step 1: the slim {@link #SKETCH_SCHEMA} rows of the articles (lazy). */
    Dataset<Row> sketch(Dataset<Row> articles) {
        Sketcher sketcher = new Sketcher(config, trackingParams);
        Dataset<Row> input = articles.select(col("article_id"), col("input_file"), col("published_at"),
                col("char_count"), col("duplicate_count"), col("url"), col("text"),
                xxhash64(col("article_id")).as("doc"));
        return Rows.mapEach(input, sketcher::sketch, SKETCH_SCHEMA);
    }

    /**
     * Steps 2 and 3 on sketches (which should be persisted): the removed members with
     * {@code article_id, duplicate_of, method, similarity, input_file, exact_count}, materialised.
     */
    Clusters cluster(Dataset<Row> sketches) {
        Dataset<Row> usable = withoutIdCollisions(sketches);
        Dataset<Row> urlLinks = config.url().enabled() ? urlLinks(usable) : emptyLinks(usable);
        Dataset<Row> candidates = config.near().enabled()
                ? LshCandidates.of(config.near()).pairs(usable).localCheckpoint()
                : usable.sparkSession().createDataFrame(List.<Row>of(), LshCandidates.PAIR_SCHEMA);

        Dataset<Row> involved = candidates.select(col("a").as("doc"))
                .union(candidates.select(col("b").as("doc")))
                .union(urlLinks.select(col("src").as("doc")))
                .union(urlLinks.select(col("dst").as("doc")))
                .distinct();
        Dataset<Row> members = usable.join(involved, "doc").persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> nearLinks = candidates
                    .join(members.select(col("doc").as("a"), col("signature").as("sa")), "a")
                    .join(members.select(col("doc").as("b"), col("signature").as("sb")), "b")
                    .where(SIMILARITY.apply(col("sa"), col("sb")).geq(config.near().threshold()))
                    .select(col("a").as("src"), col("b").as("dst"), lit("near").as("kind"));
            Dataset<Row> links = nearLinks.unionByName(urlLinks.withColumn("kind", lit("url"))).localCheckpoint();
            Dataset<Row> components = ComponentLabeler.label(links.select(col("src"), col("dst")),
                    config.componentsOnDriverMaxLinks());

            WindowSpec byCluster = Window.partitionBy("component").orderBy(ExactDeduplicator.keepPriority());
            Dataset<Row> removed = components.join(members, col("node").equalTo(col("doc")))
                    .withColumn("kept_id", first("article_id").over(byCluster))
                    .withColumn("kept_signature", first("signature").over(byCluster))
                    .withColumn("url_peers", count(lit(1)).over(Window.partitionBy("component", "url_key")))
                    .where(col("article_id").notEqual(col("kept_id")))
                    .select(col("article_id"), col("kept_id").as("duplicate_of"),
                            when(col("url_key").isNotNull().and(col("url_peers").gt(1)), lit("url"))
                                    .otherwise(lit("near")).as("method"),
                            SIMILARITY.apply(col("signature"), col("kept_signature")).as("similarity"),
                            col("input_file"), col("exact_count"))
                    .localCheckpoint();

            Map<String, Long> counts = new HashMap<>();
            candidates.select(lit("candidates").as("what"))
                    .unionByName(links.select(col("kind").as("what")))
                    .unionByName(removed.select(lit("removed").as("what")))
                    .groupBy("what").count().collectAsList()
                    .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
            return new Clusters(removed, counts.getOrDefault("candidates", 0L), counts.getOrDefault("near", 0L),
                    counts.getOrDefault("url", 0L), counts.getOrDefault("removed", 0L));
        } finally {
            members.unpersist();
        }
    }

    /** Each article with a canonical URL linked to the smallest node of its URL group. */
    private static Dataset<Row> urlLinks(Dataset<Row> sketches) {
        return sketches.where(col("url_key").isNotNull())
                .select(col("doc"), min(col("doc")).over(Window.partitionBy("url_key")).as("root"))
                .where(col("doc").notEqual(col("root")))
                .select(col("doc").as("src"), col("root").as("dst"));
    }

    private static Dataset<Row> emptyLinks(Dataset<Row> sketches) {
        return sketches.limit(0).select(col("doc").as("src"), col("doc").as("dst"));
    }

    /** Drops the sketches whose {@code doc} id is shared by another article_id (logged; practically never). */
    private static Dataset<Row> withoutIdCollisions(Dataset<Row> sketches) {
        List<Long> clashing = sketches.groupBy("doc").count().where(col("count").gt(1))
                .select("doc").as(Encoders.LONG()).collectAsList();
        if (clashing.isEmpty()) {
            return sketches;
        }
        LOG.warn("dedup: {} internal ids are shared by different article_ids; those articles skip URL and near dedup",
                clashing.size());
        return sketches.where(not(col("doc").isin(clashing.toArray())));
    }

    /** Step 4: removes the merged members from the kept articles and redirects their exact duplicates. */
    static DedupResult combine(DedupResult exact, Dataset<Row> removed) {
        Dataset<Row> absorbed = removed.groupBy(col("duplicate_of").as("article_id"))
                .agg(sum(col("exact_count").plus(1)).as("__absorbed"));
        Dataset<Row> adjustments = removed.select(col("article_id"), lit(true).as("__removed"), lit(0L).as("__absorbed"))
                .unionByName(absorbed.select(col("article_id"), lit(false).as("__removed"), col("__absorbed")));
        Dataset<Row> kept = exact.kept().join(adjustments, exact.kept().col("article_id").equalTo(adjustments.col("article_id")), "left")
                .where(coalesce(adjustments.col("__removed"), lit(false)).equalTo(false))
                .select(exact.kept().col("*"), coalesce(adjustments.col("__absorbed"), lit(0L)).as("__absorbed"))
                .withColumn("duplicate_count", col("duplicate_count").plus(col("__absorbed")).cast(DataTypes.IntegerType))
                .drop("__absorbed");

        Dataset<Row> exactDuplicates = exact.duplicates();
        Dataset<Row> redirect = removed.select(col("article_id").as("__member"), col("duplicate_of").as("__kept"),
                col("similarity").as("__similarity"));
        Dataset<Row> redirected = exactDuplicates
                .join(redirect, exactDuplicates.col("duplicate_of").equalTo(redirect.col("__member")), "left")
                .select(col("article_id"),
                        coalesce(col("__kept"), col("duplicate_of")).as("duplicate_of"),
                        col("method"),
                        when(col("__member").isNotNull(), col("__similarity")).otherwise(col("similarity")).as("similarity"),
                        col("input_file"));
        Dataset<Row> duplicates = redirected.unionByName(
                removed.select(col("article_id"), col("duplicate_of"), col("method"), col("similarity"), col("input_file")));
        return new DedupResult(kept, duplicates, exact.rejected());
    }

    /** Per-row sketching, shipped to executors with the task. */
    private static final class Sketcher implements java.io.Serializable {
        private final UrlCanonicalizer urls;
        private final Shingler shingler;
        private final MinHasher minHasher;
        private final boolean urlEnabled;

        Sketcher(JobConfig.Dedup config, List<String> trackingParams) {
            this.urls = new UrlCanonicalizer(trackingParams);
            this.shingler = new Shingler(config.near().shingleSize());
            this.minHasher = new MinHasher(config.near().hashes(), config.near().seed());
            this.urlEnabled = config.url().enabled();
        }

        Row sketch(Row article) {
            Integer exactCount = article.getAs("duplicate_count");
            return RowFactory.create(
                    article.<Long>getAs("doc"),
                    article.getAs("article_id"),
                    article.getAs("input_file"),
                    article.getAs("published_at"),
                    article.getAs("char_count"),
                    exactCount == null ? 0 : exactCount,
                    urlEnabled ? urls.articleKey(article.getAs("url")) : null,
                    MinHasher.toBytes(minHasher.signature(shingler.shingles(article.getAs("text")))));
        }
    }
}
