package org.newsprism.nlp;

import java.util.ArrayList;
import java.util.List;

/** Sentences for tests: the words as tokens separated by single spaces, offsets from 0. */
final class TestSentences {
    private TestSentences() {}

    static TextAnalysis.Sentence of(String... words) {
        List<TextAnalysis.Token> tokens = new ArrayList<>();
        int offset = 0;
        for (String w : words) {
            tokens.add(new TextAnalysis.Token(w, offset, offset + w.length()));
            offset += w.length() + 1;
        }
        return new TextAnalysis.Sentence(0, 0, offset, tokens);
    }
}
