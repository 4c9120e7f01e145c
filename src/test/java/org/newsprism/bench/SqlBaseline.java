package org.newsprism.bench;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.newsprism.SparkSessions;
import org.newsprism.StageClock;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.Resources;
import org.newsprism.nlp.EntityCatalogue;

/**
 * The plain Spark SQL baseline of {@code scripts/bench.sh}: the cheapest work equivalent to the job,
 * with Spark's built-in functions only, on the same corpus and the same catalogue and lexicons.
 *
 * <ol>
 *   <li>read_normalize: JSON Lines with a fixed schema, whitespace collapsed, language guessed from
 *       function words, SHA-256 of the text;</li>
 *   <li>dedup: one article per text hash (earliest date, then smallest id);</li>
 *   <li>nlp: sentences split by a regex, tokens split by a regex, catalogue surface forms found by a
 *       broadcast join on their first token and a comparison of the following tokens (the equivalent
 *       of an alias alternation), a broadcast lexicon join for each token and a valence sum per
 *       sentence;</li>
 *   <li>write: articles, sentence scores and mentions as Parquet.</li>
 * </ol>
 * Prints one line per stage: {@code baseline <stage>_ms=<ms> rows=<n>}.
 *
 * <p>Usage: {@code SqlBaseline <input dir> <output dir> <master>}. Test-only: not in the application jar.
 */
public final class SqlBaseline {
    /** Sentence ends: . ! ? before whitespace and an upper-case letter or quote, or a blank line. */
    static final String SENTENCE_SPLIT = "(?<=[.!?])\\s+(?=[\\p{Lu}\"„])|\\n\\s*\\n";
    static final String TOKEN_SPLIT = "[\\s,;:!?()\"„“”.]+";

    private SqlBaseline() {}

    public static void main(String[] args) {
        String input = args[0];
        String output = args[1];
        String master = args.length > 2 ? args[2] : "local[2]";
        JobConfig config = ConfigLoader.defaults().config();
        SparkSession.Builder builder = SparkSession.builder().appName("newsprism-baseline").master(master);
        SparkSessions.defaults(config.spark()).forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        try {
            run(spark, config, input, output);
        } finally {
            spark.stop();
        }
    }

    static void run(SparkSession spark, JobConfig config, String input, String output) {
        Dataset<Row> forms = forms(spark, config);
        Dataset<Row> lexicon = lexicon(spark, config);

        long t0 = System.nanoTime();
        long c0 = StageClock.processCpuNanos();
        StructType schema = new StructType().add("id", DataTypes.StringType).add("url", DataTypes.StringType)
                .add("source", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("published_at", DataTypes.StringType);
        Dataset<Row> articles = spark.read().schema(schema).json(input)
                .withColumn("text", regexp_replace(col("text"), "[ \\t]+", " "))
                .withColumn("language", when(col("text").rlike(" (der|die|und|das) "), "de").otherwise("en"))
                .withColumn("sha", sha2(col("text"), 256))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long read = articles.count();
        report("read_normalize", t0, c0, read);

        t0 = System.nanoTime();
        c0 = StageClock.processCpuNanos();
        Dataset<Row> kept = articles
                .withColumn("rank", row_number().over(Window.partitionBy("sha").orderBy("published_at", "id")))
                .where(col("rank").equalTo(1)).drop("rank")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long keptCount = kept.count();
        articles.unpersist();
        report("dedup", t0, c0, keptCount);

        t0 = System.nanoTime();
        c0 = StageClock.processCpuNanos();
        Dataset<Row> sentences = kept.select(col("id"), col("language"),
                posexplode(split(col("text"), SENTENCE_SPLIT)).as(new String[] {"si", "sentence"}));
        Dataset<Row> tokens = sentences
                .withColumn("toks", expr("filter(split(sentence, '" + TOKEN_SPLIT.replace("\\", "\\\\") + "'), t -> t != '')"))
                .select(col("id"), col("language"), col("si"), col("toks"), posexplode(col("toks")).as(new String[] {"ti", "tok"}));
        Dataset<Row> scores = tokens.join(broadcast(lexicon),
                        lower(col("tok")).equalTo(col("term")).and(col("language").equalTo(col("lex_language"))))
                .groupBy("id", "si").agg(sum("valence").as("valence"))
                .withColumn("sentiment", expr("valence / sqrt(valence * valence + 15)"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> mentions = tokens.join(broadcast(forms), col("tok").equalTo(col("first")))
                .where(col("n").equalTo(1).or(concat_ws(" ", expr("slice(toks, ti + 1, n)")).equalTo(col("form"))))
                .select("id", "si", "ti", "form", "entity_id")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long scored = scores.count();
        long found = mentions.count();
        report("nlp", t0, c0, keptCount);
        System.out.printf("baseline sentences_with_polar_words=%d mentions=%d%n", scored, found);

        t0 = System.nanoTime();
        c0 = StageClock.processCpuNanos();
        kept.drop("text").write().mode(SaveMode.Overwrite).parquet(output + "/articles");
        scores.write().mode(SaveMode.Overwrite).parquet(output + "/sentence_scores");
        mentions.write().mode(SaveMode.Overwrite).parquet(output + "/mentions");
        report("write", t0, c0, keptCount);
    }

    private static void report(String stage, long startNanos, long startCpuNanos, long rows) {
        System.out.printf("baseline %s_ms=%d cpu_ms=%d rows=%d%n", stage, (System.nanoTime() - startNanos) / 1_000_000,
                (StageClock.processCpuNanos() - startCpuNanos) / 1_000_000, rows);
    }

    /** Every catalogue surface form (the job's forms, genitives included) with its first token. */
    private static Dataset<Row> forms(SparkSession spark, JobConfig config) {
        EntityCatalogue catalogue = EntityCatalogue.load(config.nlp().entities().catalogue());
        List<Row> rows = new ArrayList<>();
        JobConfig.Entities entities = config.nlp().entities();
        catalogue.surfaceForms(entities.genitiveForms(), entities.possessiveForms()).forEach((key, form) -> {
            String[] words = key.split(" ");
            rows.add(RowFactory.create(words[0], key, words.length,
                    catalogue.entities().get(form.target().entityIndex()).id()));
        });
        StructType schema = new StructType().add("first", DataTypes.StringType).add("form", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("entity_id", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

    /** The job's sentiment lexicons: language, lower-case term, valence. */
    private static Dataset<Row> lexicon(SparkSession spark, JobConfig config) {
        List<Row> rows = new ArrayList<>();
        config.nlp().sentiment().lexicons().forEach((language, files) -> {
            Map<String, Double> valences = new LinkedHashMap<>();
            for (String file : files) {
                for (String line : Resources.readLines(file, "nlp.sentiment.lexicons")) {
                    String[] cols = line.split("\t");
                    if (cols.length >= 2 && !line.startsWith("#")) {
                        try {
                            valences.put(cols[0].strip().toLowerCase(Locale.ROOT), Double.parseDouble(cols[1].strip()));
                        } catch (NumberFormatException header) {
                            // the header line
                        }
                    }
                }
            }
            valences.forEach((term, valence) -> rows.add(RowFactory.create(language, term, valence)));
        });
        StructType schema = new StructType().add("lex_language", DataTypes.StringType)
                .add("term", DataTypes.StringType).add("valence", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }
}
