package org.newsprism;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsprism.aggregate.EntityDailyAggregator;
import org.newsprism.aggregate.EntityTable;
import org.newsprism.aggregate.OutputTables;
import org.newsprism.config.CommandLine;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.config.JobConfig;
import org.newsprism.dedup.DedupResult;
import org.newsprism.dedup.ExactDeduplicator;
import org.newsprism.dedup.NearDeduplicator;
import org.newsprism.io.ArticleReader;
import org.newsprism.io.InputFile;
import org.newsprism.io.InputFiles;
import org.newsprism.io.TableOutput;
import org.newsprism.nlp.AnnotateStage;
import org.newsprism.normalize.NormalizeStage;

/**
 * The Newsprism batch job: read → normalise → deduplicate → annotate (Spark NLP) → aggregate → write.
 *
 * <p>{@link #main} is the entry point for spark-submit and {@code scripts/run-local.sh}. Arguments,
 * configuration and input paths are all checked before Spark starts; a problem ends the job with exit
 * code 2 and one line on stderr.
 */
public final class Job {
    /** Exit code for bad arguments, settings or inputs. */
    public static final int EXIT_INVALID = 2;
    /** Exit code when a run fails after it started. */
    public static final int EXIT_FAILED = 1;

    /** The Parquet tables every run writes under the output directory (plus {@code _run.json}). */
    public static final List<String> TABLES =
            List.of("articles", "sentences", "mentions", "entities", "entity_daily", "duplicates", "rejected");

    private final SparkSession spark;
    private final ConfigLoader.Loaded settings;
    private final JobConfig config;
    private final List<InputFile> files;

    public Job(SparkSession spark, ConfigLoader.Loaded settings, List<InputFile> files) {
        this.spark = spark;
        this.settings = settings;
        this.config = settings.config();
        this.files = files;
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses, validates and runs; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Prepared prepared;
        try {
            CommandLine.Parsed parsed = CommandLine.parse(args);
            if (parsed.helpRequested()) {
                out.print(parsed.usage());
                return 0;
            }
            prepared = prepare(parsed.settings());
        } catch (InvalidSettingsException e) {
            err.println("newsprism: " + e.getMessage());
            return EXIT_INVALID;
        }
        SparkSession spark = SparkSessions.getOrCreate(prepared.settings().config().spark());
        try {
            RunReport report = new Job(spark, prepared.settings(), prepared.files()).run();
            out.print(report.summary());
            return 0;
        } catch (InvalidSettingsException e) {
            err.println("newsprism: " + e.getMessage());
            return EXIT_INVALID;
        } finally {
            spark.stop();
        }
    }

    /** Validated settings and the input files they name, ready for a run. */
    public record Prepared(ConfigLoader.Loaded settings, List<InputFile> files) {}

    /**
     * Resolves the input files named by validated settings (before Spark starts).
     *
     * @throws InvalidSettingsException naming each missing input
     */
    public static Prepared prepare(ConfigLoader.Loaded settings) {
        JobConfig config = settings.config();
        return new Prepared(settings, InputFiles.resolve(config.input(),
                InputFiles.hadoopConfiguration(config.spark().conf())));
    }

    /** Runs the pipeline on an existing session and commits every table, or none. */
    public RunReport run() {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        Map<String, Long> timings = new LinkedHashMap<>();

        // Data files (patterns, catalogue, lexicons) load before any data is read.
        NormalizeStage normalize = new NormalizeStage(config, started);
        AnnotateStage annotate = timed(timings, "prepare_nlp", () -> new AnnotateStage(spark, config));
        ExactDeduplicator exactDedup = new ExactDeduplicator(config.dedup());
        NearDeduplicator nearDedup = new NearDeduplicator(config.dedup(), config.normalize().trackingParams());
        TableOutput output = new TableOutput(spark, config.output().path(), runId, config.output().maxFilesPerTable());

        Dataset<Row> normalized = null;
        Dataset<Row> kept = null;
        Dataset<Row> annotated = null;
        try {
            Dataset<Row> read = ArticleReader.read(spark, files, config.input());
            normalized = normalize.apply(read).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> n = normalized;
            long records = timed(timings, "read_normalize", n::count);

            Dataset<Row> candidates = normalized.where(col("reject_reason").isNull());
            DedupResult deduped = timed(timings, "dedup", () -> {
                DedupResult result = nearDedup.apply(exactDedup.apply(candidates));
                result.kept().persist(StorageLevel.MEMORY_AND_DISK()).count();
                return result;
            });
            kept = deduped.kept();

            annotated = annotate.apply(kept).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> a = annotated;
            timed(timings, "nlp", a::count);

            Dataset<Row> articles = OutputTables.articles(annotated);
            Dataset<Row> sentences = OutputTables.sentences(annotated);
            Dataset<Row> mentions = OutputTables.mentions(annotated);
            Dataset<Row> entityDaily = EntityDailyAggregator.aggregate(mentions);
            Dataset<Row> rejected = normalized.where(col("reject_reason").isNotNull())
                    .unionByName(deduped.rejected())
                    .select(col("input_file"), col("input_position"), col("article_id"),
                            col("reject_stage").as("stage"), col("reject_reason").as("reason"), col("raw_excerpt"));
            Dataset<Row> duplicates = deduped.duplicates();
            Dataset<Row> entities = EntityTable.build(spark, mentions, annotate.catalogue().entities());

            timed(timings, "aggregate_write", () -> {
                output.write("articles", articles, "published_date", "article_id");
                output.write("sentences", sentences, "published_date", "article_id", "sentence_index");
                output.write("mentions", mentions, "published_date", "entity_id", "article_id", "begin");
                output.write("entities", entities, "entity_id");
                output.write("entity_daily", entityDaily, "published_date", "entity_id", "language");
                output.write("duplicates", duplicates, "duplicate_of", "article_id");
                output.write("rejected", rejected, "input_file", "input_position");
                return null;
            });

            RunReport report = timed(timings, "report", () -> report(runId, started, records, n, a,
                    mentions, entityDaily, rejected, duplicates, timings, output));
            output.writeFile("_run.json", report.toJson());
            output.commit();
            return report;
        } catch (RuntimeException e) {
            output.abort();
            throw e;
        } finally {
            for (Dataset<Row> cached : java.util.Arrays.asList(annotated, kept, normalized)) {
                if (cached != null) {
                    cached.unpersist();
                }
            }
        }
    }

    private RunReport report(String runId, Instant started, long records, Dataset<Row> normalized,
            Dataset<Row> annotated, Dataset<Row> mentions, Dataset<Row> entityDaily, Dataset<Row> rejected,
            Dataset<Row> duplicates, Map<String, Long> timings, TableOutput output) {
        Map<String, Long> rejectedByStage = countBy(rejected, "stage");
        Map<String, Long> duplicatesByMethod = countBy(duplicates, "method");
        Row totals = annotated.agg(count(lit(1)), sum(col("sentence_count")), sum(col("mention_count"))).first();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records_read", records);
        counts.put("articles", totals.getLong(0));
        counts.put("duplicates", duplicatesByMethod.values().stream().mapToLong(Long::longValue).sum());
        counts.put("rejected", rejectedByStage.values().stream().mapToLong(Long::longValue).sum());
        counts.put("sentences", totals.isNullAt(1) ? 0L : totals.getLong(1));
        counts.put("mentions", totals.isNullAt(2) ? 0L : totals.getLong(2));
        counts.put("entities", mentions.agg(countDistinct(col("entity_id"))).first().getLong(0));
        counts.put("entity_daily", entityDaily.count());

        Map<String, Long> recordsByFile = countBy(normalized, "input_file");
        Map<String, Long> articlesByFile = countBy(annotated, "input_file");
        Map<String, Long> duplicatesByFile = countBy(duplicates, "input_file");
        Map<String, Long> rejectedByFile = countBy(rejected, "input_file");
        List<RunReport.FileCounts> inputs = files.stream().map(f -> new RunReport.FileCounts(f.path(), f.format().key(),
                recordsByFile.getOrDefault(f.path(), 0L), articlesByFile.getOrDefault(f.path(), 0L),
                duplicatesByFile.getOrDefault(f.path(), 0L), rejectedByFile.getOrDefault(f.path(), 0L))).toList();

        Map<String, String> tables = new LinkedHashMap<>();
        TABLES.forEach(t -> tables.put(t, output.path(t).toString()));
        tables.put("_run.json", output.path("_run.json").toString());
        Object configJson;
        try {
            configJson = new ObjectMapper().readValue(settings.redactedJson(), Object.class);
        } catch (IOException e) {
            configJson = settings.redactedJson();
        }
        return new RunReport(runId, started.toString(), Instant.now().toString(), config.output().path(), counts,
                rejectedByStage, duplicatesByMethod, inputs, timings, tables, configJson);
    }

    private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
        Map<String, Long> result = new java.util.TreeMap<>();
        for (Row r : rows.groupBy(col(column)).count().collectAsList()) {
            result.put(r.isNullAt(0) ? "" : r.getString(0), r.getLong(1));
        }
        return result;
    }

    private static <T> T timed(Map<String, Long> timings, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        timings.put(stage, (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}
