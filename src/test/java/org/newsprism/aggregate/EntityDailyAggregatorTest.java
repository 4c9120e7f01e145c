package org.newsprism.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class EntityDailyAggregatorTest {
    private static final StructType MENTIONS = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("entity_name", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("sentiment", DataTypes.DoubleType)
            .add("sentiment_label", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("source", DataTypes.StringType)
            .add("language", DataTypes.StringType);

    private static Row mention(String article, String entity, double sentiment, String label, String date, String source) {
        return RowFactory.create(article, entity, entity.toUpperCase(), "PER", sentiment, label,
                date == null ? null : Date.valueOf(date), source, "de");
    }

    @Test
    void countsMentionsArticlesSourcesAndSentimentPerDayEntityAndLanguage() {
        Dataset<Row> mentions = SharedSpark.session().createDataFrame(List.of(
                mention("a1", "merz", 0.5, "positive", "2025-08-18", "s1"),
                mention("a1", "merz", -0.5, "negative", "2025-08-18", "s1"),
                mention("a2", "merz", 0.0, "neutral", "2025-08-18", "s2"),
                mention("a3", "merz", 0.2, "positive", "2025-08-19", "s1"),
                mention("a4", "putin", -0.4, "negative", null, null)), MENTIONS);
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
}
