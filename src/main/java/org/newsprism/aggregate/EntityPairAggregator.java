package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.broadcast;
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
 * in order. Until they are summed, pairs are numbers standing for the entities' strings ({@link EntityCodes}).
 */
public final class EntityPairAggregator {
    private EntityPairAggregator() {}

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
     *
     * <p>The pairs travel and sort as numbers: each distinct entity (id, name, type) gets its position in
     * Spark's own sort order of those strings ({@link EntityCodes}, collected once and broadcast), the pairs
     * are shuffled and sorted as {@code (ranks of a's and b's ids as one number, date, code of a, code of b)}
     * ({@link #pairRank}; the same order as the strings') and summed, and only the summed rows get their
     * strings back.
     */
    public static Dataset<Row> sortedPairs(Dataset<Row> byArticle, int maxEntitiesPerArticle, int partitions) {
        StructType in = (StructType) ((org.apache.spark.sql.types.ArrayType) byArticle.schema().apply("m").dataType())
                .elementType();
        StructType coded = new StructType()
                .add("pair_rank", DataTypes.LongType, false)
                .add(field("published_date", in, "published_date"))
                .add("a_code", DataTypes.IntegerType, false)
                .add("b_code", DataTypes.IntegerType, false)
                .add("pair_sentences", DataTypes.IntegerType, false);
        StructType summed = new StructType()
                .add(field("published_date", in, "published_date"))
                .add("a_code", DataTypes.IntegerType, false)
                .add("b_code", DataTypes.IntegerType, false)
                .add("articles", DataTypes.LongType, false)
                .add("sentences", DataTypes.LongType, false);
        EntityCodes dictionary = EntityCodes.of(byArticle);
        org.apache.spark.broadcast.Broadcast<EntityCodes> codes = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(byArticle.sparkSession().sparkContext()).broadcast(dictionary);
        int max = maxEntitiesPerArticle;
        // A null article id joins with nothing: no pairs.
        FlatMapFunction<Row, Row> articlePairs = article -> article.isNullAt(0) ? java.util.Collections.emptyIterator()
                : codedPairsOf(article.getList(1), max, codes.value()).iterator();
        Dataset<Row> sums = byArticle
                .flatMap(articlePairs, Encoders.row(coded))
                .repartitionByRange(Math.max(1, partitions), col("pair_rank"), col("published_date"))
                .sortWithinPartitions(col("pair_rank"), col("published_date"), col("a_code"), col("b_code"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) EntityPairAggregator::sumRuns, Encoders.row(summed));
        // The strings come back by broadcast hash joins, which keep each partition's rows in their order.
        Dataset<Row> table = dictionary.asTable(byArticle.sparkSession(), in);
        Dataset<Row> a = broadcast(table.select(col("code").as("a_code"), col("id").as("entity_a"),
                col("name").as("entity_a_name"), col("type").as("entity_a_type")));
        Dataset<Row> b = broadcast(table.select(col("code").as("b_code"), col("id").as("entity_b"),
                col("name").as("entity_b_name"), col("type").as("entity_b_type")));
        return sums.join(a, "a_code").join(b, "b_code").select(col("published_date"), col("entity_a"), col("entity_b"),
                col("entity_a_name"), col("entity_a_type"), col("entity_b_name"), col("entity_b_type"),
                col("articles"), col("sentences"));
    }

    /**
     * The distinct entities (id, name, type) of the mentions in Spark's ascending sort order of those three
     * strings, each with its code (its position) and the rank of its id (equal ids, equal ranks), so that
     * sorting codes and ranks sorts as the strings would. Built on the driver, broadcast to the tasks.
     */
    static final class EntityCodes implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String[] ids;
        private final String[] names;
        private final String[] types;
        private final int[] idRanks;
        /** Built on first use in each JVM; volatile so that other task threads see it complete. */
        private transient volatile Map<Named, Integer> index;

        private EntityCodes(List<Row> sorted) {
            int n = sorted.size();
            ids = new String[n];
            names = new String[n];
            types = new String[n];
            idRanks = new int[n];
            for (int i = 0; i < n; i++) {
                Row r = sorted.get(i);
                ids[i] = r.getString(0);
                names[i] = r.getString(1);
                types[i] = r.getString(2);
                idRanks[i] = i == 0 ? 0 : ids[i].equals(ids[i - 1]) ? idRanks[i - 1] : idRanks[i - 1] + 1;
            }
        }

        /** The entities with an id that {@link #byArticle}'s rows mention, sorted by Spark (one small job). */
        static EntityCodes of(Dataset<Row> byArticle) {
            Dataset<Row> entities = byArticle.select(org.apache.spark.sql.functions.explode(col("m")).as("e"))
                    .select(col("e.entity_id").as("id"), col("e.entity_name").as("name"), col("e.entity_type").as("type"))
                    .where(col("id").isNotNull())
                    .distinct();
            return new EntityCodes(entities.orderBy(col("id"), col("name"), col("type")).collectAsList());
        }

        /** The dictionary as a table of {@code code}, {@code id}, {@code name}, {@code type} (the mentions' types). */
        Dataset<Row> asTable(org.apache.spark.sql.SparkSession spark, StructType mentions) {
            List<Row> rows = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                rows.add(RowFactory.create(i, ids[i], names[i], types[i]));
            }
            StructType schema = new StructType().add("code", DataTypes.IntegerType, false)
                    .add(field("id", mentions, "entity_id")).add(field("name", mentions, "entity_name"))
                    .add(field("type", mentions, "entity_type"));
            return spark.createDataFrame(rows, schema);
        }

        /** The code of an entity this dictionary holds. */
        int code(Named entity) {
            if (index == null) {
                Map<Named, Integer> built = new HashMap<>(ids.length * 2);
                for (int i = 0; i < ids.length; i++) {
                    built.put(new Named(null, ids[i], names[i], types[i]), i);
                }
                index = built;
            }
            return index.get(new Named(null, entity.id(), entity.name(), entity.type()));
        }
    }

    /**
     * Sums runs of equal pairs (date and both codes equal, adjacent because the rows are sorted): one row
     * per run, {@code (date, a_code, b_code, articles, sentences)}, with the run's length as
     * {@code articles} and its {@code pair_sentences} summed as {@code sentences}. Streams: holds one run at a
     * time.
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
                long sentences = first.getInt(4);
                pending = null;
                while (sorted.hasNext()) {
                    Row row = sorted.next();
                    if (row.getInt(2) != first.getInt(2) || row.getInt(3) != first.getInt(3)
                            || !java.util.Objects.equals(row.get(1), first.get(1))) {
                        pending = row;
                        break;
                    }
                    articles++;
                    sentences += row.getInt(4);
                }
                return RowFactory.create(first.get(1), first.getInt(2), first.getInt(3), articles, sentences);
            }
        };
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
     * date), and for every two of them with {@code a < b} by id one row {@code (pair rank of their ids, date,
     * code of a, code of b, sentences naming both ids)} ({@link EntityCodes}, {@link #pairRank}).
     */
    static List<Row> codedPairsOf(List<Row> mentions, int max, EntityCodes codes) {
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
        List<Integer> topCodes = new ArrayList<>();
        for (int i = 0; i < ranked.size() && i < max; i++) {
            Named named = ranked.get(i).getKey();
            top.add(named);
            topCodes.add(named.id() == null ? -1 : codes.code(named));
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Named a = top.get(i);
            for (int j = 0; j < top.size(); j++) {
                Named b = top.get(j);
                if (a.id() == null || b.id() == null || a.id().compareTo(b.id()) >= 0) {
                    continue;
                }
                int aCode = topCodes.get(i);
                int bCode = topCodes.get(j);
                out.add(RowFactory.create(pairRank(codes.idRanks[aCode], codes.idRanks[bCode]), a.date(), aCode,
                        bCode, shared(sentencesById.get(a.id()), sentencesById.get(b.id()))));
            }
        }
        return out;
    }

    /**
     * The ranks of a pair's two ids as one number that sorts as the pair does ({@code a} first): the sort then
     * tells nearly all rows apart by its 8-byte prefix alone, where the rank of {@code a} alone left every row
     * of a frequent entity to a full comparison of the rows.
     */
    static long pairRank(int aRank, int bRank) {
        return ((long) aRank << 32) | bRank;
    }

    /** The number of sentences in both sets (none when either is missing). */
    private static int shared(Set<Integer> a, Set<Integer> b) {
        if (a == null || b == null) {
            return 0;
        }
        Set<Integer> small = a.size() <= b.size() ? a : b;
        Set<Integer> large = small == a ? b : a;
        int n = 0;
        for (Integer s : small) {
            if (large.contains(s)) {
                n++;
            }
        }
        return n;
    }
}
