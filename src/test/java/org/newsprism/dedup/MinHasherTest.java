package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinHasherTest {
    private final MinHasher minHasher = new MinHasher(128, 42);

    @Test
    void theSameSeedGivesTheSameSignatureAndAnotherSeedAnother() {
        int[] shingles = new Shingler(5).shingles("Der Bundestag hat am Dienstag die erste Lesung des Haushalts begonnen.");
        assertArrayEquals(minHasher.signature(shingles), new MinHasher(128, 42).signature(shingles));
        assertFalse(Arrays.equals(minHasher.signature(shingles), new MinHasher(128, 43).signature(shingles)));
        assertEquals(128, minHasher.signature(shingles).length);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.2, 0.5, 0.8, 1.0})
    void agreementEstimatesTheJaccardSimilarityWithinFourStandardErrors(double jaccard) {
        // Two sets of 1000 shingles that share `common` of them: J = common / (2000 - common).
        int common = (int) Math.round(2000 * jaccard / (1 + jaccard));
        int[] a = IntStream.range(0, 1000).map(i -> mix(i)).toArray();
        int[] b = IntStream.range(1000 - common, 2000 - common).map(i -> mix(i)).toArray();
        double exact = (double) common / (2000 - common);
        double estimate = MinHasher.similarity(minHasher.signature(a), minHasher.signature(b));
        double standardError = Math.sqrt(exact * (1 - exact) / 128);
        assertEquals(exact, estimate, 4 * standardError + 1e-9, "estimate " + estimate + " of " + exact);
    }

    private static int mix(int i) {
        return org.apache.spark.unsafe.hash.Murmur3_x86_32.hashInt(i, 7);
    }

    @Test
    void anEmptySetHasNoSignatureAndMissingSignaturesAreNotSimilar() {
        assertNull(minHasher.signature(new int[0]));
        assertNull(minHasher.signature(null));
        assertEquals(0.0, MinHasher.similarity((int[]) null, new int[] {1}));
        assertEquals(0.0, MinHasher.similarity(new int[] {1, 2}, new int[] {1}));
    }

    @Test
    void valuesAreHash4jSuperMinHashComponentsOfTheSeededShingleHashes() {
        int[] shingles = {5, -1, 0, 123_456_789, Integer.MIN_VALUE};
        SimilarityHashPolicy policy = SimilarityHashing.superMinHash(128, 32);
        byte[] sketch = policy.createHasher().compute(ElementHashProvider.ofValues(
                Arrays.stream(shingles).mapToLong(minHasher::elementHash).toArray()));
        int[] signature = minHasher.signature(shingles);
        for (int i = 0; i < signature.length; i++) {
            assertEquals((int) policy.getComponent(sketch, i), signature[i]);
        }
        // The order and repetition of shingles do not matter: a set's signature.
        assertArrayEquals(signature, minHasher.signature(new int[] {0, Integer.MIN_VALUE, 5, 5, 123_456_789, -1, 0}));
        // MurmurHash3's fmix64 of the unsigned shingle xor the seed: fmix64(1), computed with Python's big integers.
        assertEquals(0xb456_bcfc_34c2_cb2cL, new MinHasher(8, 0).elementHash(1));
        assertEquals(new MinHasher(8, 0).elementHash(1 ^ 42), minHasher.elementHash(1));
    }

    @Test
    void signaturesSurviveTheirBinaryForm() {
        int[] signature = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 42};
        assertArrayEquals(signature, MinHasher.fromBytes(MinHasher.toBytes(signature)));
        assertEquals(20, MinHasher.toBytes(signature).length);
        assertNull(MinHasher.toBytes(null));
        assertNull(MinHasher.fromBytes(null));
        assertTrue(MinHasher.similarity(MinHasher.toBytes(signature), MinHasher.toBytes(signature)) == 1.0);
    }

    @Test
    void atLeastOneHash() {
        assertThrows(IllegalArgumentException.class, () -> new MinHasher(0, 1));
    }
}
