package org.newsprism.io;

import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Reads CSV or TSV files with a header row (quoted fields may span lines) with Spark's CSV reader, one
 * file at a time so that each file's own header maps its columns and {@code input_position} is the
 * 1-based record number within the file.
 */
public final class DelimitedReader {
    private DelimitedReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config, char separator) {
        Dataset<Row> result = spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        for (InputFile file : files) {
            Dataset<Row> table = spark.read()
                    .option("header", "true")
                    .option("sep", String.valueOf(separator))
                    .option("multiLine", "true") // a multi-line file is one partition: record order = file order
                    .option("quote", "\"")
                    .option("escape", "\"")
                    .option("mode", "PERMISSIVE")
                    .option("encoding", "UTF-8")
                    .csv(file.path());
            result = result.union(
                    TabularFields.toRaw(table, file, monotonically_increasing_id().plus(1), config));
        }
        return result;
    }
}
