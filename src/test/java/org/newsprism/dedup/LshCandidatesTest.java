package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class LshCandidatesTest {
    private static final StructType SCHEMA = new StructType()
            .add("doc", DataTypes.LongType, false)
            .add("signature", DataTypes.BinaryType, true);

    private static Dataset<Row> signatures(Object... docAndSignature) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < docAndSignature.length; i += 2) {
            rows.add(RowFactory.create(((Number) docAndSignature[i]).longValue(),
                    MinHasher.toBytes((int[]) docAndSignature[i + 1])));
        }
        return SharedSpark.session().createDataFrame(rows, SCHEMA);
    }

    private static Set<String> pairs(Dataset<Row> pairs) {
        Set<String> result = new TreeSet<>();
        pairs.collectAsList().forEach(r -> result.add(r.getLong(0) + "-" + r.getLong(1)));
        return result;
    }

    @Test
    void articlesSharingABandAreCandidatesOnceWithTheSmallerIdFirst() {
        Dataset<Row> input = signatures(
                1, new int[] {7, 8, 9, 4},
                2, new int[] {7, 8, 5, 6},
                3, new int[] {1, 2, 9, 4},
                4, new int[] {7, 8, 9, 4},
                5, new int[] {0, 0, 0, 0},
                6, null);
        assertEquals(Set.of("1-2", "1-3", "1-4", "2-4", "3-4"), pairs(new LshCandidates(2, 2, 1, 50).pairs(input)));
    }

    private static Dataset<Row> identified(Object... idAndSignature) {
        StructType schema = new StructType().add("id", DataTypes.StringType, false)
                .add("signature", DataTypes.BinaryType, true);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < idAndSignature.length; i += 2) {
            int[] signature = (int[]) idAndSignature[i + 1];
            rows.add(RowFactory.create(idAndSignature[i], signature == null ? null : MinHasher.toBytes(signature)));
        }
        return SharedSpark.session().createDataFrame(rows, schema);
    }

    @Test
    void crossPairsLinkProbesToStoredRowsOnlyAndCapEachBucket() {
        Dataset<Row> probes = identified(
                "new-a", new int[] {7, 8, 9, 4},
                "new-b", new int[] {7, 8, 5, 6},
                "new-c", new int[] {0, 0, 0, 0},
                "new-d", null);
        Dataset<Row> stored = identified(
                "old-1", new int[] {7, 8, 1, 1},
                "old-2", new int[] {2, 2, 9, 4},
                "old-3", new int[] {7, 8, 3, 3},
                "old-4", new int[] {6, 6, 6, 6},
                "old-5", null);
        Set<String> pairs = new TreeSet<>();
        new LshCandidates(2, 2, 1, 50).crossPairs(probes, stored, probes.count()).collectAsList()
                .forEach(r -> pairs.add(r.getString(0) + "~" + r.getString(1)));
        assertEquals(Set.of("new-a~old-1", "new-a~old-2", "new-a~old-3", "new-b~old-1", "new-b~old-3"), pairs,
                "new-a and new-b share band 0 but are both probes: no pair between them");

        Set<String> capped = new TreeSet<>();
        new LshCandidates(2, 2, 1, 1).crossPairs(probes, stored, probes.count()).collectAsList()
                .forEach(r -> capped.add(r.getString(0) + "~" + r.getString(1)));
        assertEquals(Set.of("new-a~old-1", "new-a~old-2", "new-b~old-1"), capped,
                "with one comparison per bucket only the smallest stored id of bucket (7, 8) is paired");
    }

    @Test
    void equalValuesInDifferentBandsAreNotABucket() {
        Dataset<Row> input = signatures(1, new int[] {3, 3, 1, 1}, 2, new int[] {1, 1, 3, 3});
        assertEquals(Set.of(), pairs(new LshCandidates(2, 2, 1, 50).pairs(input)));
    }

    @Test
    void aHugeBucketGivesOverlappingWindowsInsteadOfAllPairs() {
        Object[] rows = new Object[20];
        for (int i = 0; i < 10; i++) {
            rows[2 * i] = 100 + i;
            rows[2 * i + 1] = new int[] {5, 5};
        }
        Set<String> windowed = pairs(new LshCandidates(1, 2, 1, 3).pairs(signatures(rows)));
        assertEquals(0 + 1 + 2 + 3 * 7, windowed.size(), "each of 10 paired with up to 3 predecessors");
        for (int i = 1; i < 10; i++) {
            assertTrue(windowed.contains((100 + i - 1) + "-" + (100 + i)), "consecutive members stay linked");
        }
        assertEquals(45, pairs(new LshCandidates(1, 2, 1, 9).pairs(signatures(rows))).size(), "all pairs when it fits");
    }

    @Test
    void bucketKeysDependOnTheBandAndItsValues() {
        long[] keys = LshCandidates.bucketKeys(new int[] {1, 2, 1, 2, 9}, 2, 2);
        assertNotEquals(keys[0], keys[1], "same values, other band");
        assertEquals(keys[0], LshCandidates.bucketKeys(new int[] {1, 2, 7, 7}, 2, 2)[0]);
        assertThrows(IllegalArgumentException.class, () -> LshCandidates.bucketKeys(new int[] {1, 2, 3}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new LshCandidates(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LshCandidates(2, 1, 3, 1), "more shared bands than bands");
    }

    @Test
    void withTwoSharedBandsOnlyPairsAgreeingInTwoBandsAreCandidates() {
        Dataset<Row> input = signatures(
                1, new int[] {7, 8, 9, 4, 5, 5},
                2, new int[] {7, 8, 9, 4, 0, 0},
                3, new int[] {7, 8, 1, 1, 5, 5},
                4, new int[] {7, 8, 2, 2, 3, 3},
                5, new int[] {6, 6, 9, 4, 1, 2});
        assertEquals(Set.of("1-2", "1-3"), pairs(new LshCandidates(3, 2, 2, 50).pairs(input)),
                "2-3, 2-4, 3-4, 1-4, 1-5 and 2-5 share one band only");
        assertEquals(Set.of("1-2", "1-3", "1-4", "1-5", "2-3", "2-4", "2-5", "3-4"),
                pairs(new LshCandidates(3, 2, 1, 50).pairs(input)), "with one band they are all candidates");

        Dataset<Row> probes = identified("new-1", new int[] {7, 8, 9, 4, 5, 5});
        Dataset<Row> stored = identified(
                "old-2", new int[] {7, 8, 9, 4, 0, 0},
                "old-4", new int[] {7, 8, 2, 2, 3, 3});
        Set<String> cross = new TreeSet<>();
        new LshCandidates(3, 2, 2, 50).crossPairs(probes, stored, probes.count()).collectAsList()
                .forEach(r -> cross.add(r.getString(0) + "~" + r.getString(1)));
        assertEquals(Set.of("new-1~old-2"), cross, "old-4 shares one band with new-1");
    }

    @Test
    void pairsAreCountedBySortingOnOneKeyNotByAHashMap() {
        Dataset<Row> input = signatures(1, new int[] {7, 8, 9, 4}, 2, new int[] {7, 8, 5, 6});
        for (int shared : new int[] {1, 2}) {
            String plan = new LshCandidates(2, 2, shared, 50).pairs(input).queryExecution().executedPlan().toString();
            int pairSort = plan.indexOf("Sort [__pair_hash#");
            int pairShuffle = plan.indexOf("Exchange hashpartitioning(__pair_hash#");
            int bucketSort = plan.indexOf("Sort [bucket#");
            assertFalse(plan.contains("HashAggregate"), plan);
            assertTrue(pairSort >= 0 && pairSort < pairShuffle && pairShuffle < bucketSort, plan);
            // One sort key each: Spark radix-sorts a single long instead of comparing rows.
            assertFalse(plan.matches("(?s).*Sort \\[__pair_hash#\\d+L ASC NULLS FIRST, .*"), plan);
            assertFalse(plan.matches("(?s).*Sort \\[bucket#\\d+L ASC NULLS FIRST, .*"), plan);
        }
    }

    @Test
    void sharedEnoughGivesEachPairOnceWhenItOccursOftenEnough() {
        List<Row> sorted = List.of(pair(1, 2, 10), pair(1, 2, 10), pair(1, 3, 11), pair(2, 3, 12), pair(2, 3, 12),
                pair(2, 3, 12), pair(2, 4, 13));
        assertEquals(List.of("[1,2]", "[2,3]"), drain(new LshCandidates.SharedEnough(sorted.iterator(), 2)));
        assertEquals(List.of("[2,3]"), drain(new LshCandidates.SharedEnough(sorted.iterator(), 3)));
        assertEquals(List.of("[1,2]", "[1,3]", "[2,3]", "[2,4]"),
                drain(new LshCandidates.SharedEnough(sorted.iterator(), 1)));
        assertEquals(List.of(), drain(new LshCandidates.SharedEnough(List.<Row>of().iterator(), 1)));
    }

    @Test
    void sharedEnoughCountsPairsApartWhenTheirHashesCollide() {
        // Sorted by hash only: the pairs of one hash come in any order.
        List<Row> sorted = List.of(pair(2, 3, 7), pair(1, 2, 7), pair(2, 3, 7), pair(1, 2, 7), pair(5, 6, 7),
                pair(2, 3, 9));
        assertEquals(List.of("[1,2]", "[2,3]"), drain(new LshCandidates.SharedEnough(sorted.iterator(), 2)),
                "(1,2) twice and (2,3) twice under hash 7; the (2,3) under hash 9 is another run");
        assertEquals(List.of("[1,2]", "[2,3]", "[5,6]", "[2,3]"),
                drain(new LshCandidates.SharedEnough(sorted.iterator(), 1)), "in the order of their values per hash");
    }

    @Test
    void windowPairsOrderEachBucketsDocsAndPairEachWithItsPredecessors() {
        List<Row> byBucket = List.of(RowFactory.create(5L, 30L), RowFactory.create(5L, 10L), RowFactory.create(5L, 20L),
                RowFactory.create(5L, 40L), RowFactory.create(-1L, 7L), RowFactory.create(8L, 3L), RowFactory.create(8L, 1L));
        assertEquals(List.of("[10,20]", "[10,30]", "[20,30]", "[20,40]", "[30,40]", "[1,3]"),
                drain(new LshCandidates.WindowPairs(byBucket.iterator(), 2)),
                "bucket 5 ordered 10, 20, 30, 40, each with up to 2 before it; bucket -1 alone; bucket 8 ordered");
        assertEquals(List.of(), drain(new LshCandidates.WindowPairs(List.<Row>of().iterator(), 2)));
    }

    private static Row pair(long a, long b, long hash) {
        return RowFactory.create(a, b, hash);
    }

    private static List<String> drain(java.util.Iterator<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(r -> out.add(r.toString()));
        return out;
    }
}
