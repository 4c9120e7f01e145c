package org.newsprism.dedup;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Connected components of an undirected graph, computed on Spark: edges {@code (src long, dst long)} in,
 * {@code (node long, component long)} out, one row per node that has an edge, {@code component} being
 * the smallest node of its component. Self-loops and repeated edges are allowed.
 *
 * <p>The alternating algorithm of Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC
 * 2014): <em>large-star</em> links every neighbour {@code v > u} of a node {@code u} to the smallest
 * node of {@code u}'s neighbourhood; <em>small-star</em> links {@code u} and its smaller neighbours to
 * the smallest of them. Both keep the components and shrink their depth; after {@code O(log² n)} rounds
 * every component is a star around its smallest node (near-duplicate clusters, being shallow, usually
 * take one round). Each step is one window aggregation over the edge list, whose lineage is cut
 * after every round ({@link Dataset#localCheckpoint()}), so no edge is ever collected on the driver
 * and plans stay small.
 *
 * <p>A small edge list ({@link #label(Dataset, int)}) is labelled on the driver instead: collected and joined
 * by union-find, one job where the rounds above take a dozen small ones. Near-duplicate links are few (about
 * one per duplicate: 20,000 at 100,000 articles), so this is the usual case; the rounds are for lists that
 * would crowd the driver's memory.
 *
 * <p>Example: edges {@code (5,3), (3,9), (7,8)} give {@code 3→3, 5→3, 9→3, 7→7, 8→7}.
 */
public final class ComponentLabeler {
    /** A bound that a correct run never reaches (it needs about log² of the component size). */
    static final int MAX_ROUNDS = 200;

    /** The output: each node with an edge and the smallest node of its component. */
    static final StructType LABELS = new StructType()
            .add("node", DataTypes.LongType, false)
            .add("component", DataTypes.LongType, false);

    private ComponentLabeler() {}

    /**
     * The components of {@code edges}: computed on the driver when there are at most {@code driverMaxEdges}
     * edges, else on Spark ({@link #label(Dataset)}). Same result either way. {@code edges} should be
     * persisted or checkpointed: it is counted first.
     */
    public static Dataset<Row> label(Dataset<Row> edges, int driverMaxEdges) {
        // Counted rather than collected with a limit: a limit scans the partitions in growing batches, a job each.
        if (driverMaxEdges > 0 && edges.count() <= driverMaxEdges) {
            List<Row> collected = edges.select(col("src"), col("dst")).collectAsList();
            return edges.sparkSession().createDataFrame(labelLocally(collected), LABELS);
        }
        return label(edges);
    }

    /**
     * Union-find over collected {@code (src, dst)} rows: the same labels as {@link #label(Dataset)}. Nodes are
     * numbered in ascending order and every union keeps the smaller root, so each root is its component's
     * smallest node.
     */
    static List<Row> labelLocally(List<Row> edges) {
        long[] ends = new long[2 * edges.size()];
        int n = 0;
        for (Row e : edges) {
            if (e.getLong(0) != e.getLong(1)) {
                ends[n++] = e.getLong(0);
                ends[n++] = e.getLong(1);
            }
        }
        long[] nodes = Arrays.stream(ends, 0, n).sorted().distinct().toArray();
        int[] parent = new int[nodes.length];
        Arrays.setAll(parent, i -> i);
        for (int i = 0; i < n; i += 2) {
            int a = root(parent, Arrays.binarySearch(nodes, ends[i]));
            int b = root(parent, Arrays.binarySearch(nodes, ends[i + 1]));
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        List<Row> labels = new ArrayList<>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            labels.add(RowFactory.create(nodes[i], nodes[root(parent, i)]));
        }
        return labels;
    }

    /** The root of {@code i}, halving the path on the way. */
    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The components of {@code edges} computed on Spark in rounds, however many edges there are. */
    public static Dataset<Row> label(Dataset<Row> edges) {
        // Orient every edge (u > v), the form both steps read and write.
        Dataset<Row> current = edges
                .where(col("src").notEqual(col("dst")))
                .select(greatest(col("src"), col("dst")).as("u"), least(col("src"), col("dst")).as("v"));
        for (int round = 0; round < MAX_ROUNDS; round++) {
            current = smallStar(largeStar(current)).localCheckpoint();
            if (isStarForest(current)) {
                Dataset<Row> children = current.select(col("u").as("node"), col("v").as("component"));
                Dataset<Row> roots = current.select(col("v").as("node"), col("v").as("component")).distinct();
                return children.unionByName(roots);
            }
        }
        throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
    }

    /**
     * For each node u with neighbourhood N(u), m = min(N(u) ∪ {u}); emits (v, m) for every v in N(u) with
     * v > u. Reads and writes oriented edges (u > v); the output may repeat edges.
     */
    static Dataset<Row> largeStar(Dataset<Row> oriented) {
        Dataset<Row> both = oriented.select(col("u"), col("v"))
                .unionByName(oriented.select(col("v").as("u"), col("u").as("v")));
        return both.withColumn("m", least(col("u"), min(col("v")).over(Window.partitionBy("u"))))
                .where(col("v").gt(col("u")))
                .select(col("v").as("u"), col("m").as("v"));
    }

    /**
     * For each node u with smaller neighbours S(u) (all its v, edges being oriented), m = min(S(u));
     * emits (u, m) and (v, m) for every other v in S(u), each edge once.
     */
    static Dataset<Row> smallStar(Dataset<Row> oriented) {
        Dataset<Row> withMin = oriented.withColumn("m", min(col("v")).over(Window.partitionBy("u")));
        return withMin
                .select(explode(array(
                        struct(col("u").as("u"), col("m").as("v")),
                        struct(col("v").as("u"), col("m").as("v")))).as("e"))
                .select(col("e.u").as("u"), col("e.v").as("v"))
                .where(col("u").notEqual(col("v")))
                .distinct();
    }

    /** True when every node has at most one parent and no parent has one: each component is a star. */
    static boolean isStarForest(Dataset<Row> oriented) {
        Dataset<Row> roles = oriented.select(col("u").as("node"), lit(1).as("parents"), lit(0).as("children"))
                .unionByName(oriented.select(col("v").as("node"), lit(0).as("parents"), lit(1).as("children")));
        return roles.groupBy("node").agg(sum("parents").as("parents"), sum("children").as("children"))
                .where(col("parents").gt(1).or(col("parents").equalTo(1).and(col("children").gt(0))))
                .isEmpty();
    }
}
