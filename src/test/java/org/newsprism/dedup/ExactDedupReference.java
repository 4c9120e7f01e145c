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

/**
 * Exact dedup as it was written before its decisions moved to slim rows: the same rules as windows over the
 * whole records. Test-only: {@link ExactDeduplicatorTest} checks the job's version against it.
 */
final class ExactDedupReference {
    private ExactDedupReference() {}

    static DedupResult apply(Dataset<Row> articles) {
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
                .drop("__id_rank", "__id_first_sha", "__id_first_at");
        Dataset<Row> unique = ranked.where(idClash.unary_$bang()).drop("__id_rank", "__id_first_sha", "__id_first_at");
        WindowSpec byText = Window.partitionBy("text_sha256").orderBy(ExactDeduplicator.keepPriority());
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
}
