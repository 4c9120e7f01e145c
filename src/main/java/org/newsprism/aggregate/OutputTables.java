package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Shapes the stage outputs into the published {@code articles}, {@code sentences}, {@code mentions},
 * {@code duplicates}, {@code rejected} and {@code dedup_index} tables.
 *
 * <p>{@code mentions}: one row per entity mention, the mention fields plus the article's
 * {@code published_date}, {@code source} and {@code language} so that aggregations need no join.
 */
public final class OutputTables {
    /** Working columns that are not part of the published articles table. */
    private static final List<String> INTERNAL =
            List.of("mentions", "sentences", "reject_stage", "reject_reason", "raw_excerpt");

    private OutputTables() {}

    public static Dataset<Row> articles(Dataset<Row> annotated) {
        Column[] columns = Arrays.stream(annotated.columns())
                .filter(c -> !INTERNAL.contains(c))
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
        return annotated.select(columns);
    }

    /** {@code sentences}: one row per sentence with its offsets, word count and sentiment. */
    public static Dataset<Row> sentences(Dataset<Row> annotated) {
        return annotated
                .select(col("article_id"), col("published_date"), col("source"), col("language"),
                        explode(col("sentences")).as("s"))
                .select(col("article_id"), col("s.sentence_index"), col("s.begin"), col("s.end"), col("s.word_count"),
                        col("s.sentiment"), col("s.sentiment_label"), col("published_date"), col("source"),
                        col("language"));
    }

    public static Dataset<Row> mentions(Dataset<Row> annotated) {
        return annotated
                .select(col("article_id"), col("published_date"), col("source"), col("language"),
                        explode(col("mentions")).as("m"))
                .select(col("article_id"), col("m.entity_id"), col("m.entity_name"), col("m.entity_type"),
                        col("m.surface"), col("m.begin"), col("m.end"), col("m.sentence_index"), col("m.derived"),
                        col("m.discovered"), col("m.sentiment"), col("m.sentiment_label"), col("published_date"),
                        col("source"), col("language"));
    }

    /**
     * {@link EntityPairAggregator#byArticle} of {@link #mentions}{@code (annotated)}, made from each article's
     * own list of mentions: no shuffle, where grouping the mentions table by article shuffles all of them.
     * Articles without mentions have no row, as there.
     */
    public static Dataset<Row> mentionsByArticle(Dataset<Row> annotated) {
        return annotated.where(size(col("mentions")).gt(0))
                .select(col("article_id"), transform(col("mentions"), m -> struct(col("published_date"),
                        m.getField("entity_id").as("entity_id"), m.getField("entity_name").as("entity_name"),
                        m.getField("entity_type").as("entity_type"),
                        m.getField("sentence_index").as("sentence_index"))).as("m"));
    }

    /** The columns of {@code duplicates}, in order. */
    public static final List<String> DUPLICATE_COLUMNS = List.of("article_id", "duplicate_of", "method", "similarity",
            "input_file", "input_position", "source", "published_date");

    /**
     * {@code duplicates}: dedup's rows ({@code article_id, duplicate_of, method, similarity, input_file})
     * with the dropped record's {@code input_position}, {@code source} and {@code published_date} taken from
     * its normalised row, plus an internal {@code raw_excerpt} (its text's start) that the tables drop. The
     * record is found by id and file; when one file holds the same id more than once (identical texts),
     * the rows pair up in position order, so every duplicate keeps its own position.
     */
    public static Dataset<Row> duplicates(Dataset<Row> dedupDuplicates, Dataset<Row> normalized, int excerptChars) {
        Dataset<Row> numbered = dedupDuplicates.withColumn("__n", row_number().over(
                Window.partitionBy("article_id", "input_file").orderBy(col("duplicate_of"), col("method"))));
        Dataset<Row> records = normalized.where(col("reject_reason").isNull())
                .select(col("article_id").as("__id"), col("input_file").as("__file"), col("input_position"),
                        col("source"), col("published_date"),
                        col("text").substr(1, Math.max(excerptChars, 1)).as("raw_excerpt"))
                .withColumn("__m", row_number().over(Window.partitionBy("__id", "__file").orderBy(col("input_position").desc())));
        return numbered.join(records, numbered.col("article_id").equalTo(records.col("__id"))
                        .and(numbered.col("input_file").equalTo(records.col("__file")))
                        .and(numbered.col("__n").equalTo(records.col("__m"))), "left")
                .select(col("article_id"), col("duplicate_of"), col("method"), col("similarity").cast(DataTypes.DoubleType),
                        col("input_file"), col("input_position"), col("source"), col("published_date"), col("raw_excerpt"));
    }

    /** The columns of {@code rejected}, in order. */
    public static final List<String> REJECTED_COLUMNS = List.of("input_file", "input_position", "article_id", "stage",
            "reason", "raw_excerpt", "source", "published_date");

    /** {@code rejected}: rows in the normalised schema with {@code reject_stage} and {@code reject_reason}. */
    public static Dataset<Row> rejected(Dataset<Row> normalizedRejects) {
        return normalizedRejects.select(col("input_file"), col("input_position"), col("article_id"),
                col("reject_stage").as("stage"), col("reject_reason").as("reason"), col("raw_excerpt"), col("source"),
                col("published_date"));
    }

    /** The dedup keys {@code dedup_index} stores next to each article. */
    public static final List<String> DEDUP_KEY_COLUMNS = List.of("url_key", "signature", "signature_scheme");

    /**
     * {@code dedup_index}: what deduplicating a later run against the articles of this output needs, one
     * slim row per article: its id, text hash, URL, source, date, size, duplicate count, where it came from,
     * and its URL and near dedup keys from {@code keys} ({@code article_id} plus {@link #DEDUP_KEY_COLUMNS}:
     * canonical URL key, MinHash signature and the scheme that made it; null for an article without keys,
     * or when {@code keys} is null because URL and near dedup are off).
     */
    public static Dataset<Row> dedupIndex(Dataset<Row> articles, Dataset<Row> keys) {
        Dataset<Row> slim = articles.select(col("article_id"), col("text_sha256"), col("url"), col("source"),
                col("published_at"), col("published_date"), col("char_count"), col("duplicate_count"),
                col("input_file"), col("input_position"));
        if (keys == null) {
            return slim.withColumn("url_key", lit(null).cast(DataTypes.StringType))
                    .withColumn("signature", lit(null).cast(DataTypes.BinaryType))
                    .withColumn("signature_scheme", lit(null).cast(DataTypes.StringType));
        }
        Dataset<Row> renamed = keys.select(keyColumns(col("article_id").as("__key_id")));
        return slim.join(renamed, slim.col("article_id").equalTo(renamed.col("__key_id")), "left").drop("__key_id");
    }

    /** {@code id} followed by the {@link #DEDUP_KEY_COLUMNS}. */
    public static Column[] keyColumns(Column id) {
        List<Column> columns = new java.util.ArrayList<>(List.of(id));
        DEDUP_KEY_COLUMNS.forEach(name -> columns.add(col(name)));
        return columns.toArray(Column[]::new);
    }
}
