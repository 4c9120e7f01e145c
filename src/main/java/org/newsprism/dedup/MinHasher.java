package org.newsprism.dedup;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * MinHash signatures of shingle sets: {@code hashes} values whose share of agreement between two sets
 * estimates their Jaccard similarity (standard error at most {@code sqrt(J(1-J)/hashes)}, about 0.036 at
 * J = 0.5 with 192 hashes).
 *
 * <p>The values are SuperMinHash signatures (Ertl 2017) as Dynatrace's hash4j computes them
 * ({@code SimilarityHashing.superMinHash(hashes, 32)}): like {@code hashes} independent minimum hashes, but the
 * components are drawn without replacement, so the estimate is at least as good, and a set of {@code n}
 * shingles costs about {@code n + hashes log² hashes} steps instead of {@code n × hashes} (a third of the
 * multiply-add-shift MinHash this class computed before, on the benchmark's articles). Each shingle enters as a
 * 64-bit hash of itself and {@code seed} (the finaliser of MurmurHash3, {@code fmix64}), so the same seed gives
 * the same signatures on every machine and another seed others. Values are 32-bit components stored in an
 * {@code int}.
 *
 * <p>Signatures travel through Spark as {@code binary} ({@link #toBytes}, 4 bytes per value, big-endian).
 * Reads {@code dedup.near.hashes} and {@code dedup.near.seed}.
 */
public final class MinHasher implements Serializable {
    private static final long serialVersionUID = 2L;
    private final int hashes;
    private final long seed;
    /** hash4j's policies and hashers are not serialisable, so they are made where used; a hasher keeps state between calls: one per thread. */
    private transient volatile Sketching sketching;

    private record Sketching(SimilarityHashPolicy policy, ThreadLocal<SimilarityHasher> hashers) {}

    public MinHasher(int hashes, long seed) {
        if (hashes < 1) {
            throw new IllegalArgumentException("number of hashes must be at least 1, was " + hashes);
        }
        this.hashes = hashes;
        this.seed = seed;
    }

    public int hashes() {
        return hashes;
    }

    /** The signature of a shingle set; {@code null} for an empty set (it has no meaningful minimum). */
    public int[] signature(int[] shingles) {
        if (shingles == null || shingles.length == 0) {
            return null;
        }
        long[] elements = new long[shingles.length];
        for (int i = 0; i < shingles.length; i++) {
            elements[i] = elementHash(shingles[i]);
        }
        Sketching sketching = sketching();
        byte[] sketch = sketching.hashers().get().compute(ElementHashProvider.ofValues(elements));
        int[] signature = new int[hashes];
        for (int i = 0; i < hashes; i++) {
            signature[i] = (int) sketching.policy().getComponent(sketch, i);
        }
        return signature;
    }

    /** The 64-bit hash a shingle enters the sketch as: MurmurHash3's {@code fmix64} of the shingle and the seed. */
    long elementHash(int shingle) {
        long z = (shingle & 0xffff_ffffL) ^ seed;
        z = (z ^ (z >>> 33)) * 0xff51_afd7_ed55_8ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ce_b9fe_1a85_ec53L;
        return z ^ (z >>> 33);
    }

    private Sketching sketching() {
        Sketching made = sketching;
        if (made == null) {
            SimilarityHashPolicy policy = SimilarityHashing.superMinHash(hashes, Integer.SIZE);
            made = new Sketching(policy, ThreadLocal.withInitial(policy::createHasher));
            sketching = made;
        }
        return made;
    }

    /** The estimated Jaccard similarity: the share of positions where the two signatures agree. */
    public static double similarity(int[] a, int[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    /** {@link #similarity(int[], int[])} of two signatures in their {@link #toBytes} form. */
    public static double similarity(byte[] a, byte[] b) {
        return similarity(fromBytes(a), fromBytes(b));
    }

    public static byte[] toBytes(int[] signature) {
        if (signature == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * Integer.BYTES);
        buffer.asIntBuffer().put(signature);
        return buffer.array();
    }

    public static int[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int[] signature = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(signature);
        return signature;
    }
}
