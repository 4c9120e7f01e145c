package org.newsprism.io;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * How many tasks a large shuffle gets, and how to send a row to a chosen one. One place for the sizing that the
 * LSH sorts ({@code dedup.LshCandidates}), {@code entity_pairs} and the date-partitioned tables share.
 *
 * <p>Spark's default, {@code spark.sql.shuffle.partitions} tasks whatever the rows, is right for small
 * shuffles and wrong for large ones: at a million articles eight sort tasks of 17 million rows each needed
 * 512 MB pointer arrays and could fail in a 4 GB driver. A large sort gets a task per
 * {@link #ROWS_PER_SORT_TASK} rows instead.
 */
public final class Shuffles {
    /**
     * At most how many rows one task of a large sort is meant to sort. Spark sorts a task's rows through one
     * array of pointers that it grows by doubling; at a million articles and the default 8 partitions the LSH
     * pair sort held 17 million rows and asked for a 512 MB array, which a 4 GB heap shared with the cache could
     * not always find in one piece ({@code OutOfMemoryError}). Two million rows keep it at 64 MB.
     */
    public static final long ROWS_PER_SORT_TASK = 2_000_000;

    /** The seed of Spark's hash partitioning ({@code Murmur3Hash}'s default). */
    private static final int SPARK_HASH_SEED = 42;

    /** Above Spark's practical task counts; only a corrupt count would get there. */
    private static final int MAX_TASKS = 100_000;

    private Shuffles() {}

    /**
     * The tasks of a sort of about {@code rows} rows: one per {@link #ROWS_PER_SORT_TASK}, at least
     * {@code spark.sql.shuffle.partitions}.
     */
    public static int sortTasks(SparkSession spark, long rows) {
        return Math.max(configured(spark), sortTasksBySize(rows));
    }

    /** The tasks of a sort of about {@code rows} rows, one per {@link #ROWS_PER_SORT_TASK}, however few the cores. */
    public static int sortTasksBySize(long rows) {
        return (int) Math.max(1, tasksFor(rows, ROWS_PER_SORT_TASK));
    }

    /**
     * The tasks that write a table of {@code rows} rows: enough that none takes more than
     * {@code maxRowsPerTask}, and up to {@code spark.sql.shuffle.partitions} to use the cores as long as each
     * still gets {@code minRowsPerTask} (so that a small table is not cut into small files).
     */
    public static int writeTasks(SparkSession spark, long rows, long minRowsPerTask, long maxRowsPerTask) {
        long spread = Math.min(configured(spark), tasksFor(rows, minRowsPerTask));
        return (int) Math.max(1, Math.max(spread, tasksFor(rows, maxRowsPerTask)));
    }

    /**
     * For each of {@code n} partitions an int that Spark's hash partitioning ({@code repartition(n, column)},
     * {@code pmod(murmur3(value, 42), n)}) sends to it. Spark SQL has no partitioning by a given number; with
     * these values as the column, rows go to the partition chosen for them.
     */
    public static int[] hashBuckets(int n) {
        int[] bucket = new int[n];
        Arrays.fill(bucket, -1);
        int found = 0;
        for (int v = 0; found < n; v++) {
            int partition = Math.floorMod(Murmur3_x86_32.hashInt(v, SPARK_HASH_SEED), n);
            if (bucket[partition] < 0) {
                bucket[partition] = v;
                found++;
            }
        }
        return bucket;
    }

    private static long tasksFor(long rows, long rowsPerTask) {
        return Math.min(MAX_TASKS, (Math.max(0, rows) + rowsPerTask - 1) / rowsPerTask);
    }

    private static int configured(SparkSession spark) {
        return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    }
}
