package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The join-based entity_pairs aggregation the one-pass EntityPairAggregator replaced: the reference it is compared with. */
final class EntityPairReference {
    private EntityPairReference() {}

    public static Dataset<Row> aggregate(Dataset<Row> mentions, int maxEntitiesPerArticle) {
        Dataset<Row> perArticle = mentions
                .groupBy(col("article_id"), col("published_date"), col("entity_id"), col("entity_name"), col("entity_type"))
                .agg(count(lit(1)).as("__mentions"))
                .withColumn("__rank", row_number().over(Window.partitionBy("article_id")
                        .orderBy(col("__mentions").desc(), col("entity_id").asc())))
                .where(col("__rank").leq(maxEntitiesPerArticle))
                .drop("__mentions", "__rank");
        Dataset<Row> a = perArticle.toDF("article_id", "published_date", "entity_a", "entity_a_name", "entity_a_type");
        Dataset<Row> b = perArticle.select(col("article_id").as("b_article"), col("entity_id").as("entity_b"),
                col("entity_name").as("entity_b_name"), col("entity_type").as("entity_b_type"));
        Dataset<Row> articlePairs = a.join(b, a.col("article_id").equalTo(b.col("b_article"))
                        .and(a.col("entity_a").lt(b.col("entity_b"))))
                .drop("b_article");

        Dataset<Row> paired = perArticle.select(col("article_id").as("__p_article"), col("entity_id").as("__p_entity"));
        Dataset<Row> perSentence = mentions.select(col("article_id"), col("sentence_index"), col("entity_id")).distinct()
                .join(paired, col("article_id").equalTo(col("__p_article")).and(col("entity_id").equalTo(col("__p_entity"))),
                        "left_semi");
        Dataset<Row> sa = perSentence.toDF("s_article", "s_sentence", "s_a");
        Dataset<Row> sb = perSentence.toDF("t_article", "t_sentence", "s_b");
        Dataset<Row> sentencePairs = sa.join(sb, sa.col("s_article").equalTo(sb.col("t_article"))
                        .and(sa.col("s_sentence").equalTo(sb.col("t_sentence")))
                        .and(sa.col("s_a").lt(sb.col("s_b"))))
                .groupBy(col("s_article"), col("s_a"), col("s_b"))
                .agg(count(lit(1)).as("pair_sentences"));

        return articlePairs
                .join(sentencePairs, articlePairs.col("article_id").equalTo(sentencePairs.col("s_article"))
                        .and(articlePairs.col("entity_a").equalTo(sentencePairs.col("s_a")))
                        .and(articlePairs.col("entity_b").equalTo(sentencePairs.col("s_b"))), "left")
                .groupBy(col("published_date"), col("entity_a"), col("entity_b"), col("entity_a_name"),
                        col("entity_a_type"), col("entity_b_name"), col("entity_b_type"))
                .agg(count(lit(1)).as("articles"), coalesce(sum(col("pair_sentences")), lit(0L)).as("sentences"));
    }
}
