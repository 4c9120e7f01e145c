package org.newsprism.nlp;

import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Splits a German compound into its parts ("Energiekrise" → Energie, krise; "Terroranschläge" → Terror,
 * anschläge; "Friedensverhandlungen" → Friedens, verhandlungen) with Daniel Naber's jWordSplitter
 * ({@code de.danielnaber:jwordsplitter}, Apache-2.0), whose own German word list and exception list ship in its
 * jar. A word it does not split, and every word when splitting is off ({@link #NONE}), is one part.
 * Reads {@code nlp.sentiment.split-german-compounds} (through {@link SentimentLexicon#load}).
 */
public final class CompoundSplitter implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Splits nothing. */
    public static final CompoundSplitter NONE = new CompoundSplitter(false);
    /** Splits German compounds. */
    public static final CompoundSplitter GERMAN = new CompoundSplitter(true);
    /** Shorter words are not compounds worth splitting (and splitting them mostly finds chance parts). */
    private static final int MIN_CHARS = 6;
    /** jWordSplitter documents no thread safety and loads its word list once per instance: one per thread. */
    private static final ThreadLocal<GermanWordSplitter> SPLITTERS = ThreadLocal.withInitial(() -> {
        try {
            return new GermanWordSplitter(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load jWordSplitter's German word list", e);
        }
    });

    private final boolean german;

    private CompoundSplitter(boolean german) {
        this.german = german;
    }

    /** The word's parts in order, the head last; the word alone when it is no compound. */
    public List<String> parts(String word) {
        if (!german || word.length() < MIN_CHARS) {
            return List.of(word);
        }
        List<String> parts = SPLITTERS.get().splitWord(word);
        return parts.isEmpty() ? List.of(word) : parts;
    }

    private Object readResolve() {
        return german ? GERMAN : NONE;
    }
}
