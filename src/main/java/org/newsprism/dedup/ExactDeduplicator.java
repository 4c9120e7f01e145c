package org.newsprism.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

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
    private final JobConfig.Dedup config;

    public ExactDeduplicator(JobConfig.Dedup config) {
        this.config = config;
    }

    /** The keep-priority among duplicates: earliest date, longest text, smallest id. */
    public static Column[] keepPriority() {
        return new Column[] {
            col("published_at").asc_nulls_last(), col("char_count").desc(), col("article_id").asc()
        };
    }

    public DedupResult apply(Dataset<Row> articles) {
        WindowSpec byId = Window.partitionBy("article_id").orderBy(col("input_file"), col("input_position"));
        Dataset<Row> ranked = articles
                .withColumn("__id_rank", row_number().over(byId))
                .withColumn("__id_first_sha", first("text_sha256").over(byId))
                .withColumn("__id_first_at", first(concat(col("input_file"), lit(":"),
                        col("input_position").cast(DataTypes.StringType))).over(byId));
        Column idClash = col("__id_rank").gt(1).and(col("text_sha256").notEqual(col("__id_first_sha")));
        Dataset<Row> rejected = ranked.where(idClash)
                .withColumn("reject_stage", lit("dedup"))
                .withColumn("reject_reason", concat(lit("duplicate article_id with a different text (kept the record at "),
                        col("__id_first_at"), lit(")")))
                .withColumn("raw_excerpt", col("text").substr(1, 300))
                .select(columnsOf(articles, "reject_stage", "reject_reason", "raw_excerpt"));
        Dataset<Row> unique = ranked.where(idClash.unary_$bang()).select(columnsOf(articles));

        if (!config.exactEnabled()) {
            Dataset<Row> kept = unique.withColumn("duplicate_count", lit(0));
            return new DedupResult(kept, emptyDuplicates(articles), rejected);
        }
        WindowSpec byText = Window.partitionBy("text_sha256").orderBy(keepPriority());
        Dataset<Row> grouped = unique
                .withColumn("__rank", row_number().over(byText))
                .withColumn("__kept_id", first("article_id").over(byText))
                .withColumn("__group_size", count(lit(1)).over(Window.partitionBy("text_sha256")));
        Dataset<Row> kept = grouped.where(col("__rank").equalTo(1))
                .withColumn("duplicate_count", col("__group_size").minus(1).cast(DataTypes.IntegerType))
                .drop("__rank", "__kept_id", "__group_size");
        Dataset<Row> duplicates = grouped.where(col("__rank").gt(1)).select(
                col("article_id"), col("__kept_id").as("duplicate_of"), lit("exact").as("method"),
                lit(1.0).as("similarity"), col("input_file"));
        return new DedupResult(kept, duplicates, rejected);
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
