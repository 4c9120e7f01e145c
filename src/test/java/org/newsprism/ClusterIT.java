package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job on a real Spark standalone cluster: starts {@code scripts/local-cluster.sh} (master and worker
 * on 127.0.0.1, from Maven Central jars), submits the application jar with {@code scripts/submit.sh} to
 * two one-core executors, runs the same input in local mode inside this JVM, and asserts that every table
 * is equal. Stops the cluster afterwards, also when the test fails.
 *
 * <p>Input, output and configuration paths are relative to the project directory, the driver's working
 * directory; the executors run in the worker's work directory, where those paths do not exist, so the
 * run also shows that executors never read the driver's files. The executors run in another time zone.
 *
 * <p>A second cluster run kills one executor JVM with SIGKILL while it runs a task and holds cached
 * partitions; Spark retries the lost task, recomputes the lost partitions on a replacement executor, and
 * the tables must still equal the same local-mode run (which is computed once for both tests).
 *
 * <p>Run with {@code mvn -B verify -Pcluster-it} (skips the unit tests; {@code .ci/run} does it after
 * {@code mvn -B test}).
 */
class ClusterIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path WORK = PROJECT.resolve("target/cluster-it");
    private static final Path CLUSTER_WORK = PROJECT.resolve("target/local-cluster/work");
    private static final String MASTER = "spark://127.0.0.1:" + Objects.requireNonNullElse(System.getenv("NEWSPRISM_CLUSTER_PORT"), "7077");
    private static final List<String> TABLES = Job.TABLES;
    private static final String[] JOB_ARGS = {
        "--input", "seeds", "--input", "src/test/resources/corpus", "--conf", "src/test/resources/cluster/cluster-it.conf"
    };
    private static final double TOLERANCE = 1e-9;
    private static final Thread STOP_ON_EXIT = new Thread(ClusterIT::stopCluster);
    private static Path localRun;

    @BeforeAll
    static void startCluster() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Runtime.getRuntime().addShutdownHook(STOP_ON_EXIT);
        Outcome started = script(WORK.resolve("cluster-start.log"), 5, "scripts/local-cluster.sh", "start");
        assertEquals(0, started.exitCode(), () -> "local-cluster.sh start failed:\n" + started.tail());
    }

    @AfterAll
    static void stopCluster() {
        try {
            Outcome stopped = script(WORK.resolve("cluster-stop.log"), 2, "scripts/local-cluster.sh", "stop");
            System.err.print(stopped.tail());
            Runtime.getRuntime().removeShutdownHook(STOP_ON_EXIT);
        } catch (IllegalStateException e) {
            // already shutting down: the hook itself is running
        } catch (Exception e) {
            System.err.println("ClusterIT: could not stop the local cluster: " + e);
        }
    }

    @Test
    void everyTableOfAClusterRunEqualsTheLocalModeRun() throws Exception {
        Path local = localRun();
        Path cluster = WORK.resolve("cluster");

        Set<Path> appsBefore = apps();
        List<String> submit = submitCommand(cluster);
        Outcome submitted = await(launch(WORK.resolve("submit.log"), submit), WORK.resolve("submit.log"), 15, submit);
        assertEquals(0, submitted.exitCode(), () -> "spark-submit to " + MASTER + " failed:\n" + submitted.tail());

        assertTasksRanOnExecutors(appsBefore);
        for (String table : TABLES) {
            assertSameTable(local.resolve(table), cluster.resolve(table), table);
        }
        assertSameRun(local.resolve("_run.json"), cluster.resolve("_run.json"));
        assertTrue(Files.readString(cluster.resolve("report.html")).contains("Top entities"), "the cluster run wrote its report");
    }

    /**
     * Spark's task retry on a real cluster: once an executor holds cached partitions and runs a task, its
     * JVM is killed with SIGKILL. The driver must see the executor lost and that task fail, the master
     * starts a replacement, the lost work (running task, cached partitions, shuffle files) is recomputed,
     * and the job still exits 0 with every table equal to the local-mode run.
     */
    @Test
    void killingAnExecutorMidRunStillGivesTheSameTables() throws Exception {
        Path local = localRun();
        Path cluster = WORK.resolve("cluster-killed");
        Path log = WORK.resolve("submit-killed.log");

        Set<Path> appsBefore = apps();
        List<String> submit = submitCommand(cluster);
        Process job = launch(log, submit);
        Killed killed;
        try {
            killed = killAnExecutorRunningATask(job, appsBefore, log);
        } catch (Throwable e) {
            job.destroyForcibly();
            throw e;
        }
        Outcome submitted = await(job, log, 15, submit);
        assertEquals(0, submitted.exitCode(), () -> "spark-submit after killing " + killed + " failed:\n" + submitted.tail());

        String driverLog = Files.readString(log);
        assertTrue(driverLog.contains("Lost executor " + killed.executorId() + " on"),
                () -> "the driver noticed that executor " + killed.executorId() + " was lost:\n" + submitted.tail());
        Set<String> lostTasks = lostOrResubmitted(driverLog, killed);
        assertFalse(lostTasks.isEmpty(), () -> "a task running on " + killed + " was lost and its work redone:\n"
                + linesAbout(driverLog, killed) + "\n" + submitted.tail());
        String workerLog = Files.readString(PROJECT.resolve("target/local-cluster/logs/worker.log"));
        assertTrue(workerLog.contains("Executor " + killed.app().getFileName() + "/" + killed.executorId() + " finished with state EXITED message Command exited with code 137"),
                () -> "the worker saw " + killed + " die of SIGKILL");
        System.err.printf("ClusterIT: killed %s; tasks lost and retried: %s; executors of the application: %s%n",
                killed, lostTasks, executorDirs(killed.app()).stream().map(p -> p.getFileName().toString()).toList());

        for (String table : TABLES) {
            assertSameTable(local.resolve(table), cluster.resolve(table), table);
        }
        assertSameRun(local.resolve("_run.json"), cluster.resolve("_run.json"));
    }

    /** The local-mode run both cluster runs are compared with: run once per JVM, in this JVM, on the full Maven classpath. */
    private static synchronized Path localRun() {
        if (localRun == null) {
            Path local = WORK.resolve("local");
            List<String> localArgs = new ArrayList<>(List.of(JOB_ARGS));
            localArgs.addAll(List.of("--output", PROJECT.relativize(local).toString(), "--set", "spark.master=local[2]"));
            ByteArrayOutputStream localOut = new ByteArrayOutputStream();
            int localCode = Job.run(localArgs.toArray(String[]::new), new PrintStream(localOut, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, localCode, () -> "local run failed:\n" + localOut.toString(StandardCharsets.UTF_8));
            localRun = local;
        }
        return localRun;
    }

    /** scripts/submit.sh to the local cluster: two one-core executors in another time zone, the job's arguments, then --output. */
    private static List<String> submitCommand(Path output) {
        List<String> submit = new ArrayList<>(List.of("scripts/submit.sh",
                "--master", MASTER,
                "--executor-memory", "1g",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.cores.max=2",
                "--conf", "spark.executor.extraJavaOptions=-Duser.timezone=America/New_York",
                "--"));
        submit.addAll(List.of(JOB_ARGS));
        submit.addAll(List.of("--output", PROJECT.relativize(output).toString()));
        return submit;
    }

    /** The executor JVM killed by {@link #killAnExecutorRunningATask}, and the task ids it was running then. */
    private record Killed(Path app, String executorId, long pid, Set<String> runningTasks) {
        @Override
        public String toString() {
            return "executor " + executorId + " of " + app.getFileName() + " (pid " + pid + ", running TID " + runningTasks + ")";
        }
    }

    /**
     * Waits until an executor of the application that {@code job} submits holds cached partitions of two
     * datasets (so it is past reading and normalising) and is running a task, then kills that executor's JVM with SIGKILL. To be sure the task is still
     * running when it dies, the JVM is first frozen (SIGSTOP) and its log re-read once the worker has
     * copied all of it; if the task finished meanwhile, the JVM resumes (SIGCONT) and the wait goes on.
     * Only a process whose working directory is that executor's directory in the worker's work
     * directory and whose command line is an executor backend of this application is signalled.
     */
    private static Killed killAnExecutorRunningATask(Process job, Set<Path> appsBefore, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!job.isAlive()) {
                fail("the job ended (exit code " + job.exitValue() + ") before an executor held cached partitions of two datasets while running a task; see " + log);
            }
            Set<Path> newApps = apps();
            newApps.removeAll(appsBefore);
            for (Path app : newApps) {
                for (Path executor : executorDirs(app)) {
                    if (!ExecutorLog.read(executor).isWorthKilling()) {
                        continue;
                    }
                    Long pid = executorPid(app, executor);
                    if (pid == null) {
                        continue;
                    }
                    signal("STOP", pid);
                    boolean killedIt = false;
                    try {
                        ExecutorLog frozen = settledLog(executor);
                        if (frozen.isWorthKilling()) {
                            signal("KILL", pid);
                            killedIt = true;
                            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
                            return new Killed(app, executor.getFileName().toString(), pid, frozen.running());
                        }
                    } finally {
                        if (!killedIt) {
                            signal("CONT", pid);
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        return fail("no executor held cached partitions of two datasets while running a task within 15 minutes; see " + log);
    }

    /** What an executor's log says: the tasks it started and has not finished, and the cached datasets (RDD ids) it holds partitions of. */
    private record ExecutorLog(Set<String> running, Set<String> cachedDatasets) {
        private static final Pattern STARTED = Pattern.compile("Running task \\S+ in stage \\S+ \\(TID (\\d+)\\)");
        private static final Pattern ENDED = Pattern.compile("(?:Finished task|Exception in task|Executor killed task) \\S+ in stage \\S+ \\(TID (\\d+)\\)");
        private static final Pattern CACHED = Pattern.compile("Block rdd_(\\d+)_\\d+ stored as");

        static ExecutorLog read(Path executor) throws IOException {
            Path stderr = executor.resolve("stderr");
            String log = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.ISO_8859_1) : "";
            Set<String> running = matches(STARTED, log);
            running.removeAll(matches(ENDED, log));
            return new ExecutorLog(running, matches(CACHED, log));
        }

        /** Past the first stages: it holds partitions of two persisted datasets (the job persists three) and runs a task. */
        boolean isWorthKilling() {
            return cachedDatasets.size() >= 2 && !running.isEmpty();
        }
    }

    /**
     * The log of a frozen executor once the worker, which copies the executor's stderr to the file, has
     * written all of it: the file has not grown for half a second (at most 30 s).
     */
    private static ExecutorLog settledLog(Path executor) throws IOException, InterruptedException {
        Path stderr = executor.resolve("stderr");
        long size = -1;
        int quiet = 0;
        for (int i = 0; i < 300 && quiet < 5; i++) {
            Thread.sleep(100);
            long now = Files.size(stderr);
            quiet = now == size ? quiet + 1 : 0;
            size = now;
        }
        return ExecutorLog.read(executor);
    }

    /** The PID of the executor JVM that runs in this executor directory of this application, or null. */
    private static Long executorPid(Path app, Path executor) throws IOException {
        Path dir = executor.toRealPath();
        String appId = app.getFileName().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (!proc.resolve("cwd").toRealPath().equals(dir)) {
                        continue;
                    }
                    List<String> args = List.of(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
                    if (args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend") && args.contains(appId)) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (IOException e) {
                    // not ours to read, or it ended meanwhile
                }
            }
        }
        return null;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kill.waitFor(), () -> "kill -" + signal + " " + pid + ": " + out);
    }

    /**
     * The killed executor's running tasks whose loss the driver logged. Usually the executor's loss fails
     * the task ("Lost task … (TID n) (host executor E): ExecutorLostFailure"; when the driver learns that the
     * executor's exit was not the application's fault, Spark logs the same ExecutorLostFailure at INFO as "task … (TID
     * n) failed because while it was being computed, its executor exited for a reason unrelated to the task"). But
     * when another task's shuffle fetch from the dead executor fails first, its stage attempt is failed for the
     * FetchFailed and resubmitted; the killed task then belongs to a stage attempt that is already over, and its work
     * is redone by the stage's next attempt. All count, by the TID's own ExecutorLostFailure line (either form)
     * or by its stage attempt being followed by a later attempt of the same stage.
     */
    private static Set<String> lostOrResubmitted(String driverLog, Killed killed) {
        Set<String> lost = matches(Pattern.compile("Lost task \\S+ in stage \\S+ \\(TID (\\d+)\\) \\(\\S+ executor "
                + Pattern.quote(killed.executorId()) + "\\): ExecutorLostFailure"), driverLog);
        lost.addAll(matches(Pattern.compile("task \\S+ in stage \\S+ \\(TID (\\d+)\\) failed because while it was being "
                + "computed, its executor exited for a reason unrelated to the task"), driverLog));
        lost.retainAll(killed.runningTasks());
        for (String tid : killed.runningTasks()) {
            Matcher started = Pattern.compile("Starting task \\S+ in stage (\\d+)\\.(\\d+) \\(TID " + tid + "\\)").matcher(driverLog);
            if (started.find()) {
                int nextAttempt = Integer.parseInt(started.group(2)) + 1;
                if (Pattern.compile("in stage " + started.group(1) + "\\." + nextAttempt + " \\(TID").matcher(driverLog).find()) {
                    lost.add(tid);
                }
            }
        }
        return lost;
    }

    /** The driver log's lines about the killed executor or its tasks, for a failure message. */
    private static String linesAbout(String driverLog, Killed killed) {
        return driverLog.lines()
                .filter(line -> line.contains("executor " + killed.executorId())
                        || killed.runningTasks().stream().anyMatch(tid -> line.contains("(TID " + tid + ")"))
                        || line.contains("FetchFailed") || line.contains("Resubmitting"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new HashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> executorDirs(Path app) throws IOException {
        try (Stream<Path> dirs = Files.list(app)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The cluster run got one new application with two executors, each of which finished tasks. */
    private static void assertTasksRanOnExecutors(Set<Path> appsBefore) throws IOException {
        Set<Path> newApps = apps();
        newApps.removeAll(appsBefore);
        assertEquals(1, newApps.size(), "one new application in " + CLUSTER_WORK);
        Path app = newApps.iterator().next();
        List<Path> executors = executorDirs(app);
        assertEquals(2, executors.size(), "executors of " + app);
        for (Path executor : executors) {
            String log = Files.readString(executor.resolve("stderr"));
            assertTrue(log.contains("Finished task"), executor + " ran no task");
            assertTrue(log.contains("-Duser.timezone=America/New_York"), executor + " runs in another time zone");
        }
    }

    private static Set<Path> apps() throws IOException {
        if (!Files.isDirectory(CLUSTER_WORK)) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> dirs = Files.list(CLUSTER_WORK)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("app-")).collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /** Same columns and types, then the same rows (ordered by every non-floating column), doubles within 1e-9. */
    private static void assertSameTable(Path expected, Path actual, String table) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            List<List<Object>> expectedSchema = rows(st, "DESCRIBE SELECT * FROM " + parquet(expected));
            List<List<Object>> actualSchema = rows(st, "DESCRIBE SELECT * FROM " + parquet(actual));
            assertEquals(expectedSchema, actualSchema, table + ": schema");

            String order = expectedSchema.stream()
                    .filter(column -> !Set.of("DOUBLE", "FLOAT").contains(String.valueOf(column.get(1))))
                    .map(column -> "\"" + column.get(0) + "\"")
                    .collect(Collectors.joining(", "));
            List<List<Object>> expectedRows = rows(st, "SELECT * FROM " + parquet(expected) + " ORDER BY " + order);
            List<List<Object>> actualRows = rows(st, "SELECT * FROM " + parquet(actual) + " ORDER BY " + order);
            assertEquals(expectedRows.size(), actualRows.size(), table + ": row count");
            for (int r = 0; r < expectedRows.size(); r++) {
                List<Object> e = expectedRows.get(r);
                List<Object> a = actualRows.get(r);
                for (int c = 0; c < e.size(); c++) {
                    String where = table + " row " + r + " column " + expectedSchema.get(c).get(0) + "\nlocal:   " + brief(e) + "\ncluster: " + brief(a);
                    if (e.get(c) instanceof Double x && a.get(c) instanceof Double y) {
                        assertEquals(x, y, TOLERANCE * Math.max(1.0, Math.abs(x)), where);
                    } else {
                        assertEquals(e.get(c), a.get(c), where);
                    }
                }
            }
        }
    }

    /** The run reports agree on every count and per-file reconciliation, and both used the given configuration. */
    private static void assertSameRun(Path expected, Path actual) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode e = json.readTree(expected.toFile());
        JsonNode a = json.readTree(actual.toFile());
        for (String field : List.of("counts", "rejected_by_stage", "duplicates_by_method", "reconciled", "inputs",
                "table_rows", "partitions_written")) {
            assertEquals(e.get(field), a.get(field), "_run.json " + field);
        }
        assertTrue(a.get("reconciled").asBoolean(), "every record accounted for");
        assertEquals(60, a.at("/config/input/excerpt-chars").asInt(), "the --conf file reached the cluster run");
        assertTrue(e.at("/counts/articles").asLong() > 0 && e.at("/counts/mentions").asLong() > 0
                && e.at("/counts/rejected").asLong() > 0 && e.at("/counts/duplicates").asLong() > 0,
                "the input exercises every table: " + e.get("counts"));
    }

    /** A row for a failure message, long values cut. */
    private static String brief(List<Object> row) {
        return row.stream().map(v -> {
            String text = String.valueOf(v);
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Every Parquet file of a table, partitioned ({@code published_date=…/}) or not. */
    private static String parquet(Path table) {
        return "read_parquet('" + table + "/**/*.parquet', hive_partitioning = true)";
    }

    private static List<List<Object>> rows(Statement st, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(comparable(rs.getObject(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** DuckDB's arrays, structs and blobs have no value equality: compare their elements or bytes instead. */
    private static Object comparable(Object value) throws SQLException {
        if (value instanceof java.sql.Blob blob) {
            return java.util.HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof java.sql.Array array) {
            List<Object> elements = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                elements.add(comparable(element));
            }
            return elements;
        }
        if (value instanceof java.sql.Struct struct) {
            List<Object> fields = new ArrayList<>();
            for (Object field : struct.getAttributes()) {
                fields.add(comparable(field));
            }
            return fields;
        }
        return value;
    }

    private record Outcome(int exitCode, Path log) {
        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
            } catch (IOException e) {
                return "(no log: " + e + ")\n";
            }
        }
    }

    /** Runs a project script from the project directory, output to {@code log}; kills it after {@code minutes}. */
    private static Outcome script(Path log, int minutes, String... command) throws IOException, InterruptedException {
        return await(launch(log, List.of(command)), log, minutes, List.of(command));
    }

    /** Starts a project script in the project directory, output to {@code log}. */
    private static Process launch(Path log, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The cluster and spark-submit run the Spark home assembled from Maven, whatever the caller's SPARK_HOME.
        builder.environment().remove("SPARK_HOME");
        // The local-run logging plus the scheduler loggers at INFO: log4j2 merges a comma-separated list.
        builder.environment().put("NEWSPRISM_LOG4J", PROJECT.resolve("scripts/log4j2-local.properties") + ","
                + PROJECT.resolve("src/test/resources/cluster/log4j2-driver.properties"));
        String jar = System.getProperty("newsprism.jar");
        if (jar != null && !jar.isBlank()) {
            builder.environment().put("NEWSPRISM_JAR", jar);
        }
        return builder.start();
    }

    /** Waits for a launched script; kills it after {@code minutes}. */
    private static Outcome await(Process process, Path log, int minutes, List<String> command) throws InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + minutes + " minutes; see " + log);
        }
        return new Outcome(process.exitValue(), log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
