package org.newsprism.dedup;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.newsprism.config.JobConfig;

/**
 * Stage "deduplicate (exact)": normalised articles in, {@link DedupResult} out.
 *
 * <ol>
 *   <li>Articles sharing an {@code article_id} with a different text cannot both be kept: the first in
 *       input order (file, position) stays, the others are rejected naming the id.</li>
 *   <li>Articles with identical normalised text ({@code text_sha256}) form a group; the kept one is
 *       chosen by the documented priority: earliest {@code published_at} (unknown dates last), then
 *       longest text, then smallest {@code article_id}. The others become {@code duplicates} rows with
 *       {@code method = exact}, {@code similarity = 1.0}; the kept article's {@code duplicate_count}
 *       says how many it stands for.</li>
 * </ol>
 * Reads {@code dedup.exact.enabled}.
 */
public final class ExactDeduplicator {
    /** The most decided records broadcast to the record filters (each row a file name and a position: a few MB). */
    static final long BROADCAST_ROWS = 200_000;

    private final JobConfig.Dedup config;
    private final long broadcastRows;

    public ExactDeduplicator(JobConfig.Dedup config) {
        this(config, BROADCAST_ROWS);
    }

    /** With another broadcast limit (tests of the joins that shuffle). */
    ExactDeduplicator(JobConfig.Dedup config, long broadcastRows) {
        this.config = config;
        this.broadcastRows = broadcastRows;
    }

    /** The keep-priority among duplicates: earliest date, longest text, smallest id. */
    public static Column[] keepPriority() {
        return new Column[] {
            col("published_at").asc_nulls_last(), col("char_count").desc(), col("article_id").asc()
        };
    }

    /**
     * The decisions are made on slim rows (the record's place, id, text hash and keep-priority columns), so
     * that the windows shuffle those and not the texts; the records are then filtered by joins whose other
     * side holds only the records concerned (rejected ids, the records of groups with copies), which
     * Spark broadcasts while they are small. A record is known by its {@code (input_file, input_position)}.
     */
    public DedupResult apply(Dataset<Row> articles) {
        WindowSpec byId = Window.partitionBy("article_id").orderBy(col("input_file"), col("input_position"));
        Dataset<Row> clashes = onlyRepeated(articles
                .select(col("article_id"), col("input_file"), col("input_position"), col("text_sha256")), "article_id")
                .withColumn("__id_rank", row_number().over(byId))
                .withColumn("__id_first_sha", first("text_sha256").over(byId))
                .withColumn("__id_first_at", first(concat(col("input_file"), lit(":"),
                        col("input_position").cast(DataTypes.StringType))).over(byId))
                .where(col("__id_rank").gt(1).and(col("text_sha256").notEqual(col("__id_first_sha"))))
                .select(col("input_file").as("__file"), col("input_position").as("__position"), col("__id_first_at"));
        clashes = small(clashes);
        Dataset<Row> rejected = articles.join(clashes, sameRecord(clashes))
                .withColumn("reject_stage", lit("dedup"))
                .withColumn("reject_reason", concat(lit("duplicate article_id with a different text (kept the record at "),
                        col("__id_first_at"), lit(")")))
                .withColumn("raw_excerpt", col("text").substr(1, 300))
                .select(columnsOf(articles, "reject_stage", "reject_reason", "raw_excerpt"));
        Dataset<Row> unique = articles.join(clashes, sameRecord(clashes), "left_anti");

        if (!config.exactEnabled()) {
            Dataset<Row> kept = unique.withColumn("duplicate_count", lit(0));
            return new DedupResult(kept, emptyDuplicates(articles), rejected);
        }
        WindowSpec byText = Window.partitionBy("text_sha256").orderBy(keepPriority());
        Dataset<Row> groups = onlyRepeated(unique
                .select(col("article_id"), col("input_file"), col("input_position"), col("text_sha256"),
                        col("published_at"), col("char_count")), "text_sha256")
                .withColumn("__group_size", count(lit(1)).over(Window.partitionBy("text_sha256")))
                .withColumn("__rank", row_number().over(byText))
                .withColumn("__kept_id", first("article_id").over(byText));
        // Every record of a group with copies: removed (not its group's first), or kept with its copies' count.
        Dataset<Row> grouped = small(groups.select(col("input_file").as("__file"), col("input_position").as("__position"),
                col("__rank").gt(1).as("__removed"),
                col("__group_size").minus(1).cast(DataTypes.IntegerType).as("__duplicates")));
        Dataset<Row> kept = unique.join(grouped, sameRecord(grouped), "left")
                .where(coalesce(col("__removed"), lit(false)).unary_$bang())
                .withColumn("duplicate_count", coalesce(col("__duplicates"), lit(0)))
                .select(columnsOf(articles, "duplicate_count"));
        Dataset<Row> duplicates = groups.where(col("__rank").gt(1)).select(
                col("article_id"), col("__kept_id").as("duplicate_of"), lit("exact").as("method"),
                lit(1.0).as("similarity"), col("input_file"));
        return new DedupResult(kept, duplicates, rejected);
    }

    /**
     * The rows of {@code rows} whose {@code key} (null counting as a value) occurs more than once: a hash
     * aggregation finds the keys, so that the windows that follow sort only the rows of repeated keys, not
     * every row (article ids that share their first bytes make sorting all of them slow).
     */
    private Dataset<Row> onlyRepeated(Dataset<Row> rows, String key) {
        Dataset<Row> repeated = small(rows.groupBy(col(key)).count().where(col("count").gt(1))
                .select(col(key).as("__repeated")));
        return rows.join(repeated, rows.col(key).eqNullSafe(repeated.col("__repeated")), "left_semi");
    }

    /**
     * A slim table of decided records, collected to the driver and broadcast back to the joins that filter the
     * records when it holds at most {@link #BROADCAST_ROWS} rows: computed once, with no lineage to recompute or
     * to lose with an executor (a local checkpoint was lost with one in the cluster test; persisting nested each
     * cached plan in the next). A larger one stays as it is, joined by shuffling both sides.
     */
    private Dataset<Row> small(Dataset<Row> decided) {
        List<Row> rows = decided.limit((int) Math.min(Integer.MAX_VALUE - 1, broadcastRows) + 1).collectAsList();
        return rows.size() <= broadcastRows
                ? broadcast(decided.sparkSession().createDataFrame(rows, decided.schema()))
                : decided;
    }

    /** A record of the articles and a row of {@code decided} ({@code __file}, {@code __position}) are the same record. */
    private static Column sameRecord(Dataset<Row> decided) {
        return col("input_file").eqNullSafe(decided.col("__file"))
                .and(col("input_position").eqNullSafe(decided.col("__position")));
    }

    /** The columns of {@code rows} followed by any of {@code extra} it lacks. */
    private static Column[] columnsOf(Dataset<Row> rows, String... extra) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(java.util.Arrays.asList(rows.columns()));
        names.addAll(java.util.Arrays.asList(extra));
        return names.stream().map(c -> col(c)).toArray(Column[]::new);
    }

    private static Dataset<Row> emptyDuplicates(Dataset<Row> articles) {
        return articles.limit(0).select(col("article_id"), col("article_id").as("duplicate_of"),
                lit("exact").as("method"), lit(1.0).as("similarity"), col("input_file"));
    }
}
