package org.newsprism.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;

class ShufflesTest {
    private final SparkSession spark = SharedSpark.session();
    private final int configured = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));

    @Test
    void largeSortsGetATaskPerTwoMillionRowsAndSmallOnesTheConfiguredNumber() {
        assertEquals(configured, Shuffles.sortTasks(spark, 0));
        assertEquals(configured, Shuffles.sortTasks(spark, Shuffles.ROWS_PER_SORT_TASK));
        // A million articles of 64 bands: 64 million bucket rows, 32 sorts of two million.
        assertEquals(32, Shuffles.sortTasks(spark, 64_000_000L));
        assertEquals(33, Shuffles.sortTasks(spark, 64_000_001L));
        assertEquals(1, Shuffles.sortTasksBySize(0));
        assertEquals(1, Shuffles.sortTasksBySize(Shuffles.ROWS_PER_SORT_TASK));
        assertEquals(104, Shuffles.sortTasksBySize(207_000_000L), "entity_pairs' sort at a million articles");
    }

    @Test
    void writesUseTheCoresWithoutCuttingSmallTablesIntoSmallFiles() {
        assertEquals(1, Shuffles.writeTasks(spark, 0, 100, 1000), "an empty table: one task");
        assertEquals(1, Shuffles.writeTasks(spark, 100, 100, 1000), "a small table: one task");
        assertEquals(2, Shuffles.writeTasks(spark, 101, 100, 1000), "each task at least 100 rows");
        assertEquals(configured, Shuffles.writeTasks(spark, 100L * configured * 5, 100, 1000),
                "at most the configured number while no task needs more than its maximum");
        assertEquals(30, Shuffles.writeTasks(spark, 30_000, 100, 1000), "the maximum per task rules a large table");
    }

    /** Spark's hash partitioning sends each partition's bucket value to that partition. */
    @Test
    void hashBucketsLandInTheirPartitions() {
        for (int n : new int[] {1, 2, 7, 64}) {
            int[] buckets = Shuffles.hashBuckets(n);
            List<Row> rows = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                rows.add(RowFactory.create(p, buckets[p]));
            }
            StructType schema = new StructType().add("wanted", DataTypes.IntegerType).add("bucket", DataTypes.IntegerType);
            List<Row> placed = spark.createDataFrame(rows, schema).repartition(n, col("bucket"))
                    .select(col("wanted"), spark_partition_id().as("partition")).collectAsList();
            assertEquals(n, placed.size());
            for (Row r : placed) {
                assertEquals(r.getInt(0), r.getInt(1), "partition " + r.getInt(0) + " of " + n);
            }
        }
    }
}
