package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class EntityPairAggregatorTest {
    private static final StructType MENTIONS = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("entity_name", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("sentence_index", DataTypes.IntegerType)
            .add("published_date", DataTypes.DateType);

    private static Row mention(String article, String entity, int sentence, String date) {
        return RowFactory.create(article, entity, "<" + entity + ">", "PER", sentence, date == null ? null : Date.valueOf(date));
    }

    @Test
    void countsArticlesAndSentencesPerDayAndOrderedPair() {
        Dataset<Row> mentions = SharedSpark.session().createDataFrame(List.of(
                // x: putin and trump share sentence 0 (putin twice), putin and kyiv sentence 1
                mention("x", "vladimir-putin", 0, "2025-08-18"),
                mention("x", "donald-trump", 0, "2025-08-18"),
                mention("x", "vladimir-putin", 0, "2025-08-18"),
                mention("x", "vladimir-putin", 1, "2025-08-18"),
                mention("x", "kyiv", 1, "2025-08-18"),
                // y: trump and putin, different sentences, same day
                mention("y", "vladimir-putin", 0, "2025-08-18"),
                mention("y", "donald-trump", 2, "2025-08-18"),
                // z: undated, one entity only: no pair
                mention("z", "kyiv", 0, null),
                // w: undated pair
                mention("w", "kyiv", 0, null),
                mention("w", "alaska", 3, null)), MENTIONS);
        Map<String, Row> pairs = new TreeMap<>();
        for (Row r : EntityPairAggregator.aggregate(mentions, 30).collectAsList()) {
            pairs.put(r.getAs("published_date") + " " + r.getAs("entity_a") + "+" + r.getAs("entity_b"), r);
        }
        assertEquals(List.of("2025-08-18 donald-trump+kyiv", "2025-08-18 donald-trump+vladimir-putin",
                "2025-08-18 kyiv+vladimir-putin", "null alaska+kyiv"), List.copyOf(pairs.keySet()));
        Row trumpPutin = pairs.get("2025-08-18 donald-trump+vladimir-putin");
        assertEquals(2L, trumpPutin.<Long>getAs("articles"));
        assertEquals(1L, trumpPutin.<Long>getAs("sentences"), "only x names both in one sentence");
        assertEquals("<donald-trump>", trumpPutin.getAs("entity_a_name"));
        assertEquals("<vladimir-putin>", trumpPutin.getAs("entity_b_name"));
        assertEquals(0L, pairs.get("2025-08-18 donald-trump+kyiv").<Long>getAs("sentences"));
        Row undated = pairs.get("null alaska+kyiv");
        assertNull(undated.getAs("published_date"));
        assertEquals(1L, undated.<Long>getAs("articles"));
        for (Row r : pairs.values()) {
            assertTrue(r.<String>getAs("entity_a").compareTo(r.getAs("entity_b")) < 0, "stable order a < b");
        }
        // Each article with k distinct entities gives k(k-1)/2 pairs: x 3, y 1, w 1.
        assertEquals(5L, pairs.values().stream().mapToLong(r -> r.<Long>getAs("articles")).sum());
    }

    @Test
    void anArticlePairsOnlyItsMostMentionedEntities() {
        Dataset<Row> mentions = SharedSpark.session().createDataFrame(List.of(
                // a names four entities: putin three times, trump twice, kyiv and alaska once each
                mention("a", "vladimir-putin", 0, "2025-08-18"),
                mention("a", "vladimir-putin", 1, "2025-08-18"),
                mention("a", "vladimir-putin", 2, "2025-08-18"),
                mention("a", "donald-trump", 0, "2025-08-18"),
                mention("a", "donald-trump", 2, "2025-08-18"),
                mention("a", "kyiv", 1, "2025-08-18"),
                mention("a", "alaska", 2, "2025-08-18")), MENTIONS);
        List<String> pairs = EntityPairAggregator.aggregate(mentions, 3).collectAsList().stream()
                .map(r -> r.getAs("entity_a") + "+" + r.getAs("entity_b") + ":" + r.getAs("sentences")).sorted().toList();
        // Top three: putin (3), trump (2), then alaska before kyiv (one mention each; smaller id).
        assertEquals(List.of("alaska+donald-trump:1", "alaska+vladimir-putin:1", "donald-trump+vladimir-putin:2"), pairs);
        assertEquals(6, EntityPairAggregator.aggregate(mentions, 4).count(), "with room for all four: 4*3/2 pairs");
    }

    @Test
    void noMentionsGiveNoPairs() {
        Dataset<Row> none = SharedSpark.session().createDataFrame(List.of(), MENTIONS);
        assertEquals(0, EntityPairAggregator.aggregate(none, 30).count());
    }

    /**
     * The one-pass aggregation against the join-based one it replaced ({@link EntityPairReference}), on
     * random articles: the same schema and the same rows, with and without the cap, with undated articles,
     * a null article id and an id named two ways (only where the cap cannot cut between equals).
     */
    @Test
    void equalsTheJoinBasedAggregation() {
        java.util.Random random = new java.util.Random(3);
        List<Row> rows = new java.util.ArrayList<>();
        List<Row> plain = new java.util.ArrayList<>();
        for (int article = 0; article < 60; article++) {
            String id = article == 59 ? null : "a" + article;
            String date = article % 7 == 0 ? null : "2025-08-" + (10 + article % 3);
            int mentions = random.nextInt(25);
            for (int i = 0; i < mentions; i++) {
                String entity = "e" + random.nextInt(12);
                Row m = RowFactory.create(id, entity, "<" + entity + ">", entity.length() == 3 ? "ORG" : "PER",
                        random.nextInt(6), date == null ? null : Date.valueOf(date));
                rows.add(m);
                plain.add(m);
                if (random.nextInt(10) == 0) {
                    rows.add(RowFactory.create(id, entity, "<" + entity + " alias>", "PER", random.nextInt(6),
                            date == null ? null : Date.valueOf(date)));
                }
            }
        }
        var spark = SharedSpark.session();
        assertSame(spark.createDataFrame(rows, MENTIONS), 30);
        assertSame(spark.createDataFrame(plain, MENTIONS), 30);
        assertSame(spark.createDataFrame(plain, MENTIONS), 3);
    }

    private static void assertSame(Dataset<Row> mentions, int max) {
        Dataset<Row> expected = EntityPairReference.aggregate(mentions, max);
        Dataset<Row> actual = EntityPairAggregator.aggregate(mentions, max);
        assertEquals(expected.schema(), actual.schema());
        List<String> e = expected.collectAsList().stream().map(Row::toString).sorted().toList();
        List<String> a = actual.collectAsList().stream().map(Row::toString).sorted().toList();
        assertTrue(e.size() > 50, "the comparison covers many pairs: " + e.size());
        assertEquals(e, a);

        // In four ranges: the same rows, partition after partition in (entity_a, entity_b, date) order, and
        // no more than the bound the output is sized by.
        EntityPairAggregator.Plan plan = EntityPairAggregator.plan(EntityPairAggregator.byArticle(mentions), max);
        Dataset<Row> ranged = plan.sortedPairs(4);
        assertEquals(4, ranged.rdd().getNumPartitions());
        List<Row> inOrder = ranged.collectAsList();
        assertEquals(e, inOrder.stream().map(Row::toString).sorted().toList());
        for (int i = 1; i < inOrder.size(); i++) {
            assertTrue(orderKey(inOrder.get(i - 1)).compareTo(orderKey(inOrder.get(i))) <= 0,
                    "rows in order at " + i + ": " + inOrder.get(i - 1) + " then " + inOrder.get(i));
        }
        // Exactly Spark's order of the strings, ties of one pair named two ways broken by names and types.
        List<Row> sparkOrder = expected.orderBy(col("entity_a"), col("entity_b"), col("published_date"),
                col("entity_a_name"), col("entity_a_type"), col("entity_b_name"), col("entity_b_type")).collectAsList();
        assertEquals(sparkOrder.stream().map(Row::toString).toList(), inOrder.stream().map(Row::toString).toList());
        long bound = plan.pairsAtMost();
        assertTrue(bound >= e.size() && bound <= 60L * max * (max - 1) / 2, "bound " + bound + " for " + e.size());
        // Every range holds some rows (the ranges split the pairs, not the entities).
        assertEquals(4L, ranged.select(spark_partition_id().as("p")).distinct().count());
    }

    /**
     * Pair keys sort as (rank of a's id, rank of b's id, date, a's place among its id's names, b's) and give
     * back the date and both codes, here with 3 ids (one named three ways) on 2 dates.
     */
    @Test
    void pairKeysSortAsTheirPartsAndDecode() {
        List<Row> entities = List.of(RowFactory.create("a", "A", "PER"), RowFactory.create("b", "B", "ORG"),
                RowFactory.create("b", "B", "PER"), RowFactory.create("b", "Bee", "PER"), RowFactory.create("c", "C", "LOC"));
        EntityPairAggregator.EntityCodes codes = new EntityPairAggregator.EntityCodes(entities,
                List.of(Date.valueOf("2025-08-18"), Date.valueOf("2025-08-19")));
        int[] rank = {0, 1, 1, 1, 2};
        int[] place = {0, 0, 1, 2, 0};
        List<int[]> parts = new java.util.ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                for (int date = 0; date < 3; date++) {
                    parts.add(new int[] {a, b, date});
                }
            }
        }
        java.util.Collections.shuffle(parts, new java.util.Random(5));
        java.util.Comparator<int[]> byParts = java.util.Comparator.<int[]>comparingInt(p -> rank[p[0]])
                .thenComparingInt(p -> rank[p[1]]).thenComparingInt(p -> p[2]).thenComparingInt(p -> place[p[0]])
                .thenComparingInt(p -> place[p[1]]);
        List<int[]> expected = parts.stream().sorted(byParts).toList();
        List<int[]> byKey = parts.stream().sorted(java.util.Comparator.comparingLong(
                p -> codes.pairKey(p[0], p[1], p[2]))).toList();
        assertEquals(expected, byKey);
        for (int[] p : parts) {
            assertEquals(List.of(p[2], p[0], p[1]), java.util.Arrays.stream(codes.decode(codes.pairKey(p[0], p[1], p[2])))
                    .boxed().toList());
        }
    }

    /**
     * A dictionary built on a driver in one time zone finds the dates of an executor in another (a
     * {@code java.sql.Date} is midnight in its JVM's zone: the cluster test failed this way).
     */
    @Test
    void datesAreFoundInAnotherTimeZone() throws Exception {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            EntityPairAggregator.EntityCodes driver = new EntityPairAggregator.EntityCodes(
                    List.of(RowFactory.create("a", "A", "PER")),
                    List.of(Date.valueOf("2025-08-18"), Date.valueOf("2025-08-19")));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(driver);
            }
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            EntityPairAggregator.EntityCodes executor;
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                executor = (EntityPairAggregator.EntityCodes) in.readObject();
            }
            assertEquals(2, executor.date(Date.valueOf("2025-08-19")));
            assertEquals(1, executor.date(java.time.LocalDate.of(2025, 8, 18)));
            assertEquals(0, executor.date(null));
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    /** Ranges follow the ranks, and split the pairs about evenly where no single entity is too large. */
    @Test
    void rangesSplitThePairsInOrder() {
        long[] pairs = {5, 0, 5, 10, 5, 5, 10, 0, 5, 5};
        int[] range = EntityPairAggregator.ranges(pairs, 4);
        long[] perRange = new long[4];
        for (int r = 0; r < pairs.length; r++) {
            assertTrue(r == 0 || range[r] >= range[r - 1], "ranges in rank order");
            perRange[range[r]] += pairs[r];
        }
        assertEquals(List.of(10L, 15L, 15L, 10L), java.util.Arrays.stream(perRange).boxed().toList());
        assertEquals(List.of(0, 0, 0), java.util.Arrays.stream(EntityPairAggregator.ranges(new long[3], 4)).boxed().toList(),
                "no pairs: one range");
    }

    /** entity_a, entity_b and the date (null first) as one comparable string. */
    private static String orderKey(Row pair) {
        return pair.getString(1) + "\u0000" + pair.getString(2) + "\u0000" + (pair.isNullAt(0) ? "" : "~" + pair.get(0));
    }
}
