package org.newsprism.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

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

    /**
     * The test articles ({@code src/test/resources/dedup/base}) whose file names pass {@code files}, and
     * the seed, in name order: each a list of sentences (split after . ! ?) of tokens (split at spaces and
     * around punctuation and quotes).
     */
    static List<List<String[]>> tokenizedArticles(Predicate<String> files) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> base = Files.list(Path.of("src/test/resources/dedup/base"));
                Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            base.filter(p -> files.test(p.getFileName().toString())).forEach(paths::add);
            seeds.forEach(paths::add);
        }
        List<List<String[]>> articles = new ArrayList<>();
        for (Path file : paths.stream().sorted().toList()) {
            List<String[]> sentences = new ArrayList<>();
            for (String sentence : Files.readString(file).split("(?<=[.!?])\\s+")) {
                sentences.add(sentence.replaceAll("([,.;:!?\")(„“])", " $1 ").trim().split("\\s+"));
            }
            articles.add(sentences);
        }
        return articles;
    }
}
