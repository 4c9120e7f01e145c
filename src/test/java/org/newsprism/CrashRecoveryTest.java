package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsprism.config.CommandLine;

/**
 * A run killed with {@code kill -9} while it writes its tables leaves the previous complete output
 * readable and byte for byte unchanged, and the next run completes and clears the dead run's staging
 * area. (A run killed during the commit's renames is finished by the next run's recovery: see
 * {@code io.TableOutputTest}.)
 */
class CrashRecoveryTest {
    private final SparkSession spark = SharedSpark.session();

    @Test
    void aRunKilledWhileWritingLeavesThePreviousOutputAndTheNextRunCompletes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String[] args = {"--input", "src/test/resources/corpus", "--input", "seeds", "--output", out.toString()};
        RunReport first = run(args);
        Map<String, String> before = snapshot(out);
        assertTrue(before.keySet().stream().anyMatch(p -> p.startsWith("articles/")), before.keySet().toString());

        // The same job in its own JVM, killed with SIGKILL once it has staged its first Parquet file.
        Path log = dir.resolve("killed-run.log");
        Process victim = launch(args, log);
        Path staging = out.resolve("_staging");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!stagedParquet(staging)) {
            if (!victim.isAlive()) {
                fail("the run ended (exit " + victim.exitValue() + ") before it was killed:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                victim.destroyForcibly();
                fail("the run staged no table within 10 minutes:\n" + tail(log));
            }
            Thread.sleep(50);
        }
        victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
        assertTrue(victim.waitFor(1, TimeUnit.MINUTES));
        assertNotEquals(0, victim.exitValue(), "killed, not finished");
        assertTrue(Files.isDirectory(staging), "the killed run left its staging area behind");

        assertEquals(before, snapshot(out), "the previous output is unchanged");
        assertEquals(first.counts().get("articles"), spark.read().parquet(out.resolve("articles").toString()).count(),
                "and readable");

        RunReport next = run(args);
        assertTrue(next.reconciled(), next.toJson());
        assertEquals(first.counts(), next.counts());
        if (Files.isDirectory(staging)) {
            try (Stream<Path> left = Files.list(staging)) {
                assertEquals(List.of(), left.toList(), "the next run cleared the dead run's staging area");
            }
        }
        assertEquals(stripRunFiles(before).keySet(), stripRunFiles(snapshot(out)).keySet(), "the same tables and partitions");
    }

    private RunReport run(String... args) {
        Job.Prepared prepared = Job.prepare(CommandLine.parse(args).settings());
        return new Job(spark, prepared.settings(), prepared.files()).run();
    }

    /** {@code java <this JVM's flags> -cp <this classpath> org.newsprism.Job args}, output to {@code log}. */
    private static Process launch(String[] args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || flag.startsWith("-Duser.timezone") || flag.startsWith("-Dfile.encoding")
                    || flag.startsWith("-Djdk.reflect")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Job.class.getName(),
                "--set", "spark.master=local[2]", "--set", "spark.shuffle-partitions=4"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static boolean stagedParquet(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.UncheckedIOException e) {
            return false; // a directory renamed while walking: look again
        }
    }

    /** Every file of the output outside the staging area, by relative path, with its SHA-256. */
    private static Map<String, String> snapshot(Path out) throws IOException, NoSuchAlgorithmException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String relative = out.relativize(p).toString();
                if (!relative.startsWith("_staging")) {
                    files.put(relative, HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return files;
    }

    /** Without the files that name the run (its report and timings) or hold Spark's per-write file names. */
    private static Map<String, String> stripRunFiles(Map<String, String> files) {
        Map<String, String> tables = new TreeMap<>();
        files.forEach((path, hash) -> {
            if (path.contains("/")) {
                tables.put(path.substring(0, path.lastIndexOf('/')), hash);
            }
        });
        return tables;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
