package org.newsprism.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads files that are parsed whole (text, HTML, WARC): one task reads a file's bytes with Spark's
 * {@code binaryFiles} and a format's {@link Parser} turns them into raw records.
 */
final class WholeFiles {
    private WholeFiles() {}

    /** Turns one file into its raw records ({@link RawRecords#SCHEMA}). */
    @FunctionalInterface
    interface Parser extends Serializable {
        List<Row> parse(String path, String relativePath, PortableDataStream content) throws IOException;
    }

    static Dataset<Row> read(SparkSession spark, List<InputFile> files, Parser parser) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        }
        Map<String, String> relativePaths = new HashMap<>();
        files.forEach(f -> relativePaths.put(f.path(), f.relativePath()));
        String paths = String.join(",", files.stream().map(InputFile::path).toList());
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .binaryFiles(paths)
                .flatMap(pair -> parser.parse(pair._1(),
                        relativePaths.getOrDefault(pair._1(), pair._1().substring(pair._1().lastIndexOf('/') + 1)),
                        pair._2()).iterator());
        return spark.createDataFrame(rows, RawRecords.SCHEMA);
    }
}
