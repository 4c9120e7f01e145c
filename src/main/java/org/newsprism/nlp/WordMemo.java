package org.newsprism.nlp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A function of words computed once per distinct word and kept, since news repeats its words: thread-safe
 * and bounded (when {@code maxWords} are kept it starts over). Null results are kept too; a null word is
 * computed each time.
 */
final class WordMemo<V> {
    /** Stands for a null result among the kept ones. */
    private static final Object NONE = new Object();

    private final Function<String, V> compute;
    private final int maxWords;
    private final Map<String, Object> kept = new ConcurrentHashMap<>();

    WordMemo(Function<String, V> compute, int maxWords) {
        this.compute = compute;
        this.maxWords = maxWords;
    }

    /** {@code compute.apply(word)}, from what is kept when the word was seen before. */
    @SuppressWarnings("unchecked")
    V get(String word) {
        if (word == null) {
            return compute.apply(null);
        }
        Object value = kept.get(word);
        if (value == null) {
            V computed = compute.apply(word);
            if (kept.size() >= maxWords) {
                kept.clear();
            }
            kept.put(word, computed == null ? NONE : computed);
            return computed;
        }
        return value == NONE ? null : (V) value;
    }
}
