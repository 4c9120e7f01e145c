package org.newsprism.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Stage "write": stages every table of a run under {@code <output>/_staging/<run-id>/} and only then
 * swaps them into place, so a failed run never leaves a half-written table where readers look.
 * Each table is sorted by its key columns (stable row order, good Parquet min/max statistics for
 * filters) and written as at most {@code output.max-files-per-table} files.
 */
public final class TableOutput {
    private final SparkSession spark;
    private final Path output;
    private final Path staging;
    private final int maxFiles;
    private final List<String> staged = new ArrayList<>();

    public TableOutput(SparkSession spark, String outputDir, String runId, int maxFiles) {
        this.spark = spark;
        this.output = new Path(outputDir);
        this.staging = new Path(new Path(output, "_staging"), runId);
        this.maxFiles = maxFiles;
    }

    /** Writes a table to the staging area, rows ordered by {@code sortColumns}. */
    public void write(String table, Dataset<Row> rows, String... sortColumns) {
        Column[] order = Arrays.stream(sortColumns).map(c -> rows.col(c).asc_nulls_first()).toArray(Column[]::new);
        rows.orderBy(order)
                .coalesce(maxFiles)
                .write()
                .mode(SaveMode.Overwrite)
                .option("compression", "zstd")
                .parquet(new Path(staging, table).toString());
        staged.add(table);
    }

    /** Writes a small text file (e.g. _run.json) to the staging area. */
    public void writeFile(String name, String content) {
        Path file = new Path(staging, name);
        try (FileSystem fs = FileSystem.newInstance(file.toUri(), spark.sparkContext().hadoopConfiguration());
                OutputStream out = createWithoutChecksum(fs, file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
        staged.add(name);
    }

    /** Local file systems would add a hidden .crc file next to it; readers of _run.json need none. */
    private static OutputStream createWithoutChecksum(FileSystem fs, Path file) throws IOException {
        fs.setWriteChecksum(false);
        return fs.create(file, true);
    }

    /**
     * Moves every staged table and file into the output directory, replacing the previous run's version
     * of each. Earlier outputs are first moved aside and deleted only after all moves succeeded.
     */
    public void commit() {
        try {
            FileSystem fs = fs();
            Path trash = new Path(new Path(output, "_trash"), staging.getName());
            for (String name : staged) {
                Path target = new Path(output, name);
                if (fs.exists(target)) {
                    fs.mkdirs(trash);
                    rename(fs, target, new Path(trash, name));
                }
                rename(fs, new Path(staging, name), target);
            }
            fs.delete(trash, true);
            fs.delete(staging, true);
            deleteIfEmpty(fs, new Path(output, "_staging"));
            deleteIfEmpty(fs, new Path(output, "_trash"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the output to " + output, e);
        }
    }

    /** Removes what this run staged (after a failure), leaving the previous output untouched. */
    public void abort() {
        try {
            fs().delete(staging, true);
        } catch (IOException e) {
            // best effort: the staging area of a failed run is harmless and overwritten by the next run
        }
    }

    public Path path(String table) {
        return new Path(output, table);
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }

    private static void deleteIfEmpty(FileSystem fs, Path dir) throws IOException {
        if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
            fs.delete(dir, false);
        }
    }

    private FileSystem fs() throws IOException {
        return output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }
}
