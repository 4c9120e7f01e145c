package org.newsprism.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;
import org.newsprism.nlp.AnnotateStage;

class OutputTablesTest {
    /** The annotated articles' columns that the mentions tables are made of, their mentions as annotated. */
    private static final StructType ANNOTATED = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("source", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("mentions", DataTypes.createArrayType(AnnotateStage.MENTION));

    private static Row mention(String id, int sentence) {
        return RowFactory.create(id, "<" + id + ">", "ORG", id, sentence * 10, sentence * 10 + 3, sentence, false,
                false, 0.1, "neutral");
    }

    private static Row article(String id, String date, Row... mentions) {
        return RowFactory.create(id, date == null ? null : Date.valueOf(date), "src", "de", List.of(mentions));
    }

    @Test
    void mentionsByArticleGroupsEachArticlesOwnMentionsAsTheMentionsTableWould() {
        List<Row> articles = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            List<Row> mentions = new ArrayList<>();
            for (int m = 0; m < a % 5; m++) {
                mentions.add(mention("e" + ((a * 7 + m * 3) % 9), m / 2));
            }
            articles.add(article("a" + a, a % 4 == 0 ? null : "2025-08-1" + (a % 3), mentions.toArray(Row[]::new)));
        }
        Dataset<Row> annotated = SharedSpark.session().createDataFrame(articles, ANNOTATED).repartition(3);

        Dataset<Row> fromArticles = OutputTables.mentionsByArticle(annotated);
        Dataset<Row> grouped = EntityPairAggregator.byArticle(OutputTables.mentions(annotated));
        assertEquals(grouped.schema().apply("m").dataType().sql(), fromArticles.schema().apply("m").dataType().sql());
        List<String> expected = rows(grouped);
        // Articles without mentions (a0, a5, a10) have no row in either.
        assertEquals(9, expected.size());
        assertEquals(expected, rows(fromArticles));
        assertEquals(EntityPairAggregator.plan(grouped, 3).sortedPairs(1).collectAsList(),
                EntityPairAggregator.plan(fromArticles, 3).sortedPairs(1).collectAsList());
    }

    /** Each article's row with its mentions in a fixed order, the articles sorted. */
    private static List<String> rows(Dataset<Row> byArticle) {
        return byArticle.collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getList(1).stream().map(Object::toString).sorted().toList())
                .sorted().toList();
    }
}
