package org.newsprism;

import java.io.File;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * {@code scripts/query.sh}: runs one Spark SQL statement over a Newsprism output directory, each
 * table registered as a view of its name ({@code articles}, {@code mentions}, …), and prints the result.
 *
 * <p>Usage: {@code Query [--output DIR] [--rows N] [--to FILE.jsonl] "SQL"} (defaults: out, 50 rows).
 * With {@code --to}, the whole result is written as JSON Lines to that file instead of printed.
 */
public final class Query {
    private Query() {}

    private static void writeJsonLines(java.util.List<String> lines, String file) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file), lines, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        String output = "out";
        int rows = 50;
        String to = null;
        String sql = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = args[++i];
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--to" -> to = args[++i];
                default -> sql = args[i];
            }
        }
        if (sql == null) {
            System.err.println("usage: scripts/query.sh [--output DIR] [--rows N] [--to FILE.jsonl] \"SQL\"");
            System.exit(2);
        }
        File dir = new File(output);
        File[] tables = dir.listFiles(f -> f.isDirectory() && !f.getName().startsWith("_") && !f.getName().startsWith("."));
        if (tables == null) {
            System.err.println("newsprism: no output directory " + output);
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("newsprism-query")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
        try {
            Arrays.sort(tables);
            for (File table : tables) {
                spark.read().parquet(table.getPath()).createOrReplaceTempView(table.getName());
            }
            if (to == null) {
                spark.sql(sql).show(rows, false);
            } else {
                writeJsonLines(spark.sql(sql).toJSON().collectAsList(), to);
            }
        } finally {
            spark.stop();
        }
    }
}
