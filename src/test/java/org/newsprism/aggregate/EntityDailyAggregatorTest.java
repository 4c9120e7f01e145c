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
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class EntityDailyAggregatorTest {
    private static Row mention(String article, String entity, double sentiment, String label, String date, String source) {
        return TestMentions.row(article, entity, entity.toUpperCase(), "PER", entity, false, sentiment, label, date,
                source, "de");
    }

    @Test
    void countsMentionsArticlesSourcesAndSentimentPerDayEntityAndLanguage() {
        Dataset<Row> mentions = TestMentions.of(List.of(
                mention("a1", "merz", 0.5, "positive", "2025-08-18", "s1"),
                mention("a1", "merz", -0.5, "negative", "2025-08-18", "s1"),
                mention("a2", "merz", 0.0, "neutral", "2025-08-18", "s2"),
                mention("a3", "merz", 0.2, "positive", "2025-08-19", "s1"),
                mention("a4", "putin", -0.4, "negative", null, null)));
        List<Row> daily = EntityDailyAggregator.aggregate(mentions).orderBy("entity_id", "published_date").collectAsList();
        assertEquals(3, daily.size());
        Row merz18 = daily.get(0);
        assertEquals(Date.valueOf("2025-08-18"), merz18.getAs("published_date"));
        assertEquals(3L, merz18.<Long>getAs("mentions"));
        assertEquals(2L, merz18.<Long>getAs("articles"));
        assertEquals(2L, merz18.<Long>getAs("sources"));
        assertEquals(0.0, merz18.<Double>getAs("sentiment_mean"), 1e-9);
        assertEquals(0.5, merz18.<Double>getAs("sentiment_stddev"), 1e-9);
        assertEquals(1L, merz18.<Long>getAs("positive"));
        assertEquals(1L, merz18.<Long>getAs("neutral"));
        assertEquals(1L, merz18.<Long>getAs("negative"));
        Row putin = daily.get(2);
        assertNull(putin.getAs("published_date"));
        assertEquals(0L, putin.<Long>getAs("sources"));
        long total = daily.stream().mapToLong(r -> r.<Long>getAs("mentions")).sum();
        assertEquals(mentions.count(), total, "entity_daily.mentions sums to the mention count");
    }

    @Test
    void aRunOfEqualSentimentsHasNoDeviation() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(mention("a" + i, "merz", 0.1, "neutral", "2025-08-18", "s" + (i % 3)));
        }
        Row merz = EntityDailyAggregator.aggregate(TestMentions.of(rows)).first();
        assertEquals(0.0, merz.<Double>getAs("sentiment_stddev"));
        assertEquals(7L, merz.<Long>getAs("articles"));
        assertEquals(3L, merz.<Long>getAs("sources"));
    }

    /** Random mentions, several partitions: the same rows as Spark's own aggregation with two distinct counts. */
    @Test
    void sameRowsAsSparksAggregation() {
        Random random = new Random(7);
        String[] entities = {"merz", "putin", "scholz", "macron"};
        String[] dates = {"2025-08-18", "2025-08-19", "2025-08-20", null};
        String[] sources = {"s1", "s2", "s3", null};
        String[] labels = {"positive", "neutral", "negative"};
        double[] sentiments = {-0.5, -0.1, 0.0, 0.25, 0.5, 0.75};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // An article has one source and one date.
            int a = random.nextInt(300);
            String article = "a" + a;
            String source = sources[a % sources.length];
            String date = dates[a / sources.length % dates.length];
            String entity = entities[random.nextInt(entities.length)];
            rows.add(TestMentions.row(article, entity, entity.toUpperCase(), random.nextBoolean() ? "PER" : "ORG", entity,
                    false, sentiments[random.nextInt(sentiments.length)], labels[random.nextInt(labels.length)], date,
                    source, random.nextBoolean() ? "de" : "en"));
        }
        Dataset<Row> mentions = TestMentions.of(rows).repartition(5);
        Column[] key = {col("published_date"), col("entity_id"), col("entity_name"), col("entity_type"), col("language")};
        List<Row> ours = EntityDailyAggregator.aggregate(mentions).orderBy(key).collectAsList();
        List<Row> spark = mentions.groupBy(key)
                .agg(count(lit(1)).as("mentions"), countDistinct(col("article_id")).as("articles"),
                        countDistinct(col("source")).as("sources"), avg(col("sentiment")).as("sentiment_mean"),
                        stddev_samp(col("sentiment")).as("sentiment_stddev"), labelCount("positive"),
                        labelCount("neutral"), labelCount("negative"))
                .orderBy(key).collectAsList();
        assertEquals(spark.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            Row a = ours.get(i);
            Row b = spark.get(i);
            for (String c : List.of("published_date", "entity_id", "entity_name", "entity_type", "language", "mentions",
                    "articles", "sources", "positive", "neutral", "negative")) {
                assertEquals(b.<Object>getAs(c), a.<Object>getAs(c), c + " of row " + b);
            }
            for (String c : List.of("sentiment_mean", "sentiment_stddev")) {
                if (b.getAs(c) == null) {
                    assertNull(a.getAs(c), c + " of row " + b);
                } else {
                    assertEquals(b.<Double>getAs(c), a.<Double>getAs(c), 1e-12, c + " of row " + b);
                }
            }
        }
        // Sized for 23 million mentions, the same rows sort in 12 tasks instead of 2: the table does not change.
        List<Row> inTwelve = EntityDailyAggregator.aggregate(mentions, 23_000_000L).orderBy(key).collectAsList();
        assertEquals(ours, inTwelve);
    }

    private static Column labelCount(String label) {
        return sum(when(col("sentiment_label").equalTo(label), 1L).otherwise(0L)).as(label);
    }
}
