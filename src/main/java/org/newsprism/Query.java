package org.newsprism;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/query.sh}: runs one Spark SQL statement over a Newsprism output directory, each
 * table registered as a view of its name ({@code articles}, {@code mentions}, …), and prints the result.
 * Partitioned tables are read with their {@code published_date} partitions (a filter on it reads only
 * the partitions it names).
 *
 * <p>Usage: {@code Query [--output DIR] [--rows N] [--to FILE.jsonl] "SQL"} (defaults: out, 50 rows).
 * With {@code --to}, the whole result is written as JSON Lines to that file instead of printed. Exit code 2
 * for bad arguments or a missing output directory, 1 for a failing statement.
 */
@Command(name = "scripts/query.sh", mixinStandardHelpOptions = true,
        description = "Runs one Spark SQL statement over the Newsprism output tables (one view per table).")
public final class Query implements Callable<Integer> {
    @Option(names = "--output", paramLabel = "DIR", description = "the job's output directory (default: ${DEFAULT-VALUE})")
    private String output = "out";

    @Option(names = "--rows", paramLabel = "N", description = "rows to print (default: ${DEFAULT-VALUE})")
    private int rows = 50;

    @Option(names = "--to", paramLabel = "FILE", description = "write the whole result to FILE as JSON Lines")
    private Path to;

    @Parameters(index = "0", paramLabel = "SQL", description = "the statement, e.g. \"SELECT * FROM entities\"")
    private String sql;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Query()).setExitCodeExceptionMapper(e -> 1).execute(args));
    }

    @Override
    public Integer call() {
        if (!new File(output).isDirectory()) {
            System.err.println("newsprism: no output directory " + output);
            return 2;
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("newsprism-query")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
        try {
            Dataset<Row> result = run(spark, output, sql);
            if (to == null) {
                result.show(rows, false);
            } else {
                write(result.toJSON().collectAsList(), to);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * Registers every table under {@code outputDir} (its subdirectories not starting with {@code _} or
     * {@code .}) as a temporary view of its name and runs {@code sql}.
     */
    public static Dataset<Row> run(SparkSession spark, String outputDir, String sql) {
        File[] tables = new File(outputDir).listFiles(f -> f.isDirectory() && !f.getName().startsWith("_")
                && !f.getName().startsWith("."));
        if (tables == null) {
            throw new IllegalArgumentException("no output directory " + outputDir);
        }
        Arrays.sort(tables);
        for (File table : tables) {
            org.newsprism.io.Tables.read(spark, table.getPath()).createOrReplaceTempView(table.getName());
        }
        return spark.sql(sql);
    }

    private static void write(List<String> lines, Path file) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
