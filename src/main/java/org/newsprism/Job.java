package org.newsprism;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.newsprism.aggregate.EntityDailyAggregator;
import org.newsprism.aggregate.EntityPairAggregator;
import org.newsprism.aggregate.EntityTable;
import org.newsprism.aggregate.HtmlReport;
import org.newsprism.aggregate.OutputTables;
import org.newsprism.aggregate.ReportData;
import org.newsprism.aggregate.SourceDailyAggregator;
import org.newsprism.config.CommandLine;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.config.JobConfig;
import org.newsprism.dedup.DedupResult;
import org.newsprism.dedup.ExactDeduplicator;
import org.newsprism.increment.PriorArticleDeduplicator;
import org.newsprism.increment.PriorOutput;
import org.newsprism.dedup.NearDeduplicator;
import org.newsprism.io.ArticleReader;
import org.newsprism.io.InputFile;
import org.newsprism.io.InputFiles;
import org.newsprism.io.Shuffles;
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
    public static final List<String> TABLES = List.of("articles", "sentences", "mentions", "entities", "entity_daily",
            "entity_pairs", "source_daily", "duplicates", "rejected", "dedup_index");

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
        // Spark jobs are described by the stage that runs them (Spark UI, event log); the caller's own
        // description comes back afterwards.
        String callerDescription = spark.sparkContext().getLocalProperty("spark.job.description");
        StageClock timings = new StageClock(stage -> spark.sparkContext()
                .setJobDescription(stage == null ? callerDescription : stage));
        JobConfig.Output out = config.output();

        // A run that died while swapping its tables into place is finished first; then the earlier output
        // is checked (incremental runs) before any data is read.
        TableOutput.recover(spark.sparkContext().hadoopConfiguration(), out.path());
        PriorOutput prior = out.mode() == JobConfig.Mode.INCREMENTAL
                ? PriorOutput.open(spark, out.path(), files.stream().map(InputFile::path).toList())
                : null;
        boolean incremental = prior != null && !prior.isEmpty();

        // Data files (patterns, catalogue, lexicons) load before any data is read.
        NormalizeStage normalize = new NormalizeStage(config, started);
        AnnotateStage annotate = timings.time("prepare_nlp", () -> new AnnotateStage(spark, config));
        ExactDeduplicator exactDedup = new ExactDeduplicator(config.dedup());
        NearDeduplicator nearDedup = new NearDeduplicator(config.dedup(), config.normalize().trackingParams());
        TableOutput output = new TableOutput(spark, out, runId);

        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            Dataset<Row> read = ArticleReader.read(spark, files, config.input());
            Dataset<Row> normalized = cache(cached, normalize.apply(read));
            Map<String, Long> recordsByFile = timings.time("read_normalize", () -> countBy(normalized, "input_file"));

            // Timed as a whole: near dedup computes and checkpoints its components as it is applied.
            Deduplicated deduped = timings.time("dedup",
                    () -> deduplicate(normalized, incremental ? prior : null, exactDedup, nearDedup, cached));
            Dataset<Row> kept = deduped.kept();
            Dataset<Row> runDuplicatesCached = deduped.duplicates();
            Dataset<Row> runRejectedCached = deduped.rejected();
            Dataset<Row> priorIndex = deduped.priorIndex();
            // Everything read from the normalised records is cached now: their texts leave the memory.
            release(cached, normalized);

            // The annotated articles go to Parquet once, not to the cache: the tables below read only the
            // columns they need, no article text stays in memory (at a million articles it would not fit), and
            // their tasks no longer carry the NLP stage (catalogue, lexicons, pipeline: megabytes).
            Dataset<Row> annotated = timings.time("nlp", () -> output.stash("annotated", annotate.apply(kept)));
            release(cached, kept);

            Tables tables = timings.time("merge", () -> incremental
                    ? merge(prior, priorIndex, annotated, runDuplicatesCached, runRejectedCached, cached, output)
                    : whole(annotated, runDuplicatesCached, runRejectedCached));

            Dataset<Row> sourceDaily = cache(cached, SourceDailyAggregator.aggregate(tables.articles(),
                    tables.duplicates(), tables.rejected()));
            Dataset<Row> dedupIndex = OutputTables.dedupIndex(tables.articles(),
                    dedupKeys(deduped.sketches(), annotated, priorIndex));

            Map<String, Long> tableRows = new LinkedHashMap<>();
            Aggregates aggregates = timings.time("aggregate_write", () -> {
                String date = org.newsprism.io.Tables.PARTITION_COLUMN;
                Set<String> touched = tables.touched();
                PartitionRows rows = PartitionRows.of(tables.articlesOut());
                writePartitionedTable(timings, tableRows, output, "articles", tables.articlesOut(), tables.articles(),
                        touched, rows.articles(), "article_id");
                writePartitionedTable(timings, tableRows, output, "sentences", tables.sentencesOut(),
                        tables.sentences(), touched, rows.sentences(), "article_id", "sentence_index");
                writePartitionedTable(timings, tableRows, output, "mentions", tables.mentionsOut(), tables.mentions(),
                        touched, rows.mentions(), "entity_id", "article_id", "begin");
                // The aggregates read the whole mentions table: in overwrite mode the one just written.
                Dataset<Row> mentions = touched == null
                        ? output.staged("mentions", tables.mentions().schema())
                        : tables.mentions();
                Dataset<Row> entityDaily = cache(cached, EntityDailyAggregator.aggregate(mentions, tableRows.get("mentions")));
                Dataset<Row> mentionsByArticle = cache(cached, touched == null
                        ? OutputTables.mentionsByArticle(annotated)
                        : EntityPairAggregator.byArticle(mentions));
                Dataset<Row> entities = cache(cached, EntityTable.build(spark, mentions, entityDaily,
                        annotate.catalogue().entities()));
                // entity_daily first: entities sums its cached rows, so each table's timing holds only its own work.
                writeTable(timings, tableRows, "entity_daily", () -> output.write("entity_daily", entityDaily,
                        "entity_id", date, "language"));
                writeTable(timings, tableRows, "entities", () -> output.write("entities", entities, "entity_id"));
                writeTable(timings, tableRows, "entity_pairs", () -> {
                    int max = out.pairEntitiesPerArticle();
                    EntityPairAggregator.Plan pairs = EntityPairAggregator.plan(mentionsByArticle, max);
                    // A range per file, and more where a range would sort more than a task should.
                    int ranges = Math.max(output.filesFor(pairs.pairsAtMost()), Shuffles.sortTasksBySize(pairs.pairsAtMost()));
                    return output.writeOrdered("entity_pairs", pairs.sortedPairs(ranges));
                });
                writeTable(timings, tableRows, "source_daily", () -> output.write("source_daily", sourceDaily, "source",
                        date));
                writeTable(timings, tableRows, "duplicates", () -> output.write("duplicates", tables.duplicates(),
                        "duplicate_of", "article_id", "input_file"));
                writeTable(timings, tableRows, "rejected", () -> output.write("rejected", tables.rejected(),
                        "input_file", "input_position"));
                writeTable(timings, tableRows, "dedup_index", () -> output.write("dedup_index", dedupIndex,
                        "text_sha256"));
                return new Aggregates(mentions, entityDaily, entities);
            });
            Dataset<Row> mentions = aggregates.mentions();
            Dataset<Row> entityDaily = aggregates.entityDaily();
            Dataset<Row> entities = aggregates.entities();

            // The HTML report is rendered first so that _run.json holds its timing too.
            String html = !out.report().enabled() ? null : timings.time("report", () -> HtmlReport.render(
                    ReportData.collect("run " + runId + " (" + modeName() + ")", tableRows, mentions, entities,
                            entityDaily, tables.duplicates(), tables.rejected(), sourceDaily,
                            out.report().topEntities(), out.report().timelineEntities())));
            RunReport report = report(runId, started, recordsByFile, annotated, runDuplicatesCached,
                    runRejectedCached, tableRows, tables.touched(), timings, output);
            output.writeFile("_run.json", report.toJson());
            if (html != null) {
                output.writeFile("report.html", html);
            } else {
                output.remove("report.html");
            }
            output.commit();
            return report;
        } catch (RuntimeException e) {
            output.abort();
            throw e;
        } finally {
            java.util.Collections.reverse(cached);
            cached.forEach(Dataset::unpersist);
        }
    }

    /** What deduplication hands on: the cached tables below, the sketches and the earlier dedup_index. */
    private record Deduplicated(Dataset<Row> kept, Dataset<Row> duplicates, Dataset<Row> rejected,
            Dataset<Row> sketches, Dataset<Row> priorIndex) {}

    /**
     * The run's articles after deduplication, its duplicates and its rejected records (normalisation's and
     * dedup's), each cached and counted; with {@code prior} (incremental runs) also deduplicated against the
     * earlier output, whose {@code dedup_index} is then cached too.
     */
    private Deduplicated deduplicate(Dataset<Row> normalized, PriorOutput prior, ExactDeduplicator exactDedup,
            NearDeduplicator nearDedup, List<Dataset<Row>> cached) {
        DedupResult deduped = nearDedup.apply(exactDedup.apply(normalized.where(col("reject_reason").isNull())));
        if (deduped.sketches() != null) {
            cached.add(deduped.sketches());
        }
        Dataset<Row> runDuplicates = OutputTables.duplicates(deduped.duplicates(), normalized,
                config.input().excerptChars());
        Dataset<Row> runRejected = OutputTables.rejected(
                normalized.where(col("reject_reason").isNotNull()).unionByName(deduped.rejected()));
        Dataset<Row> newArticles = deduped.kept();
        // Read by the prior dedup, the merge and the new dedup_index: persisted, scanned once.
        Dataset<Row> priorIndex = prior != null ? cache(cached, prior.index()) : null;
        if (prior != null) {
            PriorArticleDeduplicator.Result againstPrior = new PriorArticleDeduplicator(config.dedup())
                    .apply(newArticles, runDuplicates, deduped.sketches(), priorIndex);
            newArticles = againstPrior.kept();
            runDuplicates = againstPrior.duplicates();
            runRejected = runRejected.unionByName(againstPrior.rejected());
        }
        Dataset<Row> kept = cache(cached, newArticles);
        Dataset<Row> duplicates = cache(cached, runDuplicates.select(columns(OutputTables.DUPLICATE_COLUMNS)));
        Dataset<Row> rejected = cache(cached, runRejected.select(columns(OutputTables.REJECTED_COLUMNS)));
        kept.count();
        duplicates.count();
        rejected.count();
        return new Deduplicated(kept, duplicates, rejected, deduped.sketches(), priorIndex);
    }

    /** The whole mentions table as the aggregates read it, and the aggregates the report reads too. */
    private record Aggregates(Dataset<Row> mentions, Dataset<Row> entityDaily, Dataset<Row> entities) {}

    /**
     * The final base tables of a run and what it writes of them: the whole tables ({@code touched == null}),
     * or only the {@code published_date} partitions named in {@code touched} (incremental runs).
     */
    private record Tables(Dataset<Row> articles, Dataset<Row> sentences, Dataset<Row> mentions,
            Dataset<Row> duplicates, Dataset<Row> rejected, Dataset<Row> articlesOut, Dataset<Row> sentencesOut,
            Dataset<Row> mentionsOut, Set<String> touched) {}

    /**
     * Overwrite mode (or a first incremental run): the run's tables are the whole output. None is held in
     * memory: {@code articles} holds the texts, and each use reads only its columns of the stashed
     * annotations; {@code mentions}, read by every aggregate, is read back from the table once written.
     */
    private static Tables whole(Dataset<Row> annotated, Dataset<Row> duplicates, Dataset<Row> rejected) {
        Dataset<Row> articles = withDuplicateCounts(OutputTables.articles(annotated), duplicates);
        Dataset<Row> sentences = OutputTables.sentences(annotated);
        Dataset<Row> mentions = OutputTables.mentions(annotated);
        return new Tables(articles, sentences, mentions, duplicates, rejected, articles, sentences, mentions, null);
    }

    /**
     * Incremental mode: this run's articles join the output. The partitions touched are the dates of the new
     * articles, of the earlier articles whose input files this run reads again (they are replaced), and of
     * the earlier articles whose duplicate count changes. Each touched partition is rewritten as its earlier
     * rows (less the replaced articles) plus the new ones; duplicates and rejected keep their earlier rows
     * except those of files read again; the aggregates are recomputed from the whole merged tables.
     * {@code index} is the earlier {@code dedup_index} ({@link PriorOutput#index()}), persisted by the caller.
     */
    private static Tables merge(PriorOutput prior, Dataset<Row> index, Dataset<Row> annotated,
            Dataset<Row> runDuplicates, Dataset<Row> runRejected, List<Dataset<Row>> cached, TableOutput output) {
        String date = org.newsprism.io.Tables.PARTITION_COLUMN;
        Dataset<Row> duplicates = cache(cached, prior.kept("duplicates").unionByName(runDuplicates, true)
                .select(columns(OutputTables.DUPLICATE_COLUMNS)));
        Dataset<Row> rejected = cache(cached, prior.kept("rejected").unionByName(runRejected, true)
                .select(columns(OutputTables.REJECTED_COLUMNS)));
        Dataset<Row> counts = duplicates.groupBy(col("duplicate_of")).agg(count(lit(1)).as("__n"));
        Dataset<Row> replaced = prior.replaced().select(col("article_id"), col(date));
        Dataset<Row> recounted = index.join(counts, index.col("article_id").equalTo(counts.col("duplicate_of")), "left")
                .where(coalesce(col("__n"), lit(0L)).notEqual(col("duplicate_count").cast(DataTypes.LongType)))
                .select(col(date));
        List<java.sql.Date> dates = new ArrayList<>();
        for (Row r : OutputTables.articles(annotated).select(col(date)).union(replaced.select(col(date))).union(recounted).distinct()
                .collectAsList()) {
            dates.add(r.isNullAt(0) ? null : r.getDate(0));
        }
        Set<String> touched = new java.util.TreeSet<>();
        dates.forEach(d -> touched.add(TableOutput.partitionDir(date, d)));
        boolean nullTouched = dates.contains(null);
        Object[] dated = dates.stream().filter(java.util.Objects::nonNull).toArray();
        Column inTouched = coalesce(col(date).isin(dated), lit(false)).or(col(date).isNull().and(lit(nullTouched)));

        Dataset<Row> gone = replaced.select(col("article_id").as("__gone"));
        Merged articles = mergeTable(prior, "articles", OutputTables.articles(annotated), inTouched, gone,
                rows -> withDuplicateCounts(rows, duplicates));
        Merged sentences = mergeTable(prior, "sentences", OutputTables.sentences(annotated), inTouched, gone,
                rows -> rows);
        Merged mentions = mergeTable(prior, "mentions", OutputTables.mentions(annotated), inTouched, gone, rows -> rows);
        return new Tables(cache(cached, articles.all()), sentences.all(), output.stash("mentions", mentions.all()),
                duplicates, rejected, articles.touched(), sentences.touched(), mentions.touched(), touched);
    }

    /**
     * The rows per date of the written partitions of {@code articles}, {@code sentences} and {@code mentions}, which
     * size their write tasks: counted in one pass over the articles, whose {@code sentence_count} and
     * {@code mention_count} are their rows in the other two, instead of computing each table once more to count it.
     */
    private record PartitionRows(Map<Object, Long> articles, Map<Object, Long> sentences, Map<Object, Long> mentions) {
        static PartitionRows of(Dataset<Row> articles) {
            PartitionRows rows = new PartitionRows(new HashMap<>(), new HashMap<>(), new HashMap<>());
            articles.groupBy(col(org.newsprism.io.Tables.PARTITION_COLUMN))
                    .agg(count(lit(1)), sum(col("sentence_count")), sum(col("mention_count")))
                    .collectAsList().forEach(r -> {
                        rows.articles().put(r.get(0), r.getLong(1));
                        rows.sentences().put(r.get(0), r.getLong(2));
                        rows.mentions().put(r.get(0), r.getLong(3));
                    });
            return rows;
        }
    }

    /** A partitioned table after a merge: the whole table, and the rows of its touched partitions. */
    private record Merged(Dataset<Row> all, Dataset<Row> touched) {}

    /**
     * The touched partitions of an earlier table become its earlier rows there, less the replaced articles
     * ({@code gone}), plus this run's rows ({@code fresh}), then {@code finish}ed; the others stay as they are.
     */
    private static Merged mergeTable(PriorOutput prior, String name, Dataset<Row> fresh, Column inTouched,
            Dataset<Row> gone, java.util.function.UnaryOperator<Dataset<Row>> finish) {
        Dataset<Row> earlier = prior.table(name);
        Dataset<Row> touched = finish.apply(earlier.where(inTouched)
                .join(gone, earlier.col("article_id").equalTo(gone.col("__gone")), "left_anti")
                .unionByName(fresh, true));
        return new Merged(earlier.where(inTouched.unary_$bang()).unionByName(touched, true), touched);
    }

    /**
     * The dedup keys {@code dedup_index} stores ({@code article_id} and {@link OutputTables#DEDUP_KEY_COLUMNS}):
     * those of this run's new articles ({@code annotated}) from their sketches, and those of the earlier
     * articles from the earlier index. Null when this run made no sketches (URL and near dedup off).
     */
    private Dataset<Row> dedupKeys(Dataset<Row> sketches, Dataset<Row> annotated, Dataset<Row> priorIndex) {
        if (sketches == null) {
            return null;
        }
        Dataset<Row> fresh = sketches.join(annotated.select(col("article_id")), "article_id")
                .select(col("article_id"), col("url_key"), col("signature"),
                        lit(NearDeduplicator.signatureScheme(config.dedup().near())).as("signature_scheme"));
        return priorIndex == null ? fresh
                : fresh.unionByName(priorIndex.select(OutputTables.keyColumns(col("article_id"))));
    }

    /** Sets {@code duplicate_count} to the number of duplicates rows that point at each article. */
    private static Dataset<Row> withDuplicateCounts(Dataset<Row> articles, Dataset<Row> duplicates) {
        Dataset<Row> counts = duplicates.groupBy(col("duplicate_of").as("__of")).agg(count(lit(1)).as("__n"));
        return articles.join(counts, articles.col("article_id").equalTo(counts.col("__of")), "left")
                .withColumn("duplicate_count", coalesce(col("__n"), lit(0L)).cast(DataTypes.IntegerType))
                .drop("__of", "__n");
    }

    /** {@code overwrite} or {@code incremental}, as _run.json and the report name the run's mode. */
    private String modeName() {
        return config.output().mode().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Runs {@code write} (a whole table's write, returning its rows), timed as {@code write_<table>}, and records the rows. */
    private static void writeTable(StageClock timings, Map<String, Long> tableRows, String table, Supplier<Long> write) {
        timings.time("write_" + table, () -> tableRows.put(table, write.get()));
    }

    /**
     * Writes the {@code touched} partitions of a date-partitioned table from {@code written} (all of them when
     * null), timed as {@code write_<table>}, and records the rows of the whole table ({@code all}: when the
     * whole table was written, counted from the written files' footers instead of computed again).
     */
    private static void writePartitionedTable(StageClock timings, Map<String, Long> tableRows, TableOutput output,
            String table, Dataset<Row> written, Dataset<Row> all, Set<String> touched, Map<Object, Long> rowsPerDate,
            String... sortColumns) {
        writeTable(timings, tableRows, table, () -> {
            output.writePartitioned(table, written, org.newsprism.io.Tables.PARTITION_COLUMN, touched, rowsPerDate,
                    sortColumns);
            return touched == null ? output.staged(table, all.schema()).count() : all.count();
        });
    }

    private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> rows) {
        Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(persisted);
        return persisted;
    }

    /** Unpersists a cached table once everything that reads it is cached or written itself. */
    private static void release(List<Dataset<Row>> cached, Dataset<Row> rows) {
        cached.remove(rows);
        rows.unpersist();
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(n -> col(n)).toArray(Column[]::new);
    }

    private RunReport report(String runId, Instant started, Map<String, Long> recordsByFile,
            Dataset<Row> annotated, Dataset<Row> duplicates, Dataset<Row> rejected, Map<String, Long> tableRows,
            Set<String> touched, StageClock timings, TableOutput output) {
        Map<String, Long> rejectedByStage = countBy(rejected, "stage");
        Map<String, Long> duplicatesByMethod = countBy(duplicates, "method");
        Row totals = annotated.agg(count(lit(1)), sum(col("sentence_count")), sum(col("mention_count"))).first();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records_read", recordsByFile.values().stream().mapToLong(Long::longValue).sum());
        counts.put("articles", totals.getLong(0));
        counts.put("duplicates", duplicatesByMethod.values().stream().mapToLong(Long::longValue).sum());
        counts.put("rejected", rejectedByStage.values().stream().mapToLong(Long::longValue).sum());
        counts.put("sentences", totals.isNullAt(1) ? 0L : totals.getLong(1));
        counts.put("mentions", totals.isNullAt(2) ? 0L : totals.getLong(2));
        counts.put("entities", tableRows.get("entities"));
        counts.put("entity_daily", tableRows.get("entity_daily"));

        Map<String, Long> articlesByFile = countBy(annotated, "input_file");
        Map<String, Long> duplicatesByFile = countBy(duplicates, "input_file");
        Map<String, Long> rejectedByFile = countBy(rejected, "input_file");
        List<RunReport.FileCounts> inputs = files.stream().map(f -> new RunReport.FileCounts(f.path(), f.format().key(),
                recordsByFile.getOrDefault(f.path(), 0L), articlesByFile.getOrDefault(f.path(), 0L),
                duplicatesByFile.getOrDefault(f.path(), 0L), rejectedByFile.getOrDefault(f.path(), 0L))).toList();

        Map<String, String> tables = new LinkedHashMap<>();
        TABLES.forEach(t -> tables.put(t, output.path(t).toString()));
        tables.put("_run.json", output.path("_run.json").toString());
        if (config.output().report().enabled()) {
            tables.put("report.html", output.path("report.html").toString());
        }
        Object configJson;
        try {
            configJson = new ObjectMapper().readValue(settings.redactedJson(), Object.class);
        } catch (IOException e) {
            configJson = settings.redactedJson();
        }
        List<String> partitions = touched == null ? List.of("*") : List.copyOf(touched);
        return new RunReport(runId, started.toString(), Instant.now().toString(), config.output().path(), modeName(),
                counts, rejectedByStage, duplicatesByMethod, inputs, timings.wallMs(), timings.cpuMs(), tableRows,
                partitions, tables, configJson);
    }

    private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
        Map<String, Long> result = new java.util.TreeMap<>();
        for (Row r : rows.groupBy(col(column)).count().collectAsList()) {
            result.put(r.isNullAt(0) ? "" : r.getString(0), r.getLong(1));
        }
        return result;
    }
}
