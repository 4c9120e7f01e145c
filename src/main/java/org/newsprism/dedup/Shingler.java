package org.newsprism.dedup;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * Turns a text into the set of its word shingles (runs of {@code size} consecutive words), each as a
 * 32-bit hash. Near-duplicate detection compares these sets.
 *
 * <p>Words are maximal runs of letters and digits, lower-cased ({@link Character#toLowerCase(int)}, no
 * locale). Everything else separates words and is ignored, so line wrapping, quotation marks
 * ({@code „…“} or {@code "…"}), dashes and punctuation do not change the shingles. A text with fewer
 * words than {@code size} has one shingle of all its words; a text without words has none.
 *
 * <p>Example, size 3: {@code „Die Wahl“ ist – vorbei.} has the words {@code die wahl ist vorbei} and
 * the shingles {@code [die wahl ist]}, {@code [wahl ist vorbei]}.
 *
 * <p>Hashes are Spark's Murmur3 (x86, 32 bit) over each word's code points and then over the words of a
 * shingle; they depend only on the text and {@code size}. Reads {@code dedup.near.shingle-size}.
 */
public final class Shingler implements Serializable {
    private static final int WORD_SEED = 0x5eed_0001;
    private static final int SHINGLE_SEED = 0x5eed_0002;

    private final int size;

    public Shingler(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, was " + size);
        }
        this.size = size;
    }

    /** The distinct shingle hashes of {@code text}, sorted; empty for {@code null} or a text without words. */
    public int[] shingles(String text) {
        int[] words = wordHashes(text);
        if (words.length == 0) {
            return words;
        }
        int count = Math.max(1, words.length - size + 1);
        int[] shingles = new int[count];
        for (int start = 0; start < count; start++) {
            int hash = SHINGLE_SEED;
            for (int i = start; i < Math.min(start + size, words.length); i++) {
                hash = Murmur3_x86_32.hashInt(words[i], hash);
            }
            shingles[start] = hash;
        }
        Arrays.sort(shingles);
        return distinctSorted(shingles);
    }

    /** One hash per word of {@code text}, in order (see the class comment for what a word is). */
    static int[] wordHashes(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        int[] words = new int[16];
        int count = 0;
        int hash = WORD_SEED;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                hash = Murmur3_x86_32.hashInt(Character.toLowerCase(codePoint), hash);
                inWord = true;
            } else if (inWord) {
                words = append(words, count++, hash);
                hash = WORD_SEED;
                inWord = false;
            }
        }
        if (inWord) {
            words = append(words, count++, hash);
        }
        return Arrays.copyOf(words, count);
    }

    private static int[] append(int[] array, int index, int value) {
        int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }

    private static int[] distinctSorted(int[] sorted) {
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    /** The exact Jaccard similarity of two shingle sets as returned by {@link #shingles}; 0 when both are empty. */
    public static double jaccard(int[] a, int[] b) {
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
