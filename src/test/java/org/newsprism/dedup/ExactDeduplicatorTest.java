package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
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
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;

class ExactDeduplicatorTest {
    private static final StructType SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("input_file", DataTypes.StringType)
            .add("input_position", DataTypes.LongType)
            .add("text", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("text_sha256", DataTypes.StringType)
            .add("char_count", DataTypes.IntegerType);

    private static JobConfig.Dedup exactOnly(boolean enabled) {
        JobConfig.Dedup defaults = ConfigLoader.defaults().config().dedup();
        return new JobConfig.Dedup(enabled, defaults.url(), defaults.near(), defaults.componentsOnDriverMaxLinks());
    }

    private static Row article(String id, long position, String sha, String publishedAt, int chars) {
        return RowFactory.create(id, "f.jsonl", position, "text of " + id,
                publishedAt == null ? null : Timestamp.valueOf(publishedAt), sha, chars);
    }

    private static Map<String, String> byId(Dataset<Row> rows, String column) {
        Map<String, String> map = new TreeMap<>();
        rows.collectAsList().forEach(r -> map.put(r.getAs("article_id"), String.valueOf((Object) r.getAs(column))));
        return map;
    }

    @Test
    void keepsEarliestThenLongestThenSmallestIdAndCountsTheRest() {
        List<Row> rows = new ArrayList<>(List.of(
                article("late", 0, "A", "2025-08-19 10:00:00", 500),
                article("early", 1, "A", "2025-08-18 10:00:00", 100),
                article("nodate", 2, "A", null, 900),
                article("short", 3, "B", null, 10),
                article("long", 4, "B", null, 20),
                article("b-id", 5, "C", null, 10),
                article("a-id", 6, "C", null, 10),
                article("alone", 7, "D", null, 10)));
        Dataset<Row> input = SharedSpark.session().createDataFrame(rows, SCHEMA);
        DedupResult result = new ExactDeduplicator(exactOnly(true)).apply(input);

        assertEquals(Map.of("early", "2", "long", "1", "a-id", "1", "alone", "0"), byId(result.kept(), "duplicate_count"));
        assertEquals(Map.of("late", "early", "nodate", "early", "short", "long", "b-id", "a-id"),
                byId(result.duplicates(), "duplicate_of"));
        assertEquals(List.of("exact"), result.duplicates().select("method").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertEquals(0, result.rejected().count());
    }

    @Test
    void anIdReusedForAnotherTextIsRejectedNamingTheKeptRecord() {
        Dataset<Row> input = SharedSpark.session().createDataFrame(List.of(
                article("x", 0, "A", null, 10),
                article("x", 9, "B", null, 10)), SCHEMA);
        DedupResult result = new ExactDeduplicator(exactOnly(true)).apply(input);
        assertEquals(1, result.kept().count());
        Row rejected = result.rejected().first();
        assertEquals(9L, rejected.<Long>getAs("input_position"));
        assertEquals("duplicate article_id with a different text (kept the record at f.jsonl:0)",
                rejected.getAs("reject_reason"));
    }

    @Test
    void disabledKeepsEverything() {
        Dataset<Row> input = SharedSpark.session().createDataFrame(List.of(
                article("a", 0, "A", null, 10), article("b", 1, "A", null, 10)), SCHEMA);
        DedupResult result = new ExactDeduplicator(exactOnly(false)).apply(input);
        assertEquals(2, result.kept().count());
        assertEquals(0, result.duplicates().count());
    }

    /**
     * Broadcast or shuffled, the joins that filter the records give the same tables, and the same as the
     * windows over whole records that the slim decisions replaced ({@link ExactDedupReference}).
     */
    @Test
    void decisionsJoinedByShufflingGiveTheSameTables() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // ids repeat every 15 records (a clash when the text differs), texts every 7 (exact duplicates)
            rows.add(article("id" + (i % 15), i, "T" + (i % 7), i % 3 == 0 ? null : "2025-08-1" + (i % 9) + " 10:00:00",
                    10 + i % 4));
        }
        Dataset<Row> input = SharedSpark.session().createDataFrame(rows, SCHEMA);
        DedupResult broadcast = new ExactDeduplicator(exactOnly(true)).apply(input);
        DedupResult shuffled = new ExactDeduplicator(exactOnly(true), 0).apply(input);
        assertTrue(broadcast.rejected().count() > 0 && broadcast.duplicates().count() > 0, "the input has both");
        assertEquals(sorted(broadcast.kept()), sorted(shuffled.kept()));
        assertEquals(sorted(broadcast.duplicates()), sorted(shuffled.duplicates()));
        assertEquals(sorted(broadcast.rejected()), sorted(shuffled.rejected()));
        DedupResult reference = ExactDedupReference.apply(input);
        assertEquals(sorted(reference.kept()), sorted(broadcast.kept()));
        assertEquals(sorted(reference.duplicates()), sorted(broadcast.duplicates()));
        assertEquals(sorted(reference.rejected()), sorted(broadcast.rejected()));
        assertEquals(40, broadcast.kept().count() + broadcast.duplicates().count() + broadcast.rejected().count(),
                "every record accounted for");
    }

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }
}
