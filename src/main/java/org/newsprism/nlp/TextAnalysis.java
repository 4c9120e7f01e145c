package org.newsprism.nlp;

import java.util.List;

/**
 * What the Spark NLP pipeline makes of one text: its sentences with their tokens, and the catalogue
 * forms the TextMatcher found. Offsets are UTF-16 indices into the text, end exclusive.
 */
public record TextAnalysis(List<Sentence> sentences, List<CatalogueMatch> matches) {

    /** A token. */
    public record Token(String text, int begin, int end) {}

    /** A sentence and its tokens. */
    public record Sentence(int index, int begin, int end, List<Token> tokens) {

        public String[] tokenTexts() {
            return tokens.stream().map(Token::text).toArray(String[]::new);
        }
    }

    /**
     * A catalogue form found in a sentence.
     *
     * @param firstToken index of its first token within the sentence
     * @param lastToken index of its last token within the sentence (inclusive)
     */
    public record CatalogueMatch(int sentenceIndex, int firstToken, int lastToken, int begin, int end,
            EntityCatalogue.Target target) {}
}
