package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShinglerTest {
    private final Shingler three = new Shingler(3);

    @Test
    void shinglesAreRunsOfLowerCasedWordsIgnoringPunctuationQuotesAndWrapping() {
        int[] plain = three.shingles("die wahl ist vorbei");
        assertEquals(2, plain.length, "[die wahl ist], [wahl ist vorbei]");
        assertNotEquals(plain[0], plain[1]);
        assertArrayEquals(plain, three.shingles("„Die Wahl“ ist – vorbei."));
        assertArrayEquals(plain, three.shingles("\"Die\nWahl\" ist\n\n-- VORBEI!"));
    }

    @Test
    void wordOrderMatters() {
        assertNotEquals(three.shingles("a b c")[0], three.shingles("c b a")[0]);
    }

    @Test
    void aTextShorterThanOneShingleHasOneShingleOfAllItsWords() {
        assertEquals(1, new Shingler(5).shingles("Nur drei Wörter").length);
        assertArrayEquals(new Shingler(5).shingles("nur drei wörter"), new Shingler(5).shingles("Nur, drei Wörter!"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "!!! ??? … – „“ --- ***", "\n\n"})
    void aTextWithoutWordsHasNoShingles(String text) {
        assertEquals(0, three.shingles(text).length);
    }

    @Test
    void shinglesComeInTextOrderAndRepeatedOnesFormOneSetMember() {
        int[] shingles = new Shingler(2).shingles("a b a b a b");
        assertEquals(5, shingles.length);
        assertEquals(shingles[0], shingles[2], "[a b] again");
        assertEquals(2, Shingler.distinct(shingles).length, "[a b] and [b a]");
        assertTrue(Shingler.distinct(shingles)[0] < Shingler.distinct(shingles)[1]);
        assertEquals(1.0, Shingler.jaccard(shingles, new Shingler(2).shingles("b a b")));
    }

    @Test
    void lettersDigitsAndLettersOutsideTheBasicPlaneAreWordCharacters() {
        assertEquals(4, Shingler.wordHashes("Werder gewann 2:1").length);
        assertEquals(1, Shingler.wordHashes("𝔘𝔫𝔦𝔠𝔬𝔡𝔢").length);
        assertEquals(2, Shingler.wordHashes("EU-Kommission").length);
    }

    @Test
    void jaccardOfShingleSets() {
        assertEquals(1.0, Shingler.jaccard(three.shingles("a b c d"), three.shingles("A b, c d.")));
        assertEquals(1.0 / 3, Shingler.jaccard(three.shingles("a b c d"), three.shingles("a b c x")), 1e-12);
        assertEquals(0.0, Shingler.jaccard(three.shingles("a b c"), three.shingles("x y z")));
        assertEquals(0.0, Shingler.jaccard(new int[0], new int[0]));
    }

    @Test
    void sizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Shingler(0));
    }
}
