package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class ReportDataTest {
    private static final String[] LABELS = {"positive", "neutral", "negative"};

    /**
     * The top entities (taken from {@code entities}, their sentiment from their own mentions) against one
     * aggregation over all mentions: same entities in the same order, same counts and sentiment figures. Entity
     * {@code e} has {@code 2e + 1} mentions, so the order has no ties; some names are null and one id has two
     * names.
     */
    @Test
    void topEntitiesEqualOneAggregationOverAllMentions() {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int e = 0; e < 40; e++) {
            for (int m = 0; m <= 2 * e; m++) {
                String name = e % 7 == 0 ? null : e == 33 && m % 2 == 0 ? "other name" : "name " + e;
                int article = random.nextInt(60);
                // As in the job, an article has one date (here none for every fifth).
                String date = article % 5 == 0 ? null : "2026-01-0" + (1 + article % 7);
                rows.add(TestMentions.row("a" + article, "e" + (e == 33 ? 32 : e), name, "PER", "form", false,
                        random.nextDouble() * 2 - 1, LABELS[random.nextInt(3)], date, "source", "de"));
            }
        }
        SparkSession spark = SharedSpark.session();
        Dataset<Row> mentions = TestMentions.of(rows);
        Dataset<Row> entityDaily = EntityDailyAggregator.aggregate(mentions);
        Dataset<Row> entities = EntityTable.build(spark, mentions, entityDaily, List.of());
        List<ReportData.EntityStat> top = ReportData.collect("t", Map.of(), mentions, entities, entityDaily,
                spark.sql("SELECT 'near' AS method"), spark.sql("SELECT 'read' AS stage, 'bad' AS reason"),
                spark.sql("SELECT 'source' AS source, 1L AS articles, 0L AS duplicates, 0L AS rejected"), 12, 3)
                .topEntities();

        List<Row> expected = mentions.groupBy(col("entity_id"), col("entity_name"), col("entity_type"))
                .agg(count(lit(1)).as("mentions"), countDistinct(col("article_id")).as("articles"),
                        avg(col("sentiment")).as("mean"), stddev_samp(col("sentiment")).as("sd"),
                        labelCount("positive"), labelCount("neutral"), labelCount("negative"))
                .orderBy(col("mentions").desc(), col("entity_id").asc())
                .limit(12)
                .collectAsList();
        assertEquals(expected.size(), top.size());
        for (int i = 0; i < top.size(); i++) {
            Row e = expected.get(i);
            ReportData.EntityStat a = top.get(i);
            assertEquals(List.of(e.getString(0), String.valueOf(e.getString(1)), e.getLong(3), e.getLong(4)),
                    List.of(a.id(), String.valueOf(a.name()), a.mentions(), a.articles()), "rank " + i);
            assertEquals(e.getDouble(5), a.sentimentMean(), 1e-12);
            assertEquals(e.getDouble(6), a.sentimentStddev(), 1e-12);
            assertEquals(List.of(e.getLong(7), e.getLong(8), e.getLong(9)), List.of(a.positive(), a.neutral(), a.negative()));
        }
    }

    private static org.apache.spark.sql.Column labelCount(String label) {
        return sum(when(col("sentiment_label").equalTo(label), 1L).otherwise(0L)).as(label);
    }
}
