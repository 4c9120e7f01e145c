package org.newsprism.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares the Parquet tables of two job outputs with DuckDB (a tuning aid, not a test): for every table
 * directory of the first, the column names and types, the row count, and the rows as a multiset (EXCEPT
 * ALL both ways). Columns that name a run (for example a run id or time) can be left out:
 * {@code CompareOutputs <dir-a> <dir-b> [column-to-ignore ...]}. Exits with 1 when anything differs.
 */
public final class CompareOutputs {
    public static void main(String[] args) throws Exception {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        List<String> ignored = List.of(args).subList(2, args.length);
        List<String> tables = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(a)) {
            dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_"))
                    .sorted().forEach(tables::add);
        }
        boolean same = true;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String table : tables) {
                String ra = scan(a, table);
                String rb = scan(b, table);
                String schemaA = schema(st, ra);
                String schemaB = schema(st, rb);
                String except = ignored.isEmpty() ? "" : " EXCLUDE (" + String.join(", ", existing(st, ra, ignored)) + ")";
                if (except.equals(" EXCLUDE ()")) {
                    except = "";
                }
                long na = count(st, "SELECT count(*) FROM " + ra);
                long nb = count(st, "SELECT count(*) FROM " + rb);
                long onlyA = count(st, "SELECT count(*) FROM (SELECT *" + except + " FROM " + ra + " EXCEPT ALL SELECT *"
                        + except + " FROM " + rb + ")");
                long onlyB = count(st, "SELECT count(*) FROM (SELECT *" + except + " FROM " + rb + " EXCEPT ALL SELECT *"
                        + except + " FROM " + ra + ")");
                boolean ok = schemaA.equals(schemaB) && na == nb && onlyA == 0 && onlyB == 0;
                same &= ok;
                System.out.printf("%-14s %s rows %d / %d, only in a %d, only in b %d%s%n", table, ok ? "same" : "DIFFERENT",
                        na, nb, onlyA, onlyB, schemaA.equals(schemaB) ? "" : "; schemas differ:\n  " + schemaA + "\n  " + schemaB);
            }
        }
        System.exit(same ? 0 : 1);
    }

    private static String scan(Path dir, String table) {
        return "read_parquet('" + dir.resolve(table) + "/**/*.parquet', hive_partitioning = true, union_by_name = true)";
    }

    private static String schema(Statement st, String relation) throws Exception {
        StringBuilder s = new StringBuilder();
        try (ResultSet r = st.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (r.next()) {
                s.append(r.getString(1)).append(' ').append(r.getString(2)).append(", ");
            }
        }
        return s.toString();
    }

    private static List<String> existing(Statement st, String relation, List<String> columns) throws Exception {
        List<String> present = new ArrayList<>();
        try (ResultSet r = st.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (r.next()) {
                if (columns.contains(r.getString(1))) {
                    present.add(r.getString(1));
                }
            }
        }
        return present;
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
