package org.newsprism.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class SourceDailyAggregatorTest {
    private static final StructType ARTICLES = new StructType()
            .add("source", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("language", DataTypes.StringType)
            .add("word_count", DataTypes.IntegerType)
            .add("mention_count", DataTypes.IntegerType)
            .add("sentiment", DataTypes.DoubleType);
    private static final StructType RECORDS = new StructType()
            .add("source", DataTypes.StringType)
            .add("published_date", DataTypes.DateType);

    private static Date d(String day) {
        return day == null ? null : Date.valueOf(day);
    }

    @Test
    void articlesDuplicatesAndRejectsPerSourceAndDayAddUpToTheTables() {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> articles = spark.createDataFrame(List.of(
                RowFactory.create("x.org", d("2025-08-18"), "en", 10, 2, 0.5),
                RowFactory.create("x.org", d("2025-08-18"), "de", 30, 1, -0.1),
                RowFactory.create("<b>y</b>", null, "de", 5, 0, 0.0)), ARTICLES);
        Dataset<Row> duplicates = spark.createDataFrame(List.of(
                RowFactory.create("x.org", d("2025-08-18")),
                RowFactory.create("z.net", d("2025-08-19"))), RECORDS);
        Dataset<Row> rejected = spark.createDataFrame(List.of(
                RowFactory.create(null, null),
                RowFactory.create(null, null),
                RowFactory.create("x.org", d("2025-08-18"))), RECORDS);
        Map<String, Row> rows = new TreeMap<>();
        for (Row r : SourceDailyAggregator.aggregate(articles, duplicates, rejected).collectAsList()) {
            rows.put(r.getAs("source") + " " + r.getAs("published_date"), r);
        }
        assertEquals(List.of("<b>y</b> null", "null null", "x.org 2025-08-18", "z.net 2025-08-19"), List.copyOf(rows.keySet()));
        Row x = rows.get("x.org 2025-08-18");
        assertEquals(2L, x.<Long>getAs("articles"));
        assertEquals(List.of("de", "en"), x.getList(x.fieldIndex("languages")));
        assertEquals(40L, x.<Long>getAs("words"));
        assertEquals(3L, x.<Long>getAs("mentions"));
        assertEquals(0.2, x.<Double>getAs("sentiment_mean"), 1e-9);
        assertEquals(1L, x.<Long>getAs("duplicates"));
        assertEquals(1L, x.<Long>getAs("rejected"));
        Row unknown = rows.get("null null");
        assertEquals(0L, unknown.<Long>getAs("articles"));
        assertEquals(List.of(), unknown.getList(unknown.fieldIndex("languages")));
        assertNull(unknown.getAs("sentiment_mean"));
        assertEquals(2L, unknown.<Long>getAs("rejected"));
        Row z = rows.get("z.net 2025-08-19");
        assertEquals(1L, z.<Long>getAs("duplicates"));
        assertEquals(0L, z.<Long>getAs("words"));
        assertEquals(3L, rows.values().stream().mapToLong(r -> r.<Long>getAs("articles")).sum());
        assertEquals(2L, rows.values().stream().mapToLong(r -> r.<Long>getAs("duplicates")).sum());
        assertEquals(3L, rows.values().stream().mapToLong(r -> r.<Long>getAs("rejected")).sum());
    }

    /** The mean sentiment does not depend on how the articles are partitioned (a double sum's order would). */
    @Test
    void sentimentMeanIsTheSameWhateverThePartitioning() {
        SparkSession spark = SharedSpark.session();
        java.util.Random random = new java.util.Random(11);
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(RowFactory.create("x.org", d("2025-08-18"), "en", 10, 1, random.nextDouble() * 2 - 1));
        }
        Dataset<Row> none = spark.createDataFrame(List.of(), RECORDS);
        java.util.Set<Double> means = new java.util.HashSet<>();
        for (int partitions : new int[] {1, 3, 7, 16}) {
            List<Row> shuffled = new java.util.ArrayList<>(rows);
            java.util.Collections.shuffle(shuffled, new java.util.Random(partitions));
            Dataset<Row> articles = spark.createDataFrame(shuffled, ARTICLES).repartition(partitions);
            Row day = SourceDailyAggregator.aggregate(articles, none, none).collectAsList().get(0);
            means.add(day.<Double>getAs("sentiment_mean"));
        }
        double expected = rows.stream().mapToDouble(r -> r.getDouble(5)).average().orElseThrow();
        assertEquals(1, means.size(), "one mean: " + means);
        assertEquals(expected, means.iterator().next(), 1e-12);
    }
}
