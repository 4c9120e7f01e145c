package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordMemoTest {
    @Test
    void eachWordIsComputedOnceNullResultsIncludedUntilTheMemoIsFull() {
        List<String> computed = new ArrayList<>();
        WordMemo<Integer> memo = new WordMemo<>(word -> {
            computed.add(word);
            return word == null || word.startsWith("x") ? null : word.length();
        }, 3);
        assertEquals(3, memo.get("gut"));
        assertEquals(3, memo.get("gut"));
        assertNull(memo.get("xyz"));
        assertNull(memo.get("xyz"));
        assertNull(memo.get(null));
        assertNull(memo.get(null));
        assertEquals(Arrays.asList("gut", "xyz", null, null), computed, "a null word is not kept");
        memo.get("a");
        memo.get("b"); // three words kept: this one starts the memo over
        memo.get("gut");
        assertEquals(Arrays.asList("gut", "xyz", null, null, "a", "b", "gut"), computed);
    }
}
