package org.newsprism.nlp;

import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.annotators.common.IndexedToken;
import com.johnsnowlabs.nlp.annotators.common.Sentence;
import com.johnsnowlabs.nlp.annotators.common.TokenizedSentence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark NLP's fitted {@link TokenizerModel}, applied once per distinct chunk of text instead of once per
 * occurrence: in, a text; out, its tokens (UTF-16 offsets, end exclusive), the very tokens the model gives
 * for the whole text.
 *
 * <p>Why this is exact: without exceptions and with the default target pattern ({@code \S+}), the model
 * splits the text at whitespace into chunks and tokenises each chunk by its rules alone; a chunk's tokens
 * depend on the chunk's characters and nothing around it. So this class splits at the same whitespace, asks
 * the model about each chunk it has not seen (the chunk on its own, as a one-sentence text) and keeps the
 * answer, relative to the chunk, for the next occurrence. In news most chunks recur ("die", "Putin,",
 * "sagte"), so the rules run for a small share of them. {@link #supports} tells whether a model qualifies.
 *
 * <p>The cache belongs to one instance (one task); it holds at most {@code maxEntries} chunks and is
 * emptied when full, which bounds its memory and changes nothing but speed.
 */
final class ChunkTokenizer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default target pattern (and its one-character form): every non-whitespace character. */
    private static final Set<String> DEFAULT_TARGETS = Set.of("\\S+", "\\S");

    private final TokenizerModel model;
    private final int maxEntries;
    private transient Map<String, Piece[]> cache;

    /** A token of a chunk, offsets relative to the chunk's start, end exclusive. */
    private record Piece(String text, int begin, int end) {}

    ChunkTokenizer(TokenizerModel model, int maxEntries) {
        if (!supports(model)) {
            throw new IllegalArgumentException("the tokenizer model has exceptions or a custom target pattern");
        }
        this.model = model;
        this.maxEntries = maxEntries;
    }

    /** Whether a model's tokens depend on each whitespace-delimited chunk alone (see the class comment). */
    static boolean supports(TokenizerModel model) {
        return !model.get(model.exceptions()).isDefined() && DEFAULT_TARGETS.contains(model.getTargetPattern());
    }

    /** The tokens of {@code text}, in order. */
    List<TextAnalysis.Token> tokens(String text) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        List<TextAnalysis.Token> tokens = new ArrayList<>(text.length() / 5 + 1);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBreak(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBreak(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                for (Piece piece : pieces(text.substring(start, i))) {
                    tokens.add(new TextAnalysis.Token(piece.text(), start + piece.begin(), start + piece.end()));
                }
            }
        }
        return tokens;
    }

    /**
     * The characters the model breaks chunks at: its break pattern is {@code [^(?:\S+)ↈ]}, Java's
     * {@code \s}, which without the UNICODE_CHARACTER_CLASS flag is these six (a no-break space is part of
     * a chunk). The model also breaks at its own marker character U+2187 inside a chunk, which it does
     * itself when asked about the chunk.
     */
    private static boolean isBreak(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private Piece[] pieces(String chunk) {
        Piece[] pieces = cache.get(chunk);
        if (pieces == null) {
            pieces = tokenize(chunk);
            if (cache.size() >= maxEntries) {
                cache.clear();
            }
            cache.put(chunk, pieces);
        }
        return pieces;
    }

    private Piece[] tokenize(String chunk) {
        Sentence sentence = new Sentence(chunk, 0, chunk.length() - 1, 0, scala.Option.empty());
        scala.collection.Seq<TokenizedSentence> tagged = model.tag(
                scala.collection.JavaConverters.asScalaBuffer(List.of(sentence)).toSeq());
        IndexedToken[] indexed = tagged.head().indexedTokens();
        Piece[] pieces = new Piece[indexed.length];
        for (int k = 0; k < indexed.length; k++) {
            pieces[k] = new Piece(indexed[k].token(), indexed[k].begin(), indexed[k].end() + 1);
        }
        return pieces;
    }
}
