package org.newsprism.increment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.io.TableOutput;
import org.newsprism.io.Tables;

/**
 * The output an incremental run builds on: the tables of earlier runs in the output directory.
 *
 * <p>Records of an input file that this run reads again replace everything earlier runs derived from
 * that file (same path): its articles (with their sentences and mentions), duplicates and rejected rows.
 * {@link #index()} is {@code dedup_index} without those articles: what the new articles are deduplicated
 * against. Reads {@code output.path}.
 */
public final class PriorOutput {
    /** Tables an incremental run needs in an existing output. */
    private static final List<String> REQUIRED = List.of("articles", "sentences", "mentions", "duplicates", "rejected",
            "dedup_index");

    private final SparkSession spark;
    private final Path output;
    private final boolean empty;
    private final List<String> rereadFiles;

    private PriorOutput(SparkSession spark, Path output, boolean empty, Collection<String> rereadFiles) {
        this.spark = spark;
        this.output = output;
        this.empty = empty;
        this.rereadFiles = List.copyOf(rereadFiles);
    }

    /**
     * Opens the output directory for an incremental run reading {@code inputFiles}.
     *
     * @throws InvalidSettingsException when the directory holds tables that an incremental run cannot extend
     *     (an output of an older layout), before any data is read
     */
    public static PriorOutput open(SparkSession spark, String outputDir, Collection<String> inputFiles) {
        Path output = new Path(outputDir);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try {
            FileSystem fs = output.getFileSystem(hadoop);
            if (!fs.exists(new Path(output, "articles"))) {
                return new PriorOutput(spark, output, true, inputFiles);
            }
            for (String table : REQUIRED) {
                if (!fs.exists(new Path(output, table))) {
                    throw new InvalidSettingsException("--mode incremental: " + output + " has no " + table
                            + " table (written by an older version?); run once with --mode overwrite");
                }
            }
            for (String table : Tables.PARTITIONED) {
                if (TableOutput.partitions(fs, new Path(output, table)).isEmpty()) {
                    throw new InvalidSettingsException("--mode incremental: " + output + "/" + table
                            + " is not partitioned by published_date (written by an older version?); run once with"
                            + " --mode overwrite");
                }
            }
            return new PriorOutput(spark, output, false, inputFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output directory " + output, e);
        }
    }

    /** True when there is no earlier output: the run writes every table whole. */
    public boolean isEmpty() {
        return empty;
    }

    /** An earlier table as it is. */
    public Dataset<Row> table(String name) {
        return Tables.read(spark, new Path(output, name).toString());
    }

    /** An earlier table without the rows derived from input files this run reads again. */
    public Dataset<Row> kept(String name) {
        return table(name).where(col("input_file").isin(rereadFiles.toArray()).unary_$bang());
    }

    /** {@code dedup_index} rows of the earlier articles that stay (their files are not read again). */
    public Dataset<Row> index() {
        Dataset<Row> index = kept("dedup_index");
        // An index written before URL keys and signature schemes were stored: those articles are matched by
        // text only.
        for (String column : List.of("url_key", "signature_scheme")) {
            if (!List.of(index.columns()).contains(column)) {
                index = index.withColumn(column, lit(null).cast(DataTypes.StringType));
            }
        }
        return index;
    }

    /** {@code dedup_index} rows of the earlier articles whose input files this run reads again. */
    public Dataset<Row> replaced() {
        return table("dedup_index").where(col("input_file").isin(rereadFiles.toArray()));
    }
}
