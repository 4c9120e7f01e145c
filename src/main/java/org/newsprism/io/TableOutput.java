package org.newsprism.io;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsprism.config.JobConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage "write": stages every table of a run under {@code <output>/_staging/<run-id>/} and only then
 * swaps it into place, so a failed run never leaves a half-written table where readers look.
 *
 * <ul>
 *   <li>{@link #write}: a whole table, sorted by its key columns (stable row order, Parquet min/max
 *       statistics that let filters skip data), at most {@code output.max-files-per-table} files.</li>
 *   <li>{@link #writePartitioned}: a table in Hive-style partitions ({@code published_date=2025-08-18/},
 *       {@code published_date=__HIVE_DEFAULT_PARTITION__/} for rows without a date), rows sorted within each
 *       file: a date in one file, or in a file per write task where it is larger than a task's share or a
 *       share ends in it (and always split at {@code output.max-rows-per-file} rows). Either the whole table, or
 *       (incremental runs) only the partitions named: those replace their old versions, the others stay.</li>
 *   <li>{@link #commit}: first writes a journal ({@code _staging/<run>/_COMMIT}) listing every table or
 *       partition to swap, then for each moves the old version to {@code _trash/<run>/} and the staged one
 *       into place, then deletes the trash and the staging area. Until the journal exists the previous
 *       output is untouched; once it exists, {@link #recover} (called at the start of every run) finishes
 *       the swap of a run that died during it. Each step is an atomic rename on HDFS and local disks.</li>
 * </ul>
 * Reads {@code output.path}, {@code output.max-files-per-table} and {@code output.max-rows-per-file}.
 */
public final class TableOutput {
    /** The directory name Spark, Hive and Arrow use for a null partition value. */
    public static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    private static final Logger LOG = LoggerFactory.getLogger(TableOutput.class);
    private static final String JOURNAL = "_COMMIT";
    /** Rows a task of a date-partitioned table gets at least before the table is spread over more tasks. */
    static final long MIN_ROWS_PER_WRITE_TASK = 250_000;

    private final SparkSession spark;
    private final Path output;
    private final Path staging;
    private final int maxFiles;
    private final long maxRowsPerFile;
    /** Output-relative paths to swap at commit (a table, a file, or a table's partition directory). */
    private final List<String> swaps = new ArrayList<>();

    public TableOutput(SparkSession spark, JobConfig.Output config, String runId) {
        this(spark, config.path(), runId, config.maxFilesPerTable(), config.maxRowsPerFile());
    }

    public TableOutput(SparkSession spark, String outputDir, String runId, int maxFiles, long maxRowsPerFile) {
        this.spark = spark;
        this.output = new Path(outputDir);
        this.staging = new Path(new Path(output, "_staging"), runId);
        this.maxFiles = maxFiles;
        this.maxRowsPerFile = maxRowsPerFile;
    }

    /**
     * Writes a whole table to the staging area, rows ordered by {@code sortColumns}, in as few files as
     * {@code output.max-rows-per-file} allows (one for a small table), at most {@code max-files-per-table}.
     *
     * @return the number of rows written
     */
    public long write(String table, Dataset<Row> rows, String... sortColumns) {
        long count = rows.count();
        int files = filesFor(count);
        // One file: a single sorted task, without the sampling job of a global sort.
        Dataset<Row> sorted = files == 1
                ? rows.coalesce(1).sortWithinPartitions(order(rows, sortColumns))
                : rows.orderBy(order(rows, sortColumns)).coalesce(files);
        writer(sorted).parquet(new Path(staging, table).toString());
        swaps.add(table);
        return count;
    }

    /** How many files a whole table of {@code rows} rows is written in: {@code max-rows-per-file} each, at most {@code max-files-per-table}. */
    public int filesFor(long rows) {
        return (int) Math.max(1, Math.min(maxFiles, (rows + maxRowsPerFile - 1) / maxRowsPerFile));
    }

    /**
     * Writes a whole table whose rows are already in order: partition {@code i} (sorted) before partition
     * {@code i + 1}, one file per partition (split at {@code max-rows-per-file} rows), so the table costs no
     * further shuffle or sort. Size the partitions with {@link #filesFor}.
     *
     * @return the number of rows written (from the staged files' footers)
     */
    public long writeOrdered(String table, Dataset<Row> orderedRows) {
        Path staged = new Path(staging, table);
        writer(orderedRows).parquet(staged.toString());
        swaps.add(table);
        return staged(table, orderedRows.schema()).count();
    }

    /**
     * Writes a table partitioned by the date column {@code partitionColumn} to the staging area.
     *
     * @param replace {@code null} to write (and later swap) the whole table; otherwise the directory names
     *     ({@link #partitionDir}) of the partitions this run replaces: {@code rows} must hold exactly their
     *     new content, and a named partition without rows is removed at commit
     */
    public void writePartitioned(String table, Dataset<Row> rows, String partitionColumn, Set<String> replace,
            String... sortColumns) {
        writePartitioned(table, rows, partitionColumn, replace, rowsPerDate(rows, partitionColumn), sortColumns);
    }

    /**
     * {@link #writePartitioned(String, Dataset, String, Set, String...)} when the caller knows how many rows each
     * date has ({@code rowsPerDate}, keyed by the column's values as Spark returns them, null for no date), so
     * that the rows are not computed once only to count them. The counts size the write tasks: a date missing
     * from them is still written, by one task.
     */
    public void writePartitioned(String table, Dataset<Row> rows, String partitionColumn, Set<String> replace,
            Map<Object, Long> rowsPerDate, String... sortColumns) {
        Path staged = new Path(staging, table);
        String[] within = new String[sortColumns.length + 1];
        within[0] = partitionColumn;
        System.arraycopy(sortColumns, 0, within, 1, sortColumns.length);
        Dataset<Row> sortedRows = spreadOverTasks(rows, partitionColumn, rowsPerDate, sortColumns)
                .sortWithinPartitions(order(rows, within));
        writer(sortedRows).partitionBy(partitionColumn).parquet(staged.toString());
        Set<String> dirs = replace == null ? null : new TreeSet<>(replace);
        try {
            FileSystem fs = fs();
            boolean empty = partitions(fs, staged).isEmpty()
                    && (dirs == null || dirs.containsAll(partitions(fs, path(table))));
            if (empty) {
                // A table needs at least one data file, or no engine can read its schema: one empty file in the
                // null partition keeps it readable (0 rows).
                String dir = partitionColumn + "=" + NULL_PARTITION;
                writer(rows.drop(partitionColumn).limit(0).coalesce(1)).parquet(new Path(staged, dir).toString());
                if (dirs != null) {
                    dirs.add(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the staged table " + table, e);
        }
        if (dirs == null) {
            swaps.add(table);
        } else {
            dirs.forEach(dir -> swaps.add(table + "/" + dir));
        }
    }

    /**
     * {@code rows} shuffled to the tasks that write them: the dates in order, each task about the same number
     * of rows ({@link Shuffles#writeTasks}: at most {@code max-rows-per-file} and two million, and cut for the
     * cores only while each keeps {@link #MIN_ROWS_PER_WRITE_TASK}). Small dates share a task (a file each); a
     * date larger than a task's share is spread over as many tasks as it needs, its rows chosen by a hash of
     * the sort columns, so that a corpus of a single day is still written by every core of a cluster. Shuffling
     * by the date alone gave a date one task, whatever its size.
     */
    private Dataset<Row> spreadOverTasks(Dataset<Row> rows, String partitionColumn, Map<Object, Long> rowsPerDate,
            String... sortColumns) {
        long total = rowsPerDate.values().stream().mapToLong(Long::longValue).sum();
        long maxPerTask = Math.min(Shuffles.ROWS_PER_SORT_TASK, maxRowsPerFile);
        int tasks = Shuffles.writeTasks(spark, total, Math.min(MIN_ROWS_PER_WRITE_TASK, maxPerTask), maxPerTask);
        long perTask = Math.max(1, (total + tasks - 1) / tasks);
        // Each date's rows take the next places in one sequence over all dates (null first, as the dates sort);
        // a row's place within its date comes from the hash, and its task is its place divided by the share.
        List<Map.Entry<Object, Long>> sorted = new ArrayList<>(rowsPerDate.entrySet());
        sorted.sort(Map.Entry.comparingByKey(NULL_FIRST_DATES));
        List<Row> places = new ArrayList<>();
        long start = 0;
        for (Map.Entry<Object, Long> date : sorted) {
            places.add(RowFactory.create(date.getKey(), start, date.getValue()));
            start += date.getValue();
        }
        StructType placeSchema = new StructType()
                .add("__date", rows.schema().apply(partitionColumn).dataType())
                .add("__start", DataTypes.LongType, false)
                .add("__rows", DataTypes.LongType, false);
        Dataset<Row> placesByDate = broadcast(spark.createDataFrame(places, placeSchema));
        Column[] keys = Arrays.stream(sortColumns).map(c -> rows.col(c)).toArray(Column[]::new);
        Column hash = keys.length == 0 ? lit(0L) : xxhash64(keys);
        Column place = col("__start").plus(pmod(hash, col("__rows")));
        // A date without a count (none in a caller's counts) goes to the first task.
        Column task = coalesce(least(place.divide(perTask).cast(DataTypes.IntegerType), lit(tasks - 1)), lit(0));
        Column[] buckets = Arrays.stream(Shuffles.hashBuckets(tasks)).mapToObj(b -> lit(b)).toArray(Column[]::new);
        return rows.join(placesByDate, rows.col(partitionColumn).eqNullSafe(placesByDate.col("__date")), "left")
                .withColumn("__bucket", element_at(array(buckets), task.plus(1)))
                .repartition(tasks, col("__bucket"))
                .select(Arrays.stream(rows.columns()).map(c -> rows.col(c)).toArray(Column[]::new));
    }

    /** The rows of each value of {@code partitionColumn} (a job over {@code rows}). */
    private static Map<Object, Long> rowsPerDate(Dataset<Row> rows, String partitionColumn) {
        Map<Object, Long> counts = new HashMap<>();
        rows.groupBy(col(partitionColumn)).count().collectAsList().forEach(r -> counts.put(r.get(0), r.getLong(1)));
        return counts;
    }

    /** Date values in order, null first, as Spark sorts the partitions' rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final java.util.Comparator<Object> NULL_FIRST_DATES = java.util.Comparator.nullsFirst(
            (a, b) -> ((Comparable) a).compareTo(b));

    /**
     * The columns written without a Parquet dictionary, in every table that has them: each row holds its own long
     * value (an article's text, title, URL, text hash, MinHash signature), so a dictionary finds no repeats. Parquet
     * would hash every value into one and, at the end of the page, find it not worth keeping and write the values
     * plainly after all: a date's articles fit into the first dictionary page, so every text was hashed for nothing.
     */
    static final List<String> UNIQUE_VALUE_COLUMNS = List.of("text", "title", "url", "url_key", "text_sha256",
            "signature");

    /**
     * A Parquet writer as every table is written: replacing, zstd, at most {@code max-rows-per-file} rows a file,
     * no dictionary for {@link #UNIQUE_VALUE_COLUMNS}.
     */
    private DataFrameWriter<Row> writer(Dataset<Row> rows) {
        DataFrameWriter<Row> writer = rows.write()
                .mode(SaveMode.Overwrite)
                .option("compression", "zstd")
                .option("maxRecordsPerFile", maxRowsPerFile);
        for (String column : UNIQUE_VALUE_COLUMNS) {
            writer = writer.option("parquet.enable.dictionary#" + column, "false");
        }
        return writer;
    }

    /** The partition directory name of a date value: {@code published_date=2025-08-18}, or the null partition. */
    public static String partitionDir(String column, Object value) {
        return column + "=" + (value == null ? NULL_PARTITION : value.toString());
    }

    /** Writes a small text file (e.g. _run.json, report.html) to the staging area. */
    public void writeFile(String name, String content) {
        Path file = new Path(staging, name);
        try (FileSystem fs = FileSystem.newInstance(file.toUri(), hadoop());
                OutputStream out = createWithoutChecksum(fs, file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
        swaps.add(name);
    }

    /** Removes a table or file of earlier runs at commit (one this run does not write). */
    public void remove(String name) {
        swaps.add(name);
    }

    /** Local file systems would add a hidden .crc file next to it; readers of _run.json need none. */
    private static OutputStream createWithoutChecksum(FileSystem fs, Path file) throws IOException {
        fs.setWriteChecksum(false);
        return fs.create(file, true);
    }

    /**
     * Swaps every staged table, partition and file into the output directory, replacing the previous
     * version of each (see the class comment for the journal that makes this safe against a crash).
     */
    public void commit() {
        commit(Integer.MAX_VALUE);
    }

    /** Commits, stopping after {@code limit} swaps (tests play a crash half-way with it). */
    void commit(int limit) {
        try {
            FileSystem fs = fs();
            ObjectNode journal = new ObjectMapper().createObjectNode();
            ArrayNode ops = journal.putArray("swaps");
            for (String swap : swaps) {
                ops.addObject().put("path", swap).put("staged", fs.exists(new Path(staging, swap)));
            }
            Path temporary = new Path(staging, JOURNAL + ".tmp");
            try (OutputStream out = createWithoutChecksum(fs, temporary)) {
                out.write(journal.toString().getBytes(StandardCharsets.UTF_8));
            }
            rename(fs, temporary, new Path(staging, JOURNAL));
            apply(fs, output, staging.getName(), journal, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the output to " + output, e);
        }
    }

    /** Removes what this run staged (after a failure), leaving the previous output untouched. */
    public void abort() {
        try {
            FileSystem fs = fs();
            if (!fs.exists(new Path(staging, JOURNAL))) {
                fs.delete(staging, true);
                deleteIfEmpty(fs, staging.getParent());
            }
        } catch (IOException e) {
            // best effort: the staging area of a failed run is harmless and removed by the next run
        }
    }

    /**
     * Brings an output directory to a consistent state before a run: finishes the swap of a run that died
     * after writing its commit journal, and deletes the staging areas of runs that died before it. Only
     * one run may write to an output directory at a time.
     *
     * @return the run ids whose commits were finished
     */
    public static List<String> recover(Configuration hadoop, String outputDir) {
        Path output = new Path(outputDir);
        Path stagingRoot = new Path(output, "_staging");
        List<String> finished = new ArrayList<>();
        try {
            FileSystem fs = output.getFileSystem(hadoop);
            if (fs.exists(stagingRoot)) {
                FileStatus[] runs = fs.listStatus(stagingRoot);
                Arrays.sort(runs);
                for (FileStatus run : runs) {
                    Path journal = new Path(run.getPath(), JOURNAL);
                    if (fs.exists(journal)) {
                        JsonNode ops;
                        try (InputStream in = fs.open(journal)) {
                            ops = new ObjectMapper().readTree(in);
                        }
                        LOG.warn("finishing the interrupted commit of run {} in {}", run.getPath().getName(), output);
                        apply(fs, output, run.getPath().getName(), ops, Integer.MAX_VALUE);
                        finished.add(run.getPath().getName());
                    } else {
                        LOG.warn("removing the staging area of failed run {} in {}", run.getPath().getName(), output);
                        fs.delete(run.getPath(), true);
                    }
                }
                deleteIfEmpty(fs, stagingRoot);
            }
            Path trashRoot = new Path(output, "_trash");
            if (fs.exists(trashRoot)) {
                fs.delete(trashRoot, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the output directory " + output, e);
        }
        return finished;
    }

    /**
     * Applies the first {@code limit} swaps of a journal (all of them in normal use; tests stop early to
     * play a crash), then, when all are done, removes trash and staging. Each swap can be applied again:
     * one whose staged version is gone is complete.
     */
    static void apply(FileSystem fs, Path output, String runId, JsonNode journal, int limit) throws IOException {
        Path staging = new Path(new Path(output, "_staging"), runId);
        Path trash = new Path(new Path(output, "_trash"), runId);
        int done = 0;
        for (JsonNode op : journal.get("swaps")) {
            if (done++ == limit) {
                return;
            }
            String swap = op.get("path").asText();
            Path staged = new Path(staging, swap);
            Path target = new Path(output, swap);
            boolean hasStaged = op.get("staged").asBoolean();
            if (hasStaged && !fs.exists(staged)) {
                continue;
            }
            if (fs.exists(target)) {
                Path aside = new Path(trash, swap);
                fs.mkdirs(aside.getParent());
                rename(fs, target, aside);
            }
            if (hasStaged) {
                fs.mkdirs(target.getParent());
                rename(fs, staged, target);
            }
        }
        fs.delete(trash, true);
        fs.delete(staging, true);
        deleteIfEmpty(fs, new Path(output, "_staging"));
        deleteIfEmpty(fs, new Path(output, "_trash"));
    }

    /**
     * Writes an intermediate table of this run (not an output table) as Parquet inside the staging area and
     * returns it read back. Later stages then read only the columns they need from files instead of holding
     * the rows in memory, and their tasks no longer carry the stages that made the rows. The files are on
     * the output's file system (so every executor reaches them) and are deleted with the staging area.
     * Columns read back are nullable, as Spark makes every column of a Parquet file it reads.
     */
    public Dataset<Row> stash(String name, Dataset<Row> rows) {
        String path = new Path(new Path(staging, "_work"), name).toString();
        // Read back within the run: cheap compression beats small files, and no dictionaries (mostly unique
        // texts and ids: hashing every value to find few repeats cost the NLP stage a sixth of its CPU).
        rows.write().mode(SaveMode.Overwrite).option("compression", "snappy").option("parquet.enable.dictionary", "false")
                .parquet(path);
        return spark.read().parquet(path);
    }

    /**
     * A table written by this run, read back from the staging area with {@code schema} (which types its
     * partition column) and its columns in that schema's order: a later stage reads the written table instead
     * of keeping a copy of it.
     */
    public Dataset<Row> staged(String table, StructType schema) {
        Column[] columns = Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
        return spark.read().schema(schema).parquet(new Path(staging, table).toString()).select(columns);
    }

    public Path path(String table) {
        return new Path(output, table);
    }

    /** The partition directory names ({@code column=value}) directly under a table directory. */
    public static List<String> partitions(FileSystem fs, Path table) throws IOException {
        List<String> names = new ArrayList<>();
        if (!fs.exists(table)) {
            return names;
        }
        for (FileStatus status : fs.listStatus(table)) {
            String name = status.getPath().getName();
            if (status.isDirectory() && name.contains("=") && !name.startsWith("_") && !name.startsWith(".")) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    private static Column[] order(Dataset<Row> rows, String... columns) {
        return Arrays.stream(columns).map(c -> rows.col(c).asc_nulls_first()).toArray(Column[]::new);
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

    private Configuration hadoop() {
        return spark.sparkContext().hadoopConfiguration();
    }

    private FileSystem fs() throws IOException {
        return output.getFileSystem(hadoop());
    }
}
