package org.newsprism.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.SharedSpark;

class TableOutputTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("entity", DataTypes.StringType)
            .add("published_date", DataTypes.DateType);
    private final SparkSession spark = SharedSpark.session();

    private Dataset<Row> rows(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r[0], r[1], r[2] == null ? null : Date.valueOf((String) r[2])));
        }
        return spark.createDataFrame(list, SCHEMA);
    }

    private static Object[] row(String id, String entity, String date) {
        return new Object[] {id, entity, date};
    }

    private TableOutput output(Path dir, String run) {
        return new TableOutput(spark, dir.toString(), run, 8, 1000);
    }

    /** Every data file under a table, relative to it, with its contents' rows: the state a reader sees. */
    private static Map<String, Long> files(Path table) throws IOException {
        try (Stream<Path> paths = Files.walk(table)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .collect(Collectors.toMap(p -> table.relativize(p).toString(), p -> p.toFile().length(),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private List<String> content(Path table) {
        return Tables.read(spark, table.toString()).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** 40 rows of 2025-08-18 over seven entities, then {@code others}. */
    private static List<Object[]> aLargeDateAnd(Object[]... others) {
        List<Object[]> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(row(String.format("a%02d", i), "e" + (i % 7), "2025-08-18"));
        }
        input.addAll(List.of(others));
        return input;
    }

    /** The input rows as {@link #content} shows them, sorted. */
    private static List<String> asRows(List<Object[]> input) {
        return input.stream().map(r -> "[" + r[0] + "," + r[1] + "," + r[2] + "]").sorted().toList();
    }

    @Test
    void partitionsAreOneSortedFilePerDateWithTheNullPartitionForRowsWithoutDate(@TempDir Path dir) throws Exception {
        TableOutput out = output(dir, "r1");
        out.writePartitioned("t", rows(row("3", "putin", "2025-08-18"), row("1", "trump", "2025-08-18"),
                row("2", "merz", "2025-08-18"), row("4", "kyiv", "2025-08-19"), row("5", "x", null)),
                "published_date", null, "entity", "id");
        out.commit();

        Path table = dir.resolve("t");
        assertEquals(List.of("published_date=2025-08-18", "published_date=2025-08-19",
                "published_date=" + TableOutput.NULL_PARTITION), TableOutput.partitions(
                        org.apache.hadoop.fs.FileSystem.getLocal(spark.sparkContext().hadoopConfiguration()),
                        new org.apache.hadoop.fs.Path(table.toString())));
        Map<String, Long> files = files(table);
        assertEquals(3, files.size(), files.toString());
        assertFalse(Files.exists(dir.resolve("_staging")));
        assertFalse(Files.exists(dir.resolve("_trash")));

        Dataset<Row> back = Tables.read(spark, table.toString());
        assertEquals(DataTypes.DateType, back.schema().apply("published_date").dataType());
        assertEquals(1, back.where("published_date is null").count());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            String day = table.resolve("published_date=2025-08-18") + "/*.parquet";
            List<String> entities = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT entity FROM read_parquet('" + day + "', hive_partitioning=false)")) {
                while (rs.next()) {
                    entities.add(rs.getString(1));
                }
            }
            assertEquals(List.of("merz", "putin", "trump"), entities, "rows sorted by entity within the file");
            try (ResultSet rs = st.executeQuery("SELECT typeof(published_date), count(*) FILTER (WHERE published_date IS NULL),"
                    + " count(*) FROM read_parquet('" + table + "/**/*.parquet', hive_partitioning=true) GROUP BY 1")) {
                assertTrue(rs.next());
                assertEquals("DATE", rs.getString(1));
                assertEquals(1, rs.getLong(2));
                assertEquals(5, rs.getLong(3));
            }
        }
    }

    /**
     * Texts and other one-per-row values are written plainly; other columns keep their dictionary. The texts here
     * repeat, so that Parquet would keep a dictionary for them if the setting did not reach it (for distinct texts it
     * drops the dictionary at the end of the page, after hashing every one of them).
     */
    @Test
    void uniqueValueColumnsHaveNoDictionaryAndOthersKeepIt(@TempDir Path dir) throws Exception {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("source", DataTypes.StringType).add("published_date", DataTypes.DateType);
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(RowFactory.create("a" + i, "Text number " + i % 3 + " of the day.", i % 2 == 0 ? "taz.de" : "zeit.de",
                    Date.valueOf("2025-08-18")));
        }
        TableOutput out = output(dir, "r1");
        out.writePartitioned("articles", spark.createDataFrame(list, schema), "published_date", null, "article_id");
        out.commit();

        Map<String, String> encodings = new TreeMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT path_in_schema, encodings FROM parquet_metadata('"
                        + dir.resolve("articles") + "/*/*.parquet')")) {
            while (rs.next()) {
                encodings.put(rs.getString(1), rs.getString(2));
            }
        }
        assertFalse(encodings.get("text").contains("DICTIONARY"), encodings.toString());
        assertTrue(encodings.get("source").contains("DICTIONARY"), encodings.toString());
        assertEquals(50, Tables.read(spark, dir.resolve("articles").toString()).count());
    }

    /**
     * The caller's counts per date size the tasks (the large date is spread as if counted); a date they leave out
     * is written all the same, and every row once.
     */
    @Test
    void givenRowsPerDateSizeTheTasksAndADateMissingFromThemIsStillWritten(@TempDir Path dir) throws Exception {
        List<Object[]> input = aLargeDateAnd(row("b1", "e1", "2025-08-17"), row("c1", "e2", null));
        Map<Object, Long> counts = new java.util.HashMap<>();
        counts.put(Date.valueOf("2025-08-18"), 40L);
        counts.put(null, 1L);
        TableOutput out = new TableOutput(spark, dir.toString(), "r1", 8, 10);
        out.writePartitioned("t", rows(input.toArray(Object[][]::new)), "published_date", null, counts, "entity", "id");
        out.commit();

        Path table = dir.resolve("t");
        Map<String, Long> files = files(table);
        assertTrue(files.keySet().stream().filter(f -> f.startsWith("published_date=2025-08-18/")).count() >= 3,
                files.keySet().toString());
        assertEquals(1, files.keySet().stream().filter(f -> f.startsWith("published_date=2025-08-17/")).count(),
                files.keySet().toString());
        assertEquals(asRows(input), content(table), "every row once");
    }

    /**
     * A date larger than a write task's share is written by several tasks (a file each, part numbers are task
     * numbers), each file sorted, no row lost; small dates stay one file each.
     */
    @Test
    void aLargeDateIsSpreadOverSeveralTasksAndSmallDatesStayOneFile(@TempDir Path dir) throws Exception {
        List<Object[]> input = aLargeDateAnd(row("b1", "e1", "2025-08-17"), row("c1", "e2", "2025-08-19"));
        // At most 10 rows per file, so 10 per write task: 42 rows in 5 tasks of 9.
        TableOutput out = new TableOutput(spark, dir.toString(), "r1", 8, 10);
        out.writePartitioned("t", rows(input.toArray(Object[][]::new)), "published_date", null, "entity", "id");
        out.commit();

        Path table = dir.resolve("t");
        Map<String, Long> files = files(table);
        java.util.function.Function<String, Set<String>> tasksOf = date -> files.keySet().stream()
                .filter(f -> f.startsWith("published_date=" + date + "/"))
                .map(f -> f.replaceAll(".*/part-(\\d+)-.*", "$1")).collect(Collectors.toSet());
        assertTrue(tasksOf.apply("2025-08-18").size() >= 3, "the large date over several tasks: " + files.keySet());
        assertEquals(1, tasksOf.apply("2025-08-17").size(), files.keySet().toString());
        assertEquals(1, tasksOf.apply("2025-08-19").size(), files.keySet().toString());
        assertEquals(asRows(input), content(table), "every row once");
        for (String file : files.keySet()) {
            List<String> keys = spark.read().parquet(table.resolve(file).toString()).collectAsList().stream()
                    .map(r -> r.getString(1) + "/" + r.getString(0)).toList();
            assertEquals(keys.stream().sorted().toList(), keys, file + " sorted by entity, id");
            assertTrue(keys.size() <= 10, file);
        }
    }

    @Test
    void replacingPartitionsLeavesTheOthersUntouchedAndRemovesEmptiedOnes(@TempDir Path dir) throws Exception {
        TableOutput first = output(dir, "r1");
        first.writePartitioned("t", rows(row("1", "a", "2025-08-17"), row("2", "b", "2025-08-18"), row("3", "c", "2025-08-19")),
                "published_date", null, "id");
        first.commit();
        Path table = dir.resolve("t");
        String untouched = files(table).keySet().stream().filter(f -> f.contains("2025-08-17")).findFirst().orElseThrow();

        TableOutput second = output(dir, "r2");
        second.writePartitioned("t", rows(row("2", "b2", "2025-08-18"), row("9", "z", "2025-08-20")), "published_date",
                Set.of("published_date=2025-08-18", "published_date=2025-08-19", "published_date=2025-08-20"), "id");
        second.commit();

        assertTrue(files(table).containsKey(untouched), "the 2025-08-17 file was not rewritten");
        assertEquals(List.of("[1,a,2025-08-17]", "[2,b2,2025-08-18]", "[9,z,2025-08-20]"), content(table));
        assertFalse(Files.exists(table.resolve("published_date=2025-08-19")));
    }

    @Test
    void aFailedRunLeavesThePreviousOutputAsItWas(@TempDir Path dir) throws Exception {
        TableOutput first = output(dir, "r1");
        first.writePartitioned("t", rows(row("1", "a", "2025-08-17")), "published_date", null, "id");
        first.write("u", rows(row("1", "a", null)), "id");
        first.commit();
        Map<String, Long> before = files(dir);

        TableOutput failed = output(dir, "r2");
        failed.writePartitioned("t", rows(row("2", "b", "2025-08-18")), "published_date", null, "id");
        failed.write("u", rows(row("2", "b", null)), "id");
        assertEquals(before, outsideStaging(dir), "staging does not touch the output");
        failed.abort();
        assertEquals(before, files(dir));
        assertFalse(Files.exists(dir.resolve("_staging")));
    }

    private static Map<String, Long> outsideStaging(Path dir) throws IOException {
        Map<String, Long> all = files(dir);
        all.keySet().removeIf(k -> k.startsWith("_staging"));
        return all;
    }

    @Test
    void aCommitCutShortIsFinishedByTheNextRunsRecovery(@TempDir Path dir) throws Exception {
        TableOutput first = output(dir, "r1");
        first.writePartitioned("t", rows(row("1", "a", "2025-08-17"), row("2", "b", "2025-08-18")), "published_date", null, "id");
        first.write("u", rows(row("1", "old", null)), "id");
        first.commit();

        TableOutput second = output(dir, "r2");
        second.writePartitioned("t", rows(row("3", "c", "2025-08-18"), row("4", "d", "2025-08-19")), "published_date",
                Set.of("published_date=2025-08-18", "published_date=2025-08-19"), "id");
        second.write("u", rows(row("1", "new", null)), "id");
        second.writeFile("_run.json", "{\"run\": 2}\n");
        second.commit(1); // the process dies after the first swap

        assertTrue(Files.exists(dir.resolve("_staging/r2/_COMMIT")));
        // A staging area without a journal belongs to a run that died before its commit: it is dropped.
        TableOutput abandoned = output(dir, "r0");
        abandoned.write("u", rows(row("x", "abandoned", null)), "id");

        assertEquals(List.of("r2"), TableOutput.recover(spark.sparkContext().hadoopConfiguration(), dir.toString()));
        assertEquals(List.of("[1,a,2025-08-17]", "[3,c,2025-08-18]", "[4,d,2025-08-19]"), content(dir.resolve("t")));
        assertEquals(List.of("[1,new,null]"), content(dir.resolve("u")));
        assertEquals("{\"run\": 2}\n", Files.readString(dir.resolve("_run.json")));
        assertFalse(Files.exists(dir.resolve("_staging")));
        assertFalse(Files.exists(dir.resolve("_trash")));
        assertEquals(List.of(), TableOutput.recover(spark.sparkContext().hadoopConfiguration(), dir.toString()),
                "recovery is idempotent");
    }

    @Test
    void aNameThisRunDoesNotWriteIsRemovedAtCommit(@TempDir Path dir) throws IOException {
        TableOutput first = output(dir, "r1");
        first.writeFile("report.html", "<p>old</p>");
        first.commit();
        TableOutput second = output(dir, "r2");
        second.remove("report.html");
        second.remove("never-written");
        second.commit();
        assertFalse(Files.exists(dir.resolve("report.html")));
        assertFalse(Files.exists(dir.resolve("_trash")));
        assertFalse(Files.exists(dir.resolve("_staging")));
    }

    @Test
    void anEmptyPartitionedTableStaysReadable(@TempDir Path dir) throws SQLException {
        TableOutput out = output(dir, "r1");
        out.writePartitioned("t", rows(), "published_date", null, "id");
        out.commit();
        Dataset<Row> back = Tables.read(spark, dir.resolve("t").toString());
        assertEquals(0, back.count());
        assertEquals(List.of("id", "entity", "published_date"), List.of(back.columns()));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + dir.resolve("t") + "/**/*.parquet')")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    @Test
    void aTableIsWrittenAsFewFilesAsTheRowLimitAllows(@TempDir Path dir) throws IOException {
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            many.add(row(String.format("%05d", i), "e", null));
        }
        TableOutput out = output(dir, "r1");
        assertEquals(2500, out.write("big", rows(many.toArray(Object[][]::new)), "id"));
        assertEquals(1, out.write("small", rows(row("1", "a", null)), "id"));
        out.commit();
        assertEquals(3, files(dir.resolve("big")).size(), "2500 rows at 1000 per file");
        assertEquals(1, files(dir.resolve("small")).size());
    }
}
