package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsprism.io.Shuffles;

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
 * <p>The mentions are gathered per article ({@link #byArticle}: one shuffle of five small columns). A
 * {@link Plan} then numbers the entities and dates ({@link EntityCodes}) and counts, in one pass, the pairs
 * each entity begins: the table's size and its ranges. Each article's pairs are made as one number each
 * ({@link EntityCodes#pairKey}, which sorts as the pair's strings do), sent to their range, sorted (a radix
 * sort of one long) and equal pairs, now adjacent, summed while streaming through each sorted partition: no
 * shuffled joins (the strings come back by broadcast), no hash aggregation (which on a table where most pairs
 * are seen once mostly spilled), no sampling pass for the ranges, and no second sort for writing: each
 * partition is one file's rows, in order.
 */
public final class EntityPairAggregator {
    private EntityPairAggregator() {}

    /** {@code entity_pairs} in one partition, rows in order (tests and small inputs). */
    public static Dataset<Row> aggregate(Dataset<Row> mentions, int maxEntitiesPerArticle) {
        return plan(byArticle(mentions), maxEntitiesPerArticle).sortedPairs(1);
    }

    /** One row per article: {@code article_id} and {@code m}, its mentions' date, id, name, type and sentence. */
    public static Dataset<Row> byArticle(Dataset<Row> mentions) {
        return mentions
                .groupBy(col("article_id"))
                .agg(collect_list(struct(col("published_date"), col("entity_id"), col("entity_name"),
                        col("entity_type"), col("sentence_index"))).as("m"));
    }

    /**
     * The plan of {@code entity_pairs} for these articles ({@link #byArticle}, which should be persisted): the
     * entities and dates numbered (two small jobs, collected and broadcast) and the pairs each entity begins
     * counted (one pass over the articles, nothing but those counts shuffled).
     */
    public static Plan plan(Dataset<Row> byArticle, int maxEntitiesPerArticle) {
        StructType mentionType = (StructType) ((ArrayType) byArticle.schema().apply("m").dataType()).elementType();
        EntityCodes dictionary = EntityCodes.of(byArticle);
        Broadcast<EntityCodes> codes = JavaSparkContext.fromSparkContext(byArticle.sparkSession().sparkContext())
                .broadcast(dictionary);
        int max = maxEntitiesPerArticle;
        StructType counted = new StructType().add("rank", DataTypes.IntegerType, false)
                .add("pairs", DataTypes.LongType, false);
        MapPartitionsFunction<Row, Row> countPairs = articles -> {
            EntityCodes c = codes.value();
            long[] begun = new long[c.rankCount()];
            while (articles.hasNext()) {
                Row article = articles.next();
                if (!article.isNullAt(0)) {
                    ArticleEntities.of(article.getList(1), max, c).countPairs(begun);
                }
            }
            List<Row> out = new ArrayList<>();
            for (int r = 0; r < begun.length; r++) {
                if (begun[r] > 0) {
                    out.add(RowFactory.create(r, begun[r]));
                }
            }
            return out.iterator();
        };
        long[] pairsByRank = new long[dictionary.rankCount()];
        byArticle.mapPartitions(countPairs, Encoders.row(counted)).groupBy(col("rank")).agg(sum(col("pairs")))
                .collectAsList().forEach(r -> pairsByRank[r.getInt(0)] = r.getLong(1));
        return new Plan(byArticle, max, mentionType, dictionary, codes, pairsByRank);
    }

    /**
     * {@code entity_pairs} of one set of articles, before it is made: its size bound ({@link #pairsAtMost})
     * and the table itself in any number of ranges ({@link #sortedPairs}).
     */
    public static final class Plan {
        private final Dataset<Row> byArticle;
        private final int max;
        private final StructType mentionType;
        private final EntityCodes dictionary;
        private final Broadcast<EntityCodes> codes;
        private final long[] pairsByRank;
        private final long pairsAtMost;

        private Plan(Dataset<Row> byArticle, int max, StructType mentionType, EntityCodes dictionary,
                Broadcast<EntityCodes> codes, long[] pairsByRank) {
            this.byArticle = byArticle;
            this.max = max;
            this.mentionType = mentionType;
            this.dictionary = dictionary;
            this.codes = codes;
            this.pairsByRank = pairsByRank;
            this.pairsAtMost = Arrays.stream(pairsByRank).sum();
        }

        /** At most how many rows {@code entity_pairs} gets: the articles' pairs before equal ones are summed. */
        public long pairsAtMost() {
            return pairsAtMost;
        }

        /**
         * {@code entity_pairs} in {@code partitions} ranges of {@code (entity_a, entity_b, published_date)},
         * each partition's rows sorted by them (then by the names and types), so that partition {@code i}
         * holds rows all before those of partition {@code i + 1}. The ranges split the entities {@code a} so
         * that each holds about as many pairs (an entity's pairs stay in one range).
         */
        public Dataset<Row> sortedPairs(int partitions) {
            int n = Math.max(1, partitions);
            int[] rangeOfRank = ranges(pairsByRank, n);
            int[] bucketOfRange = Shuffles.hashBuckets(n);
            StructType keyed = new StructType()
                    .add("bucket", DataTypes.IntegerType, false)
                    .add("pair_key", DataTypes.LongType, false)
                    .add("pair_sentences", DataTypes.IntegerType, false);
            StructType summed = new StructType()
                    .add("date_index", DataTypes.IntegerType, false)
                    .add("a_code", DataTypes.IntegerType, false)
                    .add("b_code", DataTypes.IntegerType, false)
                    .add("articles", DataTypes.LongType, false)
                    .add("sentences", DataTypes.LongType, false);
            Broadcast<EntityCodes> c = codes;
            int m = max;
            // A null article id joins with nothing: no pairs.
            FlatMapFunction<Row, Row> articlePairs = article -> article.isNullAt(0) ? Collections.emptyIterator()
                    : ArticleEntities.of(article.getList(1), m, c.value()).pairs(rangeOfRank, bucketOfRange).iterator();
            Dataset<Row> sums = byArticle
                    .flatMap(articlePairs, Encoders.row(keyed))
                    .repartition(n, col("bucket"))
                    .select(col("pair_key"), col("pair_sentences"))
                    .sortWithinPartitions(col("pair_key"))
                    .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> sumRuns(rows, c.value()),
                            Encoders.row(summed));
            // The strings and dates come back by broadcast hash joins, which keep each partition's rows in order.
            SparkSession spark = byArticle.sparkSession();
            Dataset<Row> entities = dictionary.entityTable(spark, mentionType);
            Dataset<Row> a = broadcast(entities.select(col("code").as("a_code"), col("id").as("entity_a"),
                    col("name").as("entity_a_name"), col("type").as("entity_a_type")));
            Dataset<Row> b = broadcast(entities.select(col("code").as("b_code"), col("id").as("entity_b"),
                    col("name").as("entity_b_name"), col("type").as("entity_b_type")));
            Dataset<Row> dates = broadcast(dictionary.dateTable(spark, mentionType));
            return sums.join(dates, "date_index").join(a, "a_code").join(b, "b_code")
                    .select(col("published_date"), col("entity_a"), col("entity_b"), col("entity_a_name"),
                            col("entity_a_type"), col("entity_b_name"), col("entity_b_type"), col("articles"),
                            col("sentences"));
        }
    }

    /**
     * The range of each entity rank among {@code n}: ranks in order, each in the {@code 1/n} of all pairs where
     * the middle of its own pairs falls, so that the ranges hold about equal numbers of pairs.
     */
    static int[] ranges(long[] pairsByRank, int n) {
        long total = Arrays.stream(pairsByRank).sum();
        int[] range = new int[pairsByRank.length];
        long before = 0;
        for (int r = 0; r < pairsByRank.length; r++) {
            range[r] = total == 0 ? 0 : (int) Math.min(n - 1, (long) ((before + pairsByRank[r] / 2.0) / total * n));
            before += pairsByRank[r];
        }
        return range;
    }

    /**
     * The distinct entities (id, name, type) of the mentions in Spark's ascending sort order of those three
     * strings, each with its code (its position), the rank of its id (equal ids, equal ranks) and its place
     * among the entities of its id; and the distinct dates, null first. A pair's key ({@link #pairKey}) built
     * from these sorts as the pair's strings and date do. Built on the driver, broadcast to the tasks.
     */
    static final class EntityCodes implements Serializable {
        private static final long serialVersionUID = 2L;
        private final String[] ids;
        private final String[] names;
        private final String[] types;
        private final int[] idRanks;
        /** The first code of each rank; {@code code - firstCodes[rank]} is the entity's place among its id's. */
        private final int[] firstCodes;
        /** The most entities one id has (its names and types). */
        private final int variants;
        /** The dates in ascending order, index 0 null (for the driver's table of them). */
        private final Object[] dates;
        /**
         * The same dates as days since 1970-01-01, as the driver read them. A {@code java.sql.Date} is an instant
         * at midnight in its JVM's default time zone, so an executor with another zone would not find the driver's
         * dates equal to its own; the day they stand for is the same everywhere.
         */
        private final long[] epochDays;
        /** Built on first use in each JVM; volatile so that other task threads see it complete. */
        private transient volatile Map<Named, Integer> index;
        private transient volatile Map<Long, Integer> dateIndex;

        EntityCodes(List<Row> sortedEntities, List<Object> sortedDates) {
            int n = sortedEntities.size();
            ids = new String[n];
            names = new String[n];
            types = new String[n];
            idRanks = new int[n];
            List<Integer> firsts = new ArrayList<>();
            int most = 1;
            for (int i = 0; i < n; i++) {
                Row r = sortedEntities.get(i);
                ids[i] = r.getString(0);
                names[i] = r.getString(1);
                types[i] = r.getString(2);
                if (i > 0 && ids[i].equals(ids[i - 1])) {
                    idRanks[i] = idRanks[i - 1];
                    most = Math.max(most, i - firsts.get(idRanks[i]) + 1);
                } else {
                    idRanks[i] = firsts.size();
                    firsts.add(i);
                }
            }
            firstCodes = firsts.stream().mapToInt(Integer::intValue).toArray();
            variants = most;
            dates = new Object[sortedDates.size() + 1];
            epochDays = new long[dates.length];
            for (int i = 0; i < sortedDates.size(); i++) {
                dates[i + 1] = sortedDates.get(i);
                epochDays[i + 1] = epochDay(sortedDates.get(i));
            }
            // The keys must fit in a long: ranks² × dates × variants².
            try {
                Math.multiplyExact(Math.multiplyExact(Math.multiplyExact((long) rankCount(), rankCount()), dates.length),
                        Math.multiplyExact((long) variants, variants));
            } catch (ArithmeticException e) {
                throw new IllegalStateException("entity_pairs: " + rankCount() + " entity ids on " + dates.length
                        + " dates are too many to number the pairs in a long", e);
            }
        }

        /** The entities with an id and the dates that {@link #byArticle}'s rows mention, sorted by Spark. */
        static EntityCodes of(Dataset<Row> byArticle) {
            Dataset<Row> mentioned = byArticle.select(explode(col("m")).as("e"));
            Dataset<Row> entities = mentioned
                    .select(col("e.entity_id").as("id"), col("e.entity_name").as("name"), col("e.entity_type").as("type"))
                    .where(col("id").isNotNull())
                    .distinct();
            List<Object> dates = new ArrayList<>();
            mentioned.select(col("e.published_date").as("d")).where(col("d").isNotNull()).distinct().orderBy(col("d"))
                    .collectAsList().forEach(r -> dates.add(r.get(0)));
            return new EntityCodes(entities.orderBy(col("id"), col("name"), col("type")).collectAsList(), dates);
        }

        int rankCount() {
            return firstCodes.length;
        }

        /**
         * A pair's key: {@code (rank of a, rank of b, date, a's place, b's place)} as the digits of one
         * number, so that keys sort as {@code (entity_a, entity_b, published_date, a's name and type, b's)}.
         */
        long pairKey(int aCode, int bCode, int date) {
            long key = (long) idRanks[aCode] * rankCount() + idRanks[bCode];
            key = key * dates.length + date;
            key = key * variants + (aCode - firstCodes[idRanks[aCode]]);
            return key * variants + (bCode - firstCodes[idRanks[bCode]]);
        }

        /** A pair key's {@code (date index, code of a, code of b)}. */
        int[] decode(long key) {
            int bPlace = (int) (key % variants);
            key /= variants;
            int aPlace = (int) (key % variants);
            key /= variants;
            int date = (int) (key % dates.length);
            key /= dates.length;
            int bRank = (int) (key % rankCount());
            int aRank = (int) (key / rankCount());
            return new int[] {date, firstCodes[aRank] + aPlace, firstCodes[bRank] + bPlace};
        }

        /** The entities as a table of {@code code}, {@code id}, {@code name}, {@code type} (the mentions' types). */
        Dataset<Row> entityTable(SparkSession spark, StructType mentions) {
            List<Row> rows = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                rows.add(RowFactory.create(i, ids[i], names[i], types[i]));
            }
            StructType schema = new StructType().add("code", DataTypes.IntegerType, false)
                    .add(field("id", mentions, "entity_id")).add(field("name", mentions, "entity_name"))
                    .add(field("type", mentions, "entity_type"));
            return spark.createDataFrame(rows, schema);
        }

        /** The dates as a table of {@code date_index} and {@code published_date} (index 0: null). */
        Dataset<Row> dateTable(SparkSession spark, StructType mentions) {
            List<Row> rows = new ArrayList<>(dates.length);
            for (int i = 0; i < dates.length; i++) {
                rows.add(RowFactory.create(i, dates[i]));
            }
            StructType schema = new StructType().add("date_index", DataTypes.IntegerType, false)
                    .add(field("published_date", mentions, "published_date"));
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

        /** The index of a date this dictionary holds (0 for null). */
        int date(Object date) {
            if (date == null) {
                return 0;
            }
            if (dateIndex == null) {
                Map<Long, Integer> built = new HashMap<>(dates.length * 2);
                for (int i = 1; i < epochDays.length; i++) {
                    built.put(epochDays[i], i);
                }
                dateIndex = built;
            }
            Integer index = dateIndex.get(epochDay(date));
            if (index == null) {
                throw new IllegalStateException("entity_pairs: the date " + date + " is not among the mentions' dates");
            }
            return index;
        }

        /** The calendar day of a Spark date value ({@code java.sql.Date}, or {@code LocalDate} with the Java 8 API). */
        private static long epochDay(Object date) {
            if (date instanceof java.time.LocalDate local) {
                return local.toEpochDay();
            }
            if (date instanceof java.sql.Date sql) {
                return sql.toLocalDate().toEpochDay();
            }
            throw new IllegalArgumentException("not a date: " + date.getClass().getName());
        }
    }

    /**
     * Sums runs of equal pair keys (adjacent because the rows {@code (pair_key, pair_sentences)} are sorted):
     * one row per run, {@code (date index, a_code, b_code, articles, sentences)}, with the run's length as
     * {@code articles} and its {@code pair_sentences} summed as {@code sentences}. Streams: holds one run at a
     * time.
     */
    static Iterator<Row> sumRuns(Iterator<Row> sorted, EntityCodes codes) {
        return new Iterator<>() {
            private Row pending = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                long key = pending.getLong(0);
                long articles = 1;
                long sentences = pending.getInt(1);
                pending = null;
                while (sorted.hasNext()) {
                    Row row = sorted.next();
                    if (row.getLong(0) != key) {
                        pending = row;
                        break;
                    }
                    articles++;
                    sentences += row.getInt(1);
                }
                int[] decoded = codes.decode(key);
                return RowFactory.create(decoded[0], decoded[1], decoded[2], articles, sentences);
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
     * The entities of one article that it pairs up: its entities counted, the {@code max} most mentioned kept
     * (ties: smallest id, a null id first, then name, type and date), each with its code, date index and the
     * sentences naming its id. Two of them pair when both have an id and {@code a}'s is the smaller.
     */
    static final class ArticleEntities {
        private final int[] codes;
        private final int[] ranks;
        private final int[] dates;
        private final List<Set<Integer>> sentences;
        private final EntityCodes dictionary;

        private ArticleEntities(int size, EntityCodes dictionary) {
            codes = new int[size];
            ranks = new int[size];
            dates = new int[size];
            sentences = new ArrayList<>(size);
            this.dictionary = dictionary;
        }

        /** The entities of an article's mentions (rows of date, id, name, type, sentence index). */
        static ArticleEntities of(List<Row> mentions, int max, EntityCodes dictionary) {
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
            ArticleEntities top = new ArticleEntities(Math.min(max, ranked.size()), dictionary);
            for (int i = 0; i < top.codes.length; i++) {
                Named named = ranked.get(i).getKey();
                top.codes[i] = named.id() == null ? -1 : dictionary.code(named);
                top.ranks[i] = named.id() == null ? -1 : dictionary.idRanks[top.codes[i]];
                top.dates[i] = dictionary.date(named.date());
                top.sentences.add(sentencesById.get(named.id()));
            }
            return top;
        }

        private boolean pairs(int i, int j) {
            return ranks[i] >= 0 && ranks[j] >= 0 && ranks[i] < ranks[j];
        }

        /** Adds the pairs each of these entities begins (as {@code entity_a}) to {@code begun}, by its id's rank. */
        void countPairs(long[] begun) {
            for (int i = 0; i < codes.length; i++) {
                for (int j = 0; j < codes.length; j++) {
                    if (pairs(i, j)) {
                        begun[ranks[i]]++;
                    }
                }
            }
        }

        /**
         * The article's pairs as rows {@code (bucket of a's range, pair key, sentences naming both ids)}, with
         * {@code rangeOfRank} and {@code bucketOfRange} from {@link #ranges} and {@link Shuffles#hashBuckets}.
         */
        List<Row> pairs(int[] rangeOfRank, int[] bucketOfRange) {
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < codes.length; i++) {
                for (int j = 0; j < codes.length; j++) {
                    if (pairs(i, j)) {
                        out.add(RowFactory.create(bucketOfRange[rangeOfRank[ranks[i]]],
                                dictionary.pairKey(codes[i], codes[j], dates[i]),
                                shared(sentences.get(i), sentences.get(j))));
                    }
                }
            }
            return out;
        }
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
