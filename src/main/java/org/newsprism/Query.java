package org.newsprism;

import java.io.File;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * {@code scripts/query.sh}: runs one Spark SQL statement over a Newsprism output directory, each
 * table registered as a view of its name ({@code articles}, {@code mentions}, …), and prints the result.
 *
 * <p>Usage: {@code Query [--output DIR] [--rows N] "SQL"} (defaults: out, 50 rows).
 */
public final class Query {
    private Query() {}

    public static void main(String[] args) {
        String output = "out";
        int rows = 50;
        String sql = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = args[++i];
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                default -> sql = args[i];
            }
        }
        if (sql == null) {
            System.err.println("usage: scripts/query.sh [--output DIR] [--rows N] \"SQL\"");
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
            spark.sql(sql).show(rows, false);
        } finally {
            spark.stop();
        }
    }
}
