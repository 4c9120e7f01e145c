package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;
import org.newsprism.nlp.Entity;

class EntityTableTest {
    /**
     * A mention row; its article's date, source and language follow from the article id, as in the job,
     * where every mention carries its article's.
     */
    private static Row mention(String article, String id, String name, String type, String surface, boolean discovered) {
        int h = Math.floorMod(article.hashCode(), 1000);
        String date = h % 7 == 0 ? null : "2026-01-0" + (1 + h % 5);
        return TestMentions.row(article, id, name, type, surface, discovered, (h % 11) / 10.0, "neutral", date,
                "source " + (h % 3), h % 2 == 0 ? "de" : "en");
    }

    private static Dataset<Row> seen(Dataset<Row> mentions) {
        return EntityTable.seen(mentions, EntityDailyAggregator.aggregate(mentions));
    }

    @Test
    void catalogueAliasesForCatalogueEntitiesAndSeenFormsForDiscoveredOnes() {
        Dataset<Row> mentions = TestMentions.of(List.of(
                mention("a1", "vladimir-putin", "Wladimir Putin", "PER", "Putin", false),
                mention("a1", "vladimir-putin", "Wladimir Putin", "PER", "Putins", false),
                mention("a2", "vladimir-putin", "Wladimir Putin", "PER", "Putin", false),
                mention("a2", "x-per-anna-kesselring", "Anna Kesselring", "PER", "Kesselring", true),
                mention("a2", "x-per-anna-kesselring", "Anna Kesselring", "PER", "Anna Kesselring", true)));
        List<Entity> catalogue = List.of(new Entity("vladimir-putin", "PER", "Wladimir Putin",
                List.of("Putin", "Wladimir Putin"), List.of()));
        List<Row> rows = EntityTable.build(SharedSpark.session(), mentions,
                EntityDailyAggregator.aggregate(mentions), catalogue).orderBy("entity_id").collectAsList();
        assertEquals(2, rows.size());
        Row putin = rows.get(0);
        assertEquals("vladimir-putin", putin.getAs("entity_id"));
        assertEquals(true, putin.getAs("from_catalogue"));
        assertEquals(List.of("Putin", "Wladimir Putin"), putin.getList(putin.fieldIndex("aliases")));
        assertEquals(List.of("Putin", "Putins"), putin.getList(putin.fieldIndex("surfaces")));
        assertEquals(3L, putin.<Long>getAs("mentions"));
        assertEquals(2L, putin.<Long>getAs("articles"));
        Row anna = rows.get(1);
        assertEquals(false, anna.getAs("from_catalogue"));
        assertEquals(List.of("Anna Kesselring", "Kesselring"), anna.getList(anna.fieldIndex("aliases")));
        assertEquals(1L, anna.<Long>getAs("articles"));
    }

    /**
     * The counts (summed from entity_daily) and surfaces against one aggregation over all mentions
     * (collect_set and a distinct count of articles), on random mentions with null names, types, surfaces and
     * dates and ids under two names: the same schema and rows.
     */
    @Test
    void equalsTheSingleAggregation() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int e = random.nextInt(300);
            String name = e % 41 == 0 ? null : random.nextInt(20) == 0 ? "other name " + e : "name " + e;
            String type = e % 53 == 0 ? null : e % 2 == 0 ? "PER" : "ORG";
            String surface = random.nextInt(50) == 0 ? null : "form " + random.nextInt(4) + " of " + e;
            rows.add(mention("a" + random.nextInt(400), "e" + e, name, type, surface, random.nextBoolean()));
        }
        Dataset<Row> mentions = TestMentions.of(rows);
        String[] columns = {"entity_id", "entity_name", "entity_type", "from_catalogue", "surfaces", "mentions", "articles"};
        Dataset<Row> actual = seen(mentions).selectExpr(columns);
        Dataset<Row> expected = singleAggregation(mentions).selectExpr(columns);
        assertEquals(expected.schema(), actual.schema());
        List<String> e = expected.collectAsList().stream().map(Row::toString).sorted().toList();
        List<String> a = actual.collectAsList().stream().map(Row::toString).sorted().toList();
        assertTrue(e.size() > 300, "entities under several names and types: " + e.size());
        assertEquals(e, a);
    }

    private static Dataset<Row> singleAggregation(Dataset<Row> mentions) {
        return mentions.groupBy(col("entity_id"), col("entity_name"), col("entity_type"))
                .agg(functions.max(not(col("discovered"))).as("from_catalogue"),
                        array_sort(collect_set(col("surface"))).as("surfaces"),
                        count(lit(1)).as("mentions"),
                        countDistinct(col("article_id")).as("articles"));
    }
}
