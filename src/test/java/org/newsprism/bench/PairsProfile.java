package org.newsprism.bench;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsprism.SparkSessions;
import org.newsprism.aggregate.EntityPairAggregator;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.TableOutput;
import org.newsprism.io.Tables;

/**
 * Times the steps of {@code entity_pairs} alone on an earlier run's {@code mentions} table, with the job's
 * Spark settings (local[2]): gathering by article, the pair bound, and then the table written as the job
 * writes it, {@code rounds} times (each round's staging area is removed after it). Each round prints its rows,
 * files and bytes and the driver's wall clock; run it with JFR for where the time goes.
 *
 * <p>Usage: {@code PairsProfile <output dir of a run> <scratch dir> [rounds]}. Test-only: not in the jar.
 */
public final class PairsProfile {
    private PairsProfile() {}

    public static void main(String[] args) throws Exception {
        String run = args[0];
        Path scratch = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        JobConfig config = ConfigLoader.defaults().config();
        SparkSession spark = SparkSessions.getOrCreate(config.spark());
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> mentions = Tables.read(spark, run + "/mentions");
        int max = config.output().pairEntitiesPerArticle();

        long t0 = System.nanoTime();
        Dataset<Row> byArticle = EntityPairAggregator.byArticle(mentions).persist(StorageLevel.MEMORY_AND_DISK());
        long articles = byArticle.count();
        long t1 = System.nanoTime();
        EntityPairAggregator.Plan plan = EntityPairAggregator.plan(byArticle, max);
        long bound = plan.pairsAtMost();
        long t2 = System.nanoTime();
        System.out.printf("byArticle %d articles %.1f s; plan (pairs at most %d) %.1f s%n", articles, (t1 - t0) / 1e9,
                bound, (t2 - t1) / 1e9);
        for (int r = 0; r < rounds; r++) {
            Path out = scratch.resolve("round-" + r);
            TableOutput output = new TableOutput(spark, out.toString(), "profile", config.output().maxFilesPerTable(),
                    config.output().maxRowsPerFile());
            int files = output.filesFor(bound);
            long s = System.nanoTime();
            long rows = output.writeOrdered("entity_pairs", plan.sortedPairs(files));
            long e = System.nanoTime();
            System.out.printf("round %d: %d rows in %d files of %d bytes, %.1f s%n", r, rows, files, parquetBytes(out),
                    (e - s) / 1e9);
            output.abort();
        }
        byArticle.unpersist();
        spark.stop();
    }

    /** The bytes of the Parquet files under {@code dir} (the staged table, before the round's abort removes it). */
    private static long parquetBytes(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
