package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class ComponentLabelerTest {
    private static final StructType EDGES = new StructType()
            .add("src", DataTypes.LongType, false)
            .add("dst", DataTypes.LongType, false);

    /**
     * The labels of {@code edges} found on Spark in rounds; asserts that the driver's union-find, and a driver
     * limit below the edge count (which falls back to the rounds), give the same.
     */
    private static Map<Long, Long> label(List<long[]> edges) {
        List<Row> rows = new ArrayList<>();
        edges.forEach(e -> rows.add(RowFactory.create(e[0], e[1])));
        Dataset<Row> input = SharedSpark.session().createDataFrame(rows, EDGES);
        Map<Long, Long> labels = collect(ComponentLabeler.label(input));
        assertEquals(labels, collect(ComponentLabeler.label(input, edges.size())), "on the driver");
        if (edges.size() > 1) {
            assertEquals(labels, collect(ComponentLabeler.label(input, edges.size() - 1)), "over the driver limit");
        }
        return labels;
    }

    private static Map<Long, Long> collect(Dataset<Row> labelled) {
        assertEquals(ComponentLabeler.LABELS.fieldNames().length, labelled.columns().length);
        Map<Long, Long> labels = new TreeMap<>();
        for (Row r : labelled.select("node", "component").collectAsList()) {
            Long previous = labels.put(r.getLong(0), r.getLong(1));
            assertEquals(null, previous, "node " + r.getLong(0) + " labelled once");
        }
        return labels;
    }

    @Test
    void eachNodeGetsTheSmallestNodeOfItsComponent() {
        assertEquals(Map.of(3L, 3L, 5L, 3L, 9L, 3L, 7L, 7L, 8L, 7L),
                label(List.of(new long[] {5, 3}, new long[] {3, 9}, new long[] {7, 8})));
    }

    @Test
    void selfLoopsRepeatedEdgesAndNegativeIdsAreFine() {
        assertEquals(Map.of(-4L, -4L, 2L, -4L),
                label(List.of(new long[] {2, -4}, new long[] {-4, 2}, new long[] {2, -4}, new long[] {6, 6})));
        assertEquals(Map.of(), label(List.of()));
    }

    @Test
    void aLongChainInShuffledOrderNeedsSeveralRoundsAndEndsAsOneComponent() {
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 60; i++) {
            ids.add(i * 7919 % 1000);
        }
        Collections.shuffle(ids, new Random(3));
        List<long[]> path = new ArrayList<>();
        for (int i = 1; i < ids.size(); i++) {
            path.add(new long[] {ids.get(i - 1), ids.get(i)});
        }
        long smallest = Collections.min(ids);
        label(path).forEach((node, component) -> assertEquals(smallest, component, "node " + node));
    }

    @Test
    void agreesWithUnionFindOnARandomGraph() {
        Random random = new Random(11);
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            edges.add(new long[] {random.nextInt(400), random.nextInt(400)});
        }
        Map<Long, Long> parent = new HashMap<>();
        for (long[] e : edges) {
            long a = find(parent, e[0]);
            long b = find(parent, e[1]);
            parent.put(Math.max(a, b), Math.min(a, b));
        }
        Map<Long, Long> expected = new TreeMap<>();
        for (long[] e : edges) {
            if (e[0] != e[1]) {
                expected.put(e[0], find(parent, e[0]));
                expected.put(e[1], find(parent, e[1]));
            }
        }
        assertEquals(expected, label(edges));
    }

    private static long find(Map<Long, Long> parent, long node) {
        long root = node;
        while (parent.containsKey(root) && parent.get(root) != root) {
            root = parent.get(root);
        }
        return root;
    }
}
