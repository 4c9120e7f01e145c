package org.newsprism.io;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.InputFormat;
import org.newsprism.config.JobConfig;

/**
 * Stage "read": the resolved input files in, one {@link RawRecords#SCHEMA} dataset out, each file read
 * by the reader of its format (each file with its own field names, see {@link InputFile#fields()}).
 * Reads {@code input.text.*} and {@code input.excerpt-chars}; formats and field names come with the files.
 */
public final class ArticleReader {
    private ArticleReader() {}

    public static Dataset<Row> read(SparkSession spark, List<InputFile> files, JobConfig.Input config) {
        Map<InputFormat, List<InputFile>> byFormat = files.stream().collect(Collectors.groupingBy(InputFile::format));
        Dataset<Row> all = spark.createDataFrame(List.of(), RawRecords.SCHEMA);
        for (Map.Entry<InputFormat, List<InputFile>> group : new java.util.TreeMap<>(byFormat).entrySet()) {
            List<InputFile> group_ = group.getValue();
            Dataset<Row> part = switch (group.getKey()) {
                case JSONL -> JsonLinesReader.read(spark, group_, config);
                case CSV -> DelimitedReader.read(spark, group_, config, ',');
                case TSV -> DelimitedReader.read(spark, group_, config, '\t');
                case PARQUET -> ParquetArticleReader.read(spark, group_, config);
                case TEXT -> TextFileReader.read(spark, group_, config);
                case HTML -> HtmlFileReader.read(spark, group_, config);
                case WARC -> WarcFileReader.read(spark, group_, config);
                case AUTO -> throw new IllegalStateException("InputFiles resolves AUTO to a concrete format");
            };
            all = all.union(part);
        }
        return all;
    }
}
