package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Stage "aggregate" (sources): articles, duplicates and rejected rows in, {@code source_daily} out: one
 * row per published date and source with the number of articles, their languages, words, mentions and
 * mean sentiment, and the number of duplicates and rejected records of that source and day. A duplicate
 * counts under its own source and date; a rejected record whose source or date is unknown (most read
 * and normalisation rejects) counts under a null source or date, so that the column sums equal the
 * table sizes.
 *
 * <p>Before: articles {@code a1 (x.org, 2025-08-18, de)}, {@code a2 (x.org, 2025-08-18, en)}, a duplicate
 * of {@code a1} from x.org on the same day and a rejected record without source. After:
 * {@code (2025-08-18, x.org, articles 2, [de, en], duplicates 1, rejected 0)} and
 * {@code (null, null, articles 0, [], duplicates 0, rejected 1)}. Reads no settings.
 */
public final class SourceDailyAggregator {
    private SourceDailyAggregator() {}

    public static Dataset<Row> aggregate(Dataset<Row> articles, Dataset<Row> duplicates, Dataset<Row> rejected) {
        Dataset<Row> fromArticles = articles.groupBy(col("published_date"), col("source"))
                .agg(count(lit(1)).as("articles"), array_sort(collect_set(col("language"))).as("languages"),
                        sum(col("word_count")).as("words"), sum(col("mention_count")).as("mentions"),
                        // Summed as decimals, which add up exactly in any order: a double sum's last bits follow the
                        // order Spark happens to meet the rows in, which changes with the input's file layout.
                        avg(col("sentiment").cast(DataTypes.createDecimalType(38, 18))).cast(DataTypes.DoubleType)
                                .as("sentiment_mean"));
        Dataset<Row> fromDuplicates = duplicates.groupBy(col("published_date").as("d_date"), col("source").as("d_source"))
                .agg(count(lit(1)).as("duplicates"));
        Dataset<Row> fromRejected = rejected.groupBy(col("published_date").as("r_date"), col("source").as("r_source"))
                .agg(count(lit(1)).as("rejected"));
        Dataset<Row> withDuplicates = fromArticles.join(fromDuplicates,
                        fromArticles.col("published_date").eqNullSafe(fromDuplicates.col("d_date"))
                                .and(fromArticles.col("source").eqNullSafe(fromDuplicates.col("d_source"))), "full_outer")
                .select(coalesce(col("published_date"), col("d_date")).as("published_date"),
                        coalesce(col("source"), col("d_source")).as("source"), col("articles"), col("languages"),
                        col("words"), col("mentions"), col("sentiment_mean"), col("duplicates"));
        return withDuplicates.join(fromRejected,
                        withDuplicates.col("published_date").eqNullSafe(fromRejected.col("r_date"))
                                .and(withDuplicates.col("source").eqNullSafe(fromRejected.col("r_source"))), "full_outer")
                .select(coalesce(col("published_date"), col("r_date")).as("published_date"),
                        coalesce(col("source"), col("r_source")).as("source"),
                        zero(col("articles")).as("articles"),
                        coalesce(col("languages"), org.apache.spark.sql.functions.array().cast(
                                DataTypes.createArrayType(DataTypes.StringType))).as("languages"),
                        zero(col("words")).as("words"), zero(col("mentions")).as("mentions"),
                        col("sentiment_mean"), zero(col("duplicates")).as("duplicates"),
                        zero(col("rejected")).as("rejected"));
    }

    private static Column zero(Column count) {
        return coalesce(count.cast(DataTypes.LongType), lit(0L));
    }
}
