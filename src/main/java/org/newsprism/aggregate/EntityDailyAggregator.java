package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stage "aggregate": mentions in, {@code entity_daily} out: per published date, entity and language the
 * number of mentions, distinct articles and sources, mean and sample standard deviation of mention
 * sentiment, and mentions per sentiment label. Articles without a date aggregate under a null date.
 */
public final class EntityDailyAggregator {
    private EntityDailyAggregator() {}

    public static Dataset<Row> aggregate(Dataset<Row> mentions) {
        return mentions
                .groupBy(col("published_date"), col("entity_id"), col("entity_name"), col("entity_type"), col("language"))
                .agg(count(lit(1)).as("mentions"),
                        countDistinct(col("article_id")).as("articles"),
                        countDistinct(col("source")).as("sources"),
                        avg(col("sentiment")).as("sentiment_mean"),
                        stddev_samp(col("sentiment")).as("sentiment_stddev"),
                        labelCount("positive"), labelCount("neutral"), labelCount("negative"));
    }

    private static Column labelCount(String label) {
        return sum(when(col("sentiment_label").equalTo(label), 1L).otherwise(0L)).as(label);
    }
}
