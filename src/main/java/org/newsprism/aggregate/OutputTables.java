package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Shapes the annotated articles into the published {@code articles}, {@code sentences} and
 * {@code mentions} tables.
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
}
