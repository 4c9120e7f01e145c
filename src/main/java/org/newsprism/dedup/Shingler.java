package org.newsprism.dedup;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * Turns a text into its word shingles (runs of {@code size} consecutive words), each as a 32-bit hash.
 * Near-duplicate detection compares the sets of these hashes.
 *
 * <p>Words are maximal runs of letters and digits, lower-cased ({@link Character#toLowerCase(int)}, no
 * locale). Everything else separates words and is ignored, so line wrapping, quotation marks
 * ({@code „…“} or {@code "…"}), dashes and punctuation do not change the shingles. A text with fewer
 * words than {@code size} has one shingle of all its words; a text without words has none.
 *
 * <p>Example, size 3: {@code „Die Wahl“ ist – vorbei.} has the words {@code die wahl ist vorbei} and
 * the shingles {@code [die wahl ist]}, {@code [wahl ist vorbei]}.
 *
 * <p>Hashing: each word's code points are folded into 64 bits (FNV-1a) and finished with Spark's Murmur3
 * ({@code Murmur3_x86_32.hashLong}); a shingle's word hashes are combined as a polynomial with an odd
 * 64-bit multiplier and finished with Murmur3 again. Hashes depend only on the text and {@code size}.
 * Reads {@code dedup.near.shingle-size}.
 */
public final class Shingler implements Serializable {
    private static final int WORD_SEED = 0x5eed_0001;
    private static final int SHINGLE_SEED = 0x5eed_0002;
    private static final long FNV_OFFSET = 0xcbf2_9ce4_8422_2325L;
    private static final long FNV_PRIME = 0x0000_0100_0000_01b3L;
    private static final long MULTIPLIER = 0x9e37_79b9_7f4a_7c15L;

    private final int size;

    public Shingler(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, was " + size);
        }
        this.size = size;
    }

    /**
     * The shingle hashes of {@code text} in text order (a repeated shingle repeats); empty for
     * {@code null} or a text without words.
     */
    public int[] shingles(String text) {
        int[] words = wordHashes(text);
        if (words.length == 0) {
            return words;
        }
        int count = Math.max(1, words.length - size + 1);
        int[] shingles = new int[count];
        for (int start = 0; start < count; start++) {
            long combined = 0;
            for (int i = start; i < Math.min(start + size, words.length); i++) {
                combined = combined * MULTIPLIER + (words[i] & 0xffff_ffffL);
            }
            shingles[start] = Murmur3_x86_32.hashLong(combined, SHINGLE_SEED);
        }
        return shingles;
    }

    /** One hash per word of {@code text}, in order (see the class comment for what a word is). */
    static int[] wordHashes(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        int[] words = new int[Math.max(16, text.length() / 6)];
        int count = 0;
        long hash = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                hash = (hash ^ Character.toLowerCase(codePoint)) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                words = append(words, count++, Murmur3_x86_32.hashLong(hash, WORD_SEED));
                hash = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            words = append(words, count++, Murmur3_x86_32.hashLong(hash, WORD_SEED));
        }
        return Arrays.copyOf(words, count);
    }

    private static int[] append(int[] array, int index, int value) {
        int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }

    /** The distinct values of {@code hashes}, sorted (a set, as {@link #jaccard} compares them). */
    public static int[] distinct(int[] hashes) {
        return Arrays.stream(hashes).distinct().sorted().toArray();
    }

    /** The exact Jaccard similarity of two shingle sets; 0 when both are empty. */
    public static double jaccard(int[] shinglesA, int[] shinglesB) {
        int[] a = distinct(shinglesA);
        int[] b = distinct(shinglesB);
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0.0 : (double) common / union;
    }
}
