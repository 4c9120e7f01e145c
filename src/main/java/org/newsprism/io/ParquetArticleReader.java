package org.newsprism.io;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Reads Parquet files (any writer: Spark, pyarrow, DuckDB), one file at a time so each file's own
 * schema maps its columns; {@code input_position} is Parquet's row index within the file. The session
 * reads old dates and timestamps as written (rebase mode CORRECTED, see {@code SparkSessions}).
 */
public final class ParquetArticleReader {
    private ParquetArticleReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        Dataset<Row> result = spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        for (InputFile file : files) {
            Dataset<Row> table = spark.read().parquet(file.path());
            Dataset<Row> withIndex = table.select(col("*"), col("_metadata.row_index").as("__row_index"));
            result = result.union(TabularFields.toRaw(withIndex, file, col("__row_index"), config));
        }
        return result;
    }
}
