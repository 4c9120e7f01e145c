package org.newsprism.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsprism.Rows;
import org.newsprism.SparkSessions;
import org.newsprism.bench.BenchCorpus;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;

/**
 * The dedup benchmark behind {@code scripts/bench-dedup.sh} (not a unit test): generates N synthetic
 * articles ({@link SyntheticNews}, or with {@code --corpus news} the templated news of {@code scripts/bench.sh})
 * to Parquet once, then, in the same run and on the same input, times
 *
 * <ol>
 *   <li>Newsprism's near-duplicate core: sketches (shingles, MinHash), LSH candidates, verification,
 *       connected components and the kept article per cluster (the {@code dedup.near.*} defaults);</li>
 *   <li>Spark ML: RegexTokenizer → NGram(shingle size) → HashingTF(2^30, binary) → MinHashLSH, then
 *       {@code approxSimilarityJoin} at distance {@code 1 - threshold}, pairs materialised (components
 *       are then computed untimed, for the quality figures);</li>
 *   <li>unless {@code --skip-full}: the whole dedup stage as the job runs it (exact, URL, near).</li>
 * </ol>
 * It prints time, candidate pairs, result pairs, pairwise precision and recall against the generator's
 * truth, and the speed ratio. Arguments: {@code --articles N --seed S --corpus synthetic|news --tables L --work DIR --skip-ml
 * --skip-full --ml-timeout SECONDS --profile} (Spark ML is cancelled after the timeout and reported as
 * slower than it; the last prints every Spark stage that took more than half a second), and
 * {@code --set key=value} (repeatable) to change a Newsprism setting, e.g. {@code dedup.near.hashes=256}.
 */
public final class DedupBenchmark {
    private DedupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long n = Long.parseLong(options.getOrDefault("articles", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int tables = Integer.parseInt(options.getOrDefault("tables", "5"));
        Path work = Path.of(options.getOrDefault("work", "target/bench-dedup"));
        JobConfig config = ConfigLoader.load(List.of(), sets(args), Map.of()).config();
        JobConfig.NearDedup near = config.dedup().near();
        SparkSession spark = SparkSessions.getOrCreate(config.spark());
        if (options.containsKey("profile")) {
            spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
                @Override
                public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted completed) {
                    org.apache.spark.scheduler.StageInfo stage = completed.stageInfo();
                    long millis = (long) stage.completionTime().get() - (long) stage.submissionTime().get();
                    if (millis > 500) {
                        System.out.printf("  stage %d: %.1f s, %d tasks, %s%n", stage.stageId(), millis / 1000.0,
                                stage.numTasks(), stage.details().lines().skip(1).findFirst().orElse(stage.name()).strip());
                    }
                }
            });
        }

        boolean news = options.getOrDefault("corpus", "synthetic").equals("news");
        Path data = work.resolve((news ? "news-" : "articles-") + n + "-seed" + seed + ".parquet");
        if (!Files.exists(data.resolve("_SUCCESS"))) {
            long started = System.nanoTime();
            if (news) {
                generateNews(spark, n, seed, data);
            } else {
                generate(spark, n, seed, data);
            }
            System.out.printf("generated %d articles in %.1f s: %s%n", n, seconds(started), data);
        }
        Dataset<Row> articles = spark.read().parquet(data.toString());
        Row shape = articles.selectExpr("count(*)", "avg(char_count)", "sum(if(cluster <> article_id, 1, 0))").first();
        System.out.printf("%nbench-dedup: %d articles, mean %.0f chars, %.1f %% duplicates; threshold %.2f, shingles of %d "
                        + "words; Spark %s, master %s, %d cores, driver heap %d MB%n",
                shape.getLong(0), shape.getDouble(1), 100.0 * shape.getLong(2) / shape.getLong(0), near.threshold(),
                near.shingleSize(), spark.version(), spark.sparkContext().master(),
                spark.sparkContext().defaultParallelism(), Runtime.getRuntime().maxMemory() >> 20);

        // Warm both code paths up (class loading, JIT) on a small slice, untimed.
        Dataset<Row> slice = articles.limit(2000);
        nearCore(config, slice);
        if (!options.containsKey("skip-ml")) {
            sparkMl(slice, near, tables, seed).count();
        }

        List<String[]> rows = new ArrayList<>();
        long started = System.nanoTime();
        NearDeduplicator.Clusters ours = nearCore(config, articles);
        double oursSeconds = seconds(started);
        double[] oursQuality = quality(articles, ours.removed().select(col("article_id"), col("duplicate_of").as("label")));
        rows.add(row("newsprism near (MinHash " + near.hashes() + ", LSH " + near.bands() + "x" + near.rows() + ")",
                oursSeconds, ours.candidatePairs(), ours.nearLinks(), oursQuality));

        double mlSeconds = Double.NaN;
        if (!options.containsKey("skip-ml")) {
            double timeout = Double.parseDouble(options.getOrDefault("ml-timeout", "0"));
            started = System.nanoTime();
            Dataset<Row> mlPairs = sparkMl(articles, near, tables, seed).persist(StorageLevel.MEMORY_AND_DISK());
            Long mlPairCount = countWithin(spark, mlPairs, timeout);
            mlSeconds = seconds(started);
            String name = "spark-ml MinHashLSH (" + tables + " tables) approxSimilarityJoin";
            if (mlPairCount == null) {
                rows.add(new String[] {name, String.format("> %.1f", mlSeconds), "-", "cancelled", "-", "-"});
                System.out.printf("spark-ml did not finish within --ml-timeout %.0f s and was cancelled: speed ratio"
                        + " > %.2fx%n", timeout, mlSeconds / oursSeconds);
                mlSeconds = Double.NaN;
            } else {
                Dataset<Row> links = mlPairs.select(xxhash64(col("a")).as("src"), xxhash64(col("b")).as("dst"));
                Dataset<Row> ids = articles.select(col("article_id"), xxhash64(col("article_id")).as("node"));
                Dataset<Row> labels = ComponentLabeler.label(links).join(ids, "node")
                        .join(ids.select(col("node").as("component"), col("article_id").as("label")), "component")
                        .select(col("article_id"), col("label"));
                double[] mlQuality = quality(articles, labels);
                long candidates = sparkMlCandidates(articles, near, tables, seed);
                rows.add(row(name, mlSeconds, candidates, mlPairCount, mlQuality));
            }
            mlPairs.unpersist();
        }

        String full = "";
        if (!options.containsKey("skip-full")) {
            started = System.nanoTime();
            DedupResult result = new NearDeduplicator(config.dedup(), config.normalize().trackingParams()).apply(new ExactDeduplicator(config.dedup()).apply(articles));
            long kept = result.kept().count();
            Map<String, Long> byMethod = new LinkedHashMap<>();
            result.duplicates().groupBy("method").count().orderBy("method").collectAsList()
                    .forEach(r -> byMethod.put(r.getString(0), r.getLong(1)));
            if (result.sketches() != null) {
                result.sketches().unpersist();
            }
            full = String.format("newsprism full dedup stage (exact + url + near, as the job runs it): %.1f s, %d kept, "
                    + "duplicates by method %s%n", seconds(started), kept, byMethod);
        }

        System.out.printf("%n%-58s %9s %16s %13s %10s %8s%n", "method", "time_s", "candidate_pairs", "result_pairs",
                "precision", "recall");
        rows.forEach(r -> System.out.printf("%-58s %9s %16s %13s %10s %8s%n", (Object[]) r));
        if (!Double.isNaN(mlSeconds)) {
            System.out.printf("speed ratio (spark-ml time / newsprism time): %.2fx%n", mlSeconds / oursSeconds);
        }
        System.out.print(full);
        // Each heap pool's own peak (they peak at different times, so their sum overstates the heap's peak).
        StringBuilder peaks = new StringBuilder();
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .forEach(pool -> peaks.append(String.format(" %s %d MB;", pool.getName(),
                        pool.getPeakUsage().getUsed() >> 20)));
        System.out.printf("heap %d MB, peak per pool:%s%n", Runtime.getRuntime().maxMemory() >> 20, peaks);
        spark.stop();
    }

    /**
     * Counts {@code rows}, cancelling the Spark jobs after {@code timeoutSeconds} (0: no limit).
     *
     * @return the count, or null when it was cancelled
     */
    private static Long countWithin(SparkSession spark, Dataset<Row> rows, double timeoutSeconds) {
        if (timeoutSeconds <= 0) {
            return rows.count();
        }
        java.util.Timer timer = new java.util.Timer("ml-timeout", true);
        spark.sparkContext().setJobGroup("spark-ml", "Spark ML MinHashLSH", true);
        timer.schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                spark.sparkContext().cancelJobGroup("spark-ml");
            }
        }, (long) (timeoutSeconds * 1000));
        try {
            return rows.count();
        } catch (Exception e) { // SparkException "cancelled part of cancelled job group" (checked, thrown undeclared)
            if (!String.valueOf(e.getMessage()).contains("cancelled")) {
                throw e;
            }
            return null;
        } finally {
            timer.cancel();
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Newsprism's near-duplicate core on all articles (as if none were exact duplicates), materialised. */
    private static NearDeduplicator.Clusters nearCore(JobConfig config, Dataset<Row> articles) {
        JobConfig.Dedup nearOnly = new JobConfig.Dedup(true, new JobConfig.UrlDedup(false), config.dedup().near(),
                config.dedup().componentsOnDriverMaxLinks());
        NearDeduplicator deduplicator = new NearDeduplicator(nearOnly, config.normalize().trackingParams());
        Dataset<Row> sketches = deduplicator.sketch(articles.withColumn("duplicate_count", lit(0)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return deduplicator.cluster(sketches);
        } finally {
            sketches.unpersist();
        }
    }

    /** Spark ML's pairs {@code (a, b, distance)}, {@code a < b}, within distance {@code 1 - threshold}. */
    private static Dataset<Row> sparkMl(Dataset<Row> articles, JobConfig.NearDedup near, int tables, long seed) {
        PipelineModel model = sparkMlModel(articles, near, tables, seed);
        MinHashLSHModel lsh = (MinHashLSHModel) model.stages()[3];
        Dataset<Row> featurized = model.transform(articles.select("article_id", "text"));
        return lsh.approxSimilarityJoin(featurized, featurized, 1 - near.threshold(), "distance")
                .select(col("datasetA.article_id").as("a"), col("datasetB.article_id").as("b"), col("distance"))
                .where(col("a").lt(col("b")));
    }

    private static PipelineModel sparkMlModel(Dataset<Row> articles, JobConfig.NearDedup near, int tables, long seed) {
        RegexTokenizer tokenizer = new RegexTokenizer().setInputCol("text").setOutputCol("words")
                .setPattern("[^\\p{L}\\p{N}]+").setToLowercase(true);
        NGram shingles = new NGram().setN(near.shingleSize()).setInputCol("words").setOutputCol("shingles");
        HashingTF features = new HashingTF().setInputCol("shingles").setOutputCol("features")
                .setNumFeatures(1 << 30).setBinary(true);
        MinHashLSH lsh = new MinHashLSH().setNumHashTables(tables).setSeed(seed).setInputCol("features").setOutputCol("hashes");
        return new Pipeline().setStages(new PipelineStage[] {tokenizer, shingles, features, lsh})
                .fit(articles.select("article_id", "text"));
    }

    /** Distinct pairs that share a bucket in any of Spark ML's hash tables (its candidates), untimed. */
    private static long sparkMlCandidates(Dataset<Row> articles, JobConfig.NearDedup near, int tables, long seed) {
        Dataset<Row> buckets = sparkMlModel(articles, near, tables, seed).transform(articles.select("article_id", "text"))
                .select(col("article_id"), posexplode(col("hashes")).as(new String[] {"table", "hash"}))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = buckets.as("x").join(buckets.as("y"),
                        col("x.table").equalTo(col("y.table")).and(col("x.hash").equalTo(col("y.hash")))
                                .and(col("x.article_id").lt(col("y.article_id"))))
                .select(col("x.article_id"), col("y.article_id")).distinct().count();
        buckets.unpersist();
        return count;
    }

    /**
     * Pairwise precision and recall of predicted clusters against the truth: {@code predicted} maps
     * merged articles to a cluster label; articles not in it are alone (their own label).
     */
    private static double[] quality(Dataset<Row> articles, Dataset<Row> predicted) {
        Dataset<Row> labelled = articles.select("article_id", "cluster").join(predicted, new String[] {"article_id"}, "left")
                .select(col("cluster"), coalesce(col("label"), col("article_id")).as("label"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long truePairs = pairs(labelled, "cluster");
        long predictedPairs = pairs(labelled, "label");
        long correct = pairs(labelled, "cluster", "label");
        labelled.unpersist();
        return new double[] {predictedPairs == 0 ? 1.0 : (double) correct / predictedPairs, (double) correct / truePairs};
    }

    private static long pairs(Dataset<Row> labelled, String... keys) {
        Row total = labelled.groupBy(keys[0], java.util.Arrays.copyOfRange(keys, 1, keys.length)).count()
                .agg(sum(col("count").multiply(col("count").minus(1)).divide(2).cast("long"))).first();
        return total.isNullAt(0) ? 0 : total.getLong(0);
    }

    private static void generate(SparkSession spark, long n, long seed, Path target) {
        SyntheticNews news = new SyntheticNews(seed, 0.2);
        writeCorpus(spark, n, target, i -> news.article(i, n));
    }

    /**
     * The corpus of {@code scripts/bench.sh} ({@link BenchCorpus}: templated German and English news, so that
     * unrelated articles share sentence frames) as {@link SyntheticNews#SCHEMA} rows, with its true clusters.
     */
    private static void generateNews(SparkSession spark, long n, long seed, Path target) throws IOException {
        BenchCorpus corpus = new BenchCorpus(Path.of("conf"), seed);
        writeCorpus(spark, n, target, i -> {
            String[] article = corpus.idTextOriginal(i);
            return SyntheticNews.row(article[0], i, "https://www.example.com/news/" + i + ".html", article[1],
                    article[2]);
        });
    }

    /** Makes the {@link SyntheticNews#SCHEMA} row of an article index (shipped to the executors). */
    private interface ArticleMaker extends java.io.Serializable {
        Row article(long index);
    }

    /** Articles 0 to {@code n - 1} as {@link SyntheticNews#SCHEMA} Parquet under {@code target}. */
    private static void writeCorpus(SparkSession spark, long n, Path target, ArticleMaker maker) {
        int partitions = (int) Math.max(4, n / 25_000);
        Rows.mapEach(spark.range(0, n, 1, partitions).toDF(), index -> maker.article(index.getLong(0)),
                        SyntheticNews.SCHEMA)
                .write().mode(SaveMode.Overwrite).parquet(target.toString());
    }

    private static String[] row(String method, double seconds, long candidates, long pairs, double[] quality) {
        return new String[] {method, String.format("%.1f", seconds), String.valueOf(candidates), String.valueOf(pairs),
            String.format("%.4f", quality[0]), String.format("%.4f", quality[1])};
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The {@code --set key=value} pairs, for the Newsprism side (e.g. {@code dedup.near.hashes=256}). */
    private static Map<String, String> sets(String[] args) {
        Map<String, String> sets = new LinkedHashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--set")) {
                String[] pair = args[++i].split("=", 2);
                sets.put(pair[0], pair[1]);
            }
        }
        return sets;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--set")) {
                i++;
                continue;
            }
            String name = args[i].replaceFirst("^--", "");
            boolean flag = name.startsWith("skip-") || name.equals("profile");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
