package org.newsprism.io;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Reads Parquet files (any writer: Spark, pyarrow, DuckDB), one file at a time so each file's own
 * schema maps its columns; {@code input_position} is Parquet's row index within the file. The session
 * reads old dates and timestamps as written (rebase mode CORRECTED, see {@code SparkSessions}).
 *
 * <p>A file whose footer cannot be read (truncated, corrupt, not Parquet at all) becomes one rejected
 * record naming the error, at position 0; the other files are read. The footer is checked when the plan is
 * built, so a damaged file never reaches a task.
 */
public final class ParquetArticleReader {
    private ParquetArticleReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        Dataset<Row> result = spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        List<Row> unreadable = new ArrayList<>();
        for (InputFile file : files) {
            Dataset<Row> table;
            try {
                table = spark.read().parquet(file.path());
                table.schema();
            } catch (Exception e) { // SparkException (checked, thrown undeclared) or AnalysisException from the footer
                unreadable.add(RawRecords.rejected(file.path(), 0, RawRecords.keyOf(file.relativePath(), 0),
                        "not a readable Parquet file (" + RawRecords.errorDetail(rootCause(e)) + ")", null, config.excerptChars()));
                continue;
            }
            Dataset<Row> withIndex = table.select(col("*"), col("_metadata.row_index").as("__row_index"));
            result = result.union(TabularFields.toRaw(withIndex, file, col("__row_index"), config));
        }
        if (!unreadable.isEmpty()) {
            result = result.union(spark.createDataFrame(unreadable, RawRecords.SCHEMA));
        }
        return result;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
