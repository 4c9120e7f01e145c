package org.newsprism.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.newsprism.config.JobConfig;
import org.newsprism.io.Shuffles;

/**
 * Locality-sensitive hashing over MinHash signatures: {@code (doc long, signature binary)} in, candidate
 * pairs {@code (a long, b long)} out, {@code a < b}, each pair once.
 *
 * <p>The first {@code bands * rows} values of a signature are cut into {@code bands} bands of {@code rows}
 * consecutive values (the verification uses all of them); each band is hashed
 * with its index to a 64-bit bucket key (Murmur3). Two articles become candidates when they share at least
 * {@code minSharedBands} buckets. For Jaccard similarity {@code s} each band agrees with probability
 * {@code p = s^rows}, so a pair becomes a candidate with probability {@code P(Binomial(bands, p) >= minSharedBands)}:
 * with one band of 40 × 3 that is 0.995 at s = 0.5, 0.27 at 0.2 and 0.04 at 0.1; with two bands of 64 × 3 it is
 * 0.998 at s = 0.5, 0.09 at 0.2 and 0.002 at 0.1. Asking for two bands thus keeps the pairs worth verifying
 * and drops most of the dissimilar ones that share one band by chance, which in a corpus of templated
 * texts are many and grow with the square of its size.
 * Nothing compares all pairs: one row per article and band is shuffled to its bucket, and each bucket is
 * read once, its docs in ascending order; the pairs of all buckets are then sorted by a hash of the pair and counted.
 *
 * <p>In a bucket, each article is paired with the (at most) {@code maxComparisons} articles before it in
 * {@code doc} order. Small buckets thus give all their pairs; a huge bucket (thousands of boilerplate-only
 * or templated texts) gives a chain of overlapping windows instead of a quadratic number of pairs. The
 * windows overlap, so members that verify as similar still end up connected. Deterministic: the output
 * depends only on the input rows.
 *
 * <p>Example (bands 2, rows 2): signatures {@code 1:[7,8,9,4]}, {@code 2:[7,8,5,6]}, {@code 3:[1,2,9,4]}
 * share band 0 (1, 2) and band 1 (1, 3): pairs {@code (1,2), (1,3)}.
 * Reads {@code dedup.near.bands}, {@code dedup.near.rows}, {@code dedup.near.min-shared-bands} and
 * {@code dedup.near.max-bucket-comparisons}.
 */
public final class LshCandidates implements Serializable {
    /** The output schema. */
    public static final StructType PAIR_SCHEMA = new StructType()
            .add("a", DataTypes.LongType, false)
            .add("b", DataTypes.LongType, false);

    private static final StructType BUCKET_SCHEMA = new StructType()
            .add("bucket", DataTypes.LongType, false)
            .add("doc", DataTypes.LongType, false);
    private static final StructType ID_BUCKET_SCHEMA = new StructType()
            .add("bucket", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, true);
    /** The column {@link #sharingEnoughBands} sorts the pairs by. */
    private static final String PAIR_HASH = "__pair_hash";
    private static final int SEED_HIGH = 0x1b5_0001;
    private static final int SEED_LOW = 0x1b5_0002;

    /**
     * The per-bucket pairs expected per bucket row when the pair sort is sized (the pairs are counted only
     * as they are made): 2.4 on the benchmark's templated news at a million articles, up to
     * {@code max-bucket-comparisons} in the worst case.
     */
    static final int PAIRS_PER_BUCKET_ROW = 4;

    private final int bands;
    private final int rows;
    private final int minSharedBands;
    private final int maxComparisons;

    public LshCandidates(int bands, int rows, int minSharedBands, int maxComparisons) {
        if (bands < 1 || rows < 1 || minSharedBands < 1 || maxComparisons < 1) {
            throw new IllegalArgumentException("bands, rows, shared bands and max comparisons must be positive: "
                    + bands + ", " + rows + ", " + minSharedBands + ", " + maxComparisons);
        }
        if (minSharedBands > bands) {
            throw new IllegalArgumentException("cannot ask for " + minSharedBands + " shared bands of " + bands);
        }
        this.bands = bands;
        this.rows = rows;
        this.minSharedBands = minSharedBands;
        this.maxComparisons = maxComparisons;
    }

    /** The LSH settings of {@code dedup.near}. */
    public static LshCandidates of(JobConfig.NearDedup near) {
        return new LshCandidates(near.bands(), near.rows(), near.minSharedBands(), near.maxBucketComparisons());
    }

    /**
     * Candidate pairs among {@code signatures} (columns {@code doc}, {@code signature}; null signatures skipped),
     * which should be persisted: they are counted first, to size the shuffles ({@link Shuffles#sortTasks}).
     */
    public Dataset<Row> pairs(Dataset<Row> signatures) {
        int window = maxComparisons;
        MapPartitionsFunction<Row, Row> toPairs = sorted -> new WindowPairs(sorted, window);
        Dataset<Row> signed = signatures.where(col("signature").isNotNull()).select(col("doc"), col("signature"));
        long bucketRows = signed.count() * bands;
        return sharingEnoughBands(signed
                .flatMap(toBuckets("doc"), Encoders.row(BUCKET_SCHEMA))
                .repartition(Shuffles.sortTasks(signatures.sparkSession(), bucketRows), col("bucket"))
                // One long key, so Spark radix-sorts it; WindowPairs orders each bucket's few docs itself.
                .sortWithinPartitions(col("bucket"))
                .mapPartitions(toPairs, Encoders.row(PAIR_SCHEMA)),
                Shuffles.sortTasks(signatures.sparkSession(), bucketRows * PAIRS_PER_BUCKET_ROW));
    }

    /**
     * Each pair once, if it was formed in at least {@code minSharedBands} buckets (columns kept as they are).
     *
     * <p>The pairs are shuffled by a 64-bit hash of the pair ({@code xxhash64}), sorted by it alone, and each run
     * of equal hashes counted as it streams by ({@link SharedEnough}). A hash aggregation did the counting before;
     * when its map outgrew its memory it could not always get the memory to sort and spill it
     * ({@code UNABLE_TO_ACQUIRE_MEMORY}: at a million templated articles, first when it shared a task with the sort
     * that made the pairs, then on its own with the benchmark corpus's second version). A sort spills as it goes.
     * Sorted by one long, Spark radix-sorts; sorted by the pair's two columns it compared rows (TimSort). The radix
     * sort needs twice the pointer array, which the tasks' size ({@link Shuffles#sortTasks}, about two million rows)
     * keeps at 64 MB.
     */
    private Dataset<Row> sharingEnoughBands(Dataset<Row> pairsPerBucket, int partitions) {
        Column[] pair = Arrays.stream(pairsPerBucket.columns()).map(functions::col).toArray(Column[]::new);
        int min = minSharedBands;
        return pairsPerBucket.withColumn(PAIR_HASH, xxhash64(pair))
                .repartition(partitions, col(PAIR_HASH))
                .sortWithinPartitions(col(PAIR_HASH))
                .mapPartitions((MapPartitionsFunction<Row, Row>) sorted -> new SharedEnough(sorted, min),
                        Encoders.row(pairsPerBucket.schema()));
    }

    /**
     * Reads pairs {@code (x, y, hash)} sorted by their hash and gives each pair {@code (x, y)} once if it occurs
     * at least {@code min} times. The rows of one hash are few (a pair is formed at most once per band); they are
     * ordered by the pair's values and counted, so that two pairs whose hashes collide are still counted apart
     * and the output order depends only on the input rows.
     */
    static final class SharedEnough implements Iterator<Row> {
        private final Iterator<Row> sorted;
        private final int min;
        private final List<Row> run = new ArrayList<>();
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private Row head;

        SharedEnough(Iterator<Row> sorted, int min) {
            this.sorted = sorted;
            this.min = min;
            this.head = sorted.hasNext() ? sorted.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && head != null) {
                long hash = head.getLong(2);
                run.clear();
                do {
                    run.add(head);
                    head = sorted.hasNext() ? sorted.next() : null;
                } while (head != null && head.getLong(2) == hash);
                if (run.size() >= min) {
                    countPairs();
                }
            }
            return !ready.isEmpty();
        }

        /** Queues each pair of {@link #run} that occurs at least {@code min} times, in the order of its values. */
        private void countPairs() {
            if (run.size() > 1) {
                run.sort(BY_PAIR);
            }
            for (int i = 0; i < run.size(); ) {
                int end = i + 1;
                while (end < run.size() && BY_PAIR.compare(run.get(i), run.get(end)) == 0) {
                    end++;
                }
                if (end - i >= min) {
                    ready.add(RowFactory.create(run.get(i).get(0), run.get(i).get(1)));
                }
                i = end;
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        private static final Comparator<Row> BY_PAIR = (x, y) -> {
            int first = compareValues(x.get(0), y.get(0));
            return first != 0 ? first : compareValues(x.get(1), y.get(1));
        };

        /** Compares two values of one column (longs or strings). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareValues(Object x, Object y) {
            return ((Comparable) x).compareTo(y);
        }
    }

    /**
     * Candidate pairs between two sets, for matching new articles against stored ones: {@code probes}
     * and {@code stored} have columns {@code id} (string) and {@code signature} (binary; null skipped); the
     * output has {@code probe} and {@code stored} (their ids), each pair once, if they share at least
     * {@code minSharedBands} buckets. Pairs within one set are not
     * formed. Only the stored rows that share a bucket with some probe are shuffled after the first
     * filter; of a bucket's stored rows, the {@code maxComparisons} with the smallest ids are paired, so a
     * boilerplate bucket does not explode.
     *
     * @param probesAtMost at most how many probes have a signature, to size the pair sort (a count the caller
     *     has cheaply, e.g. of its cached sketches: counting {@code probes} here would compute them once more)
     */
    public Dataset<Row> crossPairs(Dataset<Row> probes, Dataset<Row> stored, long probesAtMost) {
        Dataset<Row> probeBuckets = buckets(probes);
        long probeBucketRows = probesAtMost * bands;
        Dataset<Row> storedBuckets = buckets(stored)
                .join(probeBuckets.select(col("bucket")).distinct(), "bucket");
        Dataset<Row> capped = storedBuckets
                .withColumn("__rank", row_number().over(Window.partitionBy("bucket").orderBy(col("id"))))
                .where(col("__rank").leq(maxComparisons))
                .select(col("bucket"), col("id").as("stored"));
        return sharingEnoughBands(probeBuckets.select(col("bucket"), col("id").as("probe"))
                .join(capped, "bucket")
                .select(col("probe"), col("stored")), Shuffles.sortTasks(probes.sparkSession(),
                        probeBucketRows * PAIRS_PER_BUCKET_ROW));
    }

    /** {@code (bucket long, id string)}: one row per band of each non-null signature. */
    private Dataset<Row> buckets(Dataset<Row> signatures) {
        return signatures.where(col("signature").isNotNull())
                .select(col("id"), col("signature"))
                .flatMap(toBuckets("id"), Encoders.row(ID_BUCKET_SCHEMA));
    }

    /** One {@code (bucket, id)} row per band of a row's {@code signature}, the id from {@code idColumn}. */
    private FlatMapFunction<Row, Row> toBuckets(String idColumn) {
        int bandCount = bands;
        int rowCount = rows;
        return row -> {
            int[] signature = MinHasher.fromBytes(row.getAs("signature"));
            Object id = row.getAs(idColumn);
            List<Row> out = new ArrayList<>(bandCount);
            for (long key : bucketKeys(signature, bandCount, rowCount)) {
                out.add(RowFactory.create(key, id));
            }
            return out.iterator();
        };
    }

    /**
     * The bucket key of each band of {@code signature}: band {@code j} covers values
     * {@code [j*rows, (j+1)*rows)}.
     *
     * @throws IllegalArgumentException when the signature has fewer than {@code bands * rows} values
     */
    static long[] bucketKeys(int[] signature, int bands, int rows) {
        if (signature.length < bands * rows) {
            throw new IllegalArgumentException("a signature of " + signature.length + " values cannot fill "
                    + bands + " bands of " + rows + " rows");
        }
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            int high = Murmur3_x86_32.hashInt(band, SEED_HIGH);
            int low = Murmur3_x86_32.hashInt(band, SEED_LOW);
            for (int i = band * rows; i < (band + 1) * rows; i++) {
                high = Murmur3_x86_32.hashInt(signature[i], high);
                low = Murmur3_x86_32.hashInt(signature[i], low);
            }
            keys[band] = ((long) high << 32) | (low & 0xffff_ffffL);
        }
        return keys;
    }

    /**
     * Reads {@code (bucket, doc)} rows sorted by bucket, orders each bucket's docs, and pairs each doc with the
     * {@code window} docs before it. A bucket's docs are held as a {@code long[]} while it is paired: 8 bytes each,
     * a few megabytes even if every article of a million fell into one bucket.
     */
    static final class WindowPairs implements Iterator<Row> {
        private final Iterator<Row> byBucket;
        private final int window;
        private Row head;
        private long[] docs = new long[16];
        private int size;
        /** The pair to give next is {@code (docs[before], docs[current])}, while {@code before < current}. */
        private int current;
        private int before;
        private Row next;

        WindowPairs(Iterator<Row> byBucket, int window) {
            this.byBucket = byBucket;
            this.window = window;
            this.head = byBucket.hasNext() ? byBucket.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (before < current) {
                    long a = docs[before++];
                    if (a != docs[current]) {
                        next = RowFactory.create(a, docs[current]);
                    }
                } else if (current + 1 < size) {
                    current++;
                    before = Math.max(0, current - window);
                } else if (head != null) {
                    readBucket();
                } else {
                    return false;
                }
            }
            return true;
        }

        /** Reads the next bucket's docs, in ascending order. */
        private void readBucket() {
            long bucket = head.getLong(0);
            size = 0;
            do {
                if (size == docs.length) {
                    docs = Arrays.copyOf(docs, size * 2);
                }
                docs[size++] = head.getLong(1);
                head = byBucket.hasNext() ? byBucket.next() : null;
            } while (head != null && head.getLong(0) == bucket);
            Arrays.sort(docs, 0, size);
            current = 0;
            before = 0;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }
    }
}
