package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
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
 * <p>The mentions are gathered per article ({@link #byArticle}: one shuffle of five small columns), the
 * article's pairs are made in one pass over them, range-partitioned and sorted by {@code (entity_a, entity_b,
 * published_date)} (the second and last shuffle), and equal pairs, now adjacent, are summed while streaming
 * through each sorted partition ({@link #sortedPairs}): no joins, no hash aggregation (which on a table where
 * most pairs are seen once mostly spilled), and no second sort for writing: each partition is one file's rows,
 * in order.
 */
public final class EntityPairAggregator {
    private EntityPairAggregator() {}

    /** The order of {@code entity_pairs}' rows (the first three columns); the rest only break ties. */
    private static final String[] ORDER = {"entity_a", "entity_b", "published_date", "entity_a_name", "entity_a_type",
        "entity_b_name", "entity_b_type"};

    /** {@code entity_pairs} in one partition, rows in order (tests and small inputs). */
    public static Dataset<Row> aggregate(Dataset<Row> mentions, int maxEntitiesPerArticle) {
        return sortedPairs(byArticle(mentions), maxEntitiesPerArticle, 1);
    }

    /** One row per article: {@code article_id} and {@code m}, its mentions' date, id, name, type and sentence. */
    public static Dataset<Row> byArticle(Dataset<Row> mentions) {
        return mentions
                .groupBy(col("article_id"))
                .agg(collect_list(struct(col("published_date"), col("entity_id"), col("entity_name"),
                        col("entity_type"), col("sentence_index"))).as("m"));
    }

    /**
     * At most how many rows {@code entity_pairs} gets from these articles ({@link #byArticle}): the sum of
     * their pair counts before equal pairs are summed. Cheap (one pass, nothing shuffled); sizes the output.
     */
    public static long pairsAtMost(Dataset<Row> byArticle, int maxEntitiesPerArticle) {
        int max = maxEntitiesPerArticle;
        MapFunction<Row, Long> bound = article -> {
            if (article.isNullAt(0)) {
                return 0L;
            }
            Set<Named> named = new HashSet<>();
            for (Row m : article.<Row>getList(1)) {
                named.add(Named.of(m));
            }
            long k = Math.min(named.size(), max);
            return k * (k - 1) / 2;
        };
        Row sum = byArticle.map(bound, Encoders.LONG()).agg(org.apache.spark.sql.functions.sum(col("value"))).first();
        return sum.isNullAt(0) ? 0 : sum.getLong(0);
    }

    /**
     * {@code entity_pairs} from the articles' mentions ({@link #byArticle}) in {@code partitions} ranges of
     * {@code (entity_a, entity_b, published_date)}, each partition's rows sorted by them (then by the names
     * and types), so that partition {@code i} holds rows all before those of partition {@code i + 1}.
     */
    public static Dataset<Row> sortedPairs(Dataset<Row> byArticle, int maxEntitiesPerArticle, int partitions) {
        StructType in = (StructType) ((org.apache.spark.sql.types.ArrayType) byArticle.schema().apply("m").dataType())
                .elementType();
        StructField[] keys = {
            field("published_date", in, "published_date"),
            field("entity_a", in, "entity_id"),
            field("entity_b", in, "entity_id"),
            field("entity_a_name", in, "entity_name"),
            field("entity_a_type", in, "entity_type"),
            field("entity_b_name", in, "entity_name"),
            field("entity_b_type", in, "entity_type")
        };
        StructType pairs = new StructType(keys).add("pair_sentences", DataTypes.LongType, false);
        StructType summed = new StructType(keys).add("articles", DataTypes.LongType, false)
                .add("sentences", DataTypes.LongType, false);
        int max = maxEntitiesPerArticle;
        // A null article id joins with nothing: no pairs.
        FlatMapFunction<Row, Row> articlePairs = article -> article.isNullAt(0) ? java.util.Collections.emptyIterator()
                : pairsOf(article.getList(1), max).iterator();
        Column[] order = java.util.Arrays.stream(ORDER).map(c -> col(c)).toArray(Column[]::new);
        return byArticle
                .flatMap(articlePairs, Encoders.row(pairs))
                .repartitionByRange(Math.max(1, partitions), order[0], order[1], order[2])
                .sortWithinPartitions(order)
                .mapPartitions((MapPartitionsFunction<Row, Row>) EntityPairAggregator::sumRuns, Encoders.row(summed));
    }

    /**
     * Sums runs of equal pairs (all seven key columns equal, adjacent because the rows are sorted): one row
     * per run with the run's length as {@code articles} and its {@code pair_sentences} summed as
     * {@code sentences}. Streams: holds one run at a time.
     */
    static java.util.Iterator<Row> sumRuns(java.util.Iterator<Row> sorted) {
        return new java.util.Iterator<>() {
            private Row pending = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new java.util.NoSuchElementException();
                }
                Row first = pending;
                long articles = 1;
                long sentences = first.getLong(7);
                pending = null;
                while (sorted.hasNext()) {
                    Row row = sorted.next();
                    if (!sameKey(first, row)) {
                        pending = row;
                        break;
                    }
                    articles++;
                    sentences += row.getLong(7);
                }
                return RowFactory.create(first.get(0), first.get(1), first.get(2), first.get(3), first.get(4),
                        first.get(5), first.get(6), articles, sentences);
            }
        };
    }

    private static boolean sameKey(Row a, Row b) {
        for (int i = 0; i < 7; i++) {
            if (!java.util.Objects.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static StructField field(String name, StructType in, String from) {
        StructField f = in.apply(from);
        return DataTypes.createStructField(name, f.dataType(), f.nullable());
    }

    /** An entity as an article names it: date, id, name and type (the key its mentions are counted under). */
    private record Named(Object date, String id, String name, String type) {
        /** The entity of a mention row (date, id, name, type, sentence index). */
        static Named of(Row mention) {
            return new Named(mention.get(0), mention.getString(1), mention.getString(2), mention.getString(3));
        }
    }

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
            Named named = Named.of(m);
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
