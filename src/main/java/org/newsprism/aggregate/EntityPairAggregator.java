package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage "aggregate" (co-mentions): mentions in, {@code entity_pairs} out: one row per published date and
 * pair of entities named in the same article, the pair in a stable order ({@code entity_a < entity_b} by
 * id), with their names and types, the number of articles naming both, and the number of sentences naming
 * both. Articles without a date aggregate under a null date.
 *
 * <p>Before: article {@code x} (2025-08-18) mentions Putin and Trump in sentence 0 and Putin again with
 * Kyiv in sentence 1. After: {@code (2025-08-18, donald-trump, vladimir-putin, articles 1, sentences 1)},
 * {@code (2025-08-18, kyiv, vladimir-putin, 1, 1)} and {@code (2025-08-18, donald-trump, kyiv, 1, 0)}.
 *
 * <p>Each article contributes the pairs among at most {@code maxEntitiesPerArticle} of its entities: those
 * it mentions most often (ties: smallest {@code entity_id}), so that one article listing a hundred names
 * does not add thousands of pairs. Reads {@code output.entity-pairs.max-entities-per-article} (passed in).
 */
public final class EntityPairAggregator {
    private static final StructType ARTICLE_PAIR = new StructType()
            .add("published_date", DataTypes.DateType, true)
            .add("entity_a", DataTypes.StringType, false)
            .add("entity_b", DataTypes.StringType, false)
            .add("entity_a_name", DataTypes.StringType, true)
            .add("entity_a_type", DataTypes.StringType, true)
            .add("entity_b_name", DataTypes.StringType, true)
            .add("entity_b_type", DataTypes.StringType, true)
            .add("pair_sentences", DataTypes.LongType, false);

    private EntityPairAggregator() {}

    public static Dataset<Row> aggregate(Dataset<Row> mentions, int maxEntitiesPerArticle) {
        // One shuffle gathers each article's mentions; its pairs are made in plain Java (an article has at most
        // maxEntitiesPerArticle entities), and one more shuffle sums them per date and pair.
        Dataset<Row> articles = mentions
                .groupBy(col("article_id"), col("published_date"))
                .agg(collect_list(struct(col("entity_id"), col("entity_name"), col("entity_type"), col("sentence_index")))
                        .as("__mentions"));
        int dateIndex = 1;
        int mentionsIndex = 2;
        MapPartitionsFunction<Row, Row> pairs = rows -> new FlatIterator(rows, row -> articlePairs(row.isNullAt(dateIndex)
                ? null : row.get(dateIndex), row.getList(mentionsIndex), maxEntitiesPerArticle));
        return articles.mapPartitions(pairs, Encoders.row(ARTICLE_PAIR))
                .groupBy(col("published_date"), col("entity_a"), col("entity_b"), col("entity_a_name"),
                        col("entity_a_type"), col("entity_b_name"), col("entity_b_type"))
                .agg(count(lit(1)).as("articles"), sum(col("pair_sentences")).as("sentences"));
    }

    /** One article's entity, its mention count and the sentences naming it. */
    private static final class Named {
        final String id;
        final String name;
        final String type;
        final BitSet sentences = new BitSet();
        int mentions;

        Named(String id, String name, String type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }
    }

    /**
     * The pairs of one article: among its {@code max} most mentioned entities (ties: smallest id), each pair
     * {@code a < b} by id with the number of sentences naming both.
     */
    static List<Row> articlePairs(Object date, List<Row> mentions, int max) {
        Map<String, Named> byId = new HashMap<>();
        for (Row m : mentions) {
            Named e = byId.computeIfAbsent(m.getString(0), id -> new Named(id, m.getString(1), m.getString(2)));
            e.mentions++;
            if (!m.isNullAt(3)) {
                e.sentences.set(m.getInt(3));
            }
        }
        List<Named> chosen = new ArrayList<>(byId.values());
        chosen.sort(Comparator.comparingInt((Named e) -> -e.mentions).thenComparing(e -> e.id));
        if (chosen.size() > max) {
            chosen = new ArrayList<>(chosen.subList(0, max));
        }
        chosen.sort(Comparator.comparing(e -> e.id));
        List<Row> out = new ArrayList<>(chosen.size() * (chosen.size() - 1) / 2);
        for (int i = 0; i < chosen.size(); i++) {
            Named a = chosen.get(i);
            for (int j = i + 1; j < chosen.size(); j++) {
                Named b = chosen.get(j);
                BitSet shared = (BitSet) a.sentences.clone();
                shared.and(b.sentences);
                out.add(RowFactory.create(date, a.id, b.id, a.name, a.type, b.name, b.type, (long) shared.cardinality()));
            }
        }
        return out;
    }

    /** Lazily flattens the rows each input row expands to. */
    private static final class FlatIterator implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final java.util.function.Function<Row, List<Row>> expand;
        private Iterator<Row> current = java.util.Collections.emptyIterator();

        FlatIterator(Iterator<Row> rows, java.util.function.Function<Row, List<Row>> expand) {
            this.rows = rows;
            this.expand = expand;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && rows.hasNext()) {
                current = expand.apply(rows.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }
    }
}
