package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
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
 *
 * <p>The mentions are gathered per article (one shuffle of four small columns), the article's pairs are
 * made in one pass over them, and the pairs are summed per date and pair (one more shuffle, after partial
 * aggregation): no joins.
 */
public final class EntityPairAggregator {
    private EntityPairAggregator() {}

    public static Dataset<Row> aggregate(Dataset<Row> mentions, int maxEntitiesPerArticle) {
        StructType in = mentions.schema();
        StructType pairs = new StructType(new StructField[] {
            field("published_date", in, "published_date"),
            field("entity_a", in, "entity_id"),
            field("entity_b", in, "entity_id"),
            field("entity_a_name", in, "entity_name"),
            field("entity_a_type", in, "entity_type"),
            field("entity_b_name", in, "entity_name"),
            field("entity_b_type", in, "entity_type"),
            DataTypes.createStructField("pair_sentences", DataTypes.LongType, false)
        });
        int max = maxEntitiesPerArticle;
        // A null article id joins with nothing: no pairs.
        FlatMapFunction<Row, Row> articlePairs = article -> article.isNullAt(0) ? java.util.Collections.emptyIterator()
                : pairsOf(article.getList(1), max).iterator();
        return mentions
                .groupBy(col("article_id"))
                .agg(collect_list(struct(col("published_date"), col("entity_id"), col("entity_name"),
                        col("entity_type"), col("sentence_index"))).as("m"))
                .flatMap(articlePairs, Encoders.row(pairs))
                .groupBy(col("published_date"), col("entity_a"), col("entity_b"), col("entity_a_name"),
                        col("entity_a_type"), col("entity_b_name"), col("entity_b_type"))
                .agg(count(lit(1)).as("articles"), coalesce(sum(col("pair_sentences")), lit(0L)).as("sentences"));
    }

    private static StructField field(String name, StructType in, String from) {
        StructField f = in.apply(from);
        return DataTypes.createStructField(name, f.dataType(), f.nullable());
    }

    /** An entity as an article names it: date, id, name and type (the key its mentions are counted under). */
    private record Named(Object date, String id, String name, String type) {}

    /**
     * The pairs of one article's mentions (rows of date, id, name, type, sentence index): its entities
     * counted, the {@code max} most mentioned kept (ties: smallest id, a null id first, then name, type and
     * date), and for every two of them with
     * {@code a < b} by id one row with the number of sentences naming both ids.
     */
    static List<Row> pairsOf(List<Row> mentions, int max) {
        Map<Named, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<Integer>> sentencesById = new HashMap<>();
        for (Row m : mentions) {
            Named named = new Named(m.get(0), m.getString(1), m.getString(2), m.getString(3));
            counts.merge(named, 1, Integer::sum);
            if (!m.isNullAt(4) && named.id() != null) {
                sentencesById.computeIfAbsent(named.id(), k -> new HashSet<>()).add(m.getInt(4));
            }
        }
        List<Map.Entry<Named, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.<Map.Entry<Named, Integer>>comparingInt(e -> -e.getValue())
                .thenComparing(e -> e.getKey().id(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> String.valueOf(e.getKey().name()))
                .thenComparing(e -> String.valueOf(e.getKey().type()))
                .thenComparing(e -> String.valueOf(e.getKey().date())));
        List<Named> top = new ArrayList<>();
        for (int i = 0; i < ranked.size() && i < max; i++) {
            top.add(ranked.get(i).getKey());
        }
        List<Row> out = new ArrayList<>();
        for (Named a : top) {
            for (Named b : top) {
                if (a.id() == null || b.id() == null || a.id().compareTo(b.id()) >= 0) {
                    continue;
                }
                out.add(RowFactory.create(a.date(), a.id(), b.id(), a.name(), a.type(), b.name(), b.type(),
                        shared(sentencesById.get(a.id()), sentencesById.get(b.id()))));
            }
        }
        return out;
    }

    /** The number of sentences in both sets (none when either is missing). */
    private static long shared(Set<Integer> a, Set<Integer> b) {
        if (a == null || b == null) {
            return 0;
        }
        Set<Integer> small = a.size() <= b.size() ? a : b;
        Set<Integer> large = small == a ? b : a;
        long n = 0;
        for (Integer s : small) {
            if (large.contains(s)) {
                n++;
            }
        }
        return n;
    }
}
