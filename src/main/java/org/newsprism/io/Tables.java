package org.newsprism.io;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads a Newsprism output table back into Spark, whether it is partitioned or not. A partitioned table's
 * {@code published_date} comes from its directory names; Spark infers its type from them, which gives a
 * string when every partition is the null partition, so it is cast back to {@code date} here. As with any
 * Hive-partitioned table, the partition column comes last.
 */
public final class Tables {
    /** The tables partitioned by {@code published_date}. */
    public static final java.util.List<String> PARTITIONED = java.util.List.of("articles", "sentences", "mentions");
    /** Their partition column. */
    public static final String PARTITION_COLUMN = "published_date";

    private Tables() {}

    public static Dataset<Row> read(SparkSession spark, String tableDir) {
        Dataset<Row> rows = spark.read().parquet(tableDir);
        if (Arrays.asList(rows.columns()).contains(PARTITION_COLUMN)
                && !rows.schema().apply(PARTITION_COLUMN).dataType().equals(DataTypes.DateType)) {
            rows = rows.withColumn(PARTITION_COLUMN, col(PARTITION_COLUMN).cast(DataTypes.DateType));
        }
        return rows;
    }
}
