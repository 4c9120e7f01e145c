package org.newsprism.nlp;

import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;

/**
 * Runs the fitted Spark NLP pipeline ({@link SparkNlpPipeline}) on one text through a
 * {@link LightPipeline} and returns sentences, tokens and catalogue matches as plain Java records
 * ({@link TextAnalysis}). With a {@link SentenceSplitter}, the pipeline tokenises and matches the whole
 * text and the splitter's sentences take their tokens by offset (a catalogue match across a sentence
 * boundary is dropped); without one, the pipeline's SentenceDetector gives the sentences. Shipped to
 * executors with the task; the LightPipeline is created lazily there, once per task.
 */
public final class TextAnalyzer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PipelineModel model;
    private final Map<String, EntityCatalogue.Target> surfaceTargets;
    private final SentenceSplitter splitter;
    private transient LightPipeline light;

    public TextAnalyzer(PipelineModel model, Map<String, EntityCatalogue.SurfaceForm> forms) {
        this(model, forms, null);
    }

    /** @param splitter splits sentences when the model has no SentenceDetector; null when it has one */
    public TextAnalyzer(PipelineModel model, Map<String, EntityCatalogue.SurfaceForm> forms, SentenceSplitter splitter) {
        this.model = model;
        this.splitter = splitter;
        Map<String, EntityCatalogue.Target> targets = new HashMap<>();
        forms.forEach((key, form) -> targets.put(key, form.target()));
        this.surfaceTargets = targets;
    }

    public TextAnalysis analyse(String text) {
        Map<String, List<IAnnotation>> result = lightPipeline().fullAnnotateJava(text);
        if (splitter != null) {
            return withSplitter(text, result);
        }
        Map<Integer, List<TextAnalysis.Token>> tokensBySentence = new HashMap<>();
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.TOKENS, List.of())) {
            JavaAnnotation token = (JavaAnnotation) a;
            tokensBySentence.computeIfAbsent(sentenceIndex(token), k -> new ArrayList<>())
                    .add(new TextAnalysis.Token(token.result(), token.begin(), token.end() + 1));
        }
        List<TextAnalysis.Sentence> sentences = new ArrayList<>();
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.SENTENCES, List.of())) {
            JavaAnnotation s = (JavaAnnotation) a;
            int index = sentenceIndex(s);
            sentences.add(new TextAnalysis.Sentence(index, s.begin(), s.end() + 1,
                    tokensBySentence.getOrDefault(index, List.of())));
        }
        Map<Integer, TextAnalysis.Sentence> byIndex = new HashMap<>();
        sentences.forEach(s -> byIndex.put(s.index(), s));
        List<TextAnalysis.CatalogueMatch> matches = new ArrayList<>();
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.ENTITIES, List.of())) {
            JavaAnnotation chunk = (JavaAnnotation) a;
            EntityCatalogue.Target target = surfaceTargets.get(EntityCatalogue.key(chunk.result()));
            TextAnalysis.Sentence sentence = byIndex.get(sentenceIndex(chunk));
            if (target == null || sentence == null) {
                continue; // the matcher only finds catalogue forms; a miss is a key variant, not an entity
            }
            int begin = chunk.begin();
            int end = chunk.end() + 1;
            int first = -1;
            int last = -1;
            List<TextAnalysis.Token> tokens = sentence.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).begin() >= begin && tokens.get(i).end() <= end) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                matches.add(new TextAnalysis.CatalogueMatch(sentence.index(), first, last, begin, end, target));
            }
        }
        return new TextAnalysis(sentences, matches);
    }

    private TextAnalysis withSplitter(String text, Map<String, List<IAnnotation>> result) {
        List<int[]> spans = splitter.split(text);
        int[] begins = new int[spans.size()];
        List<List<TextAnalysis.Token>> tokens = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            begins[i] = spans.get(i)[0];
            tokens.add(new ArrayList<>());
        }
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.TOKENS, List.of())) {
            JavaAnnotation token = (JavaAnnotation) a;
            int s = sentenceAt(begins, token.begin());
            if (s >= 0) {
                tokens.get(s).add(new TextAnalysis.Token(token.result(), token.begin(), token.end() + 1));
            }
        }
        List<TextAnalysis.Sentence> sentences = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            sentences.add(new TextAnalysis.Sentence(i, spans.get(i)[0], spans.get(i)[1], tokens.get(i)));
        }
        List<TextAnalysis.CatalogueMatch> matches = new ArrayList<>();
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.ENTITIES, List.of())) {
            JavaAnnotation chunk = (JavaAnnotation) a;
            EntityCatalogue.Target target = surfaceTargets.get(EntityCatalogue.key(chunk.result()));
            int s = sentenceAt(begins, chunk.begin());
            int begin = chunk.begin();
            int end = chunk.end() + 1;
            if (target == null || s < 0 || end > spans.get(s)[1]) {
                continue; // a key variant, or a match across a sentence boundary
            }
            addMatch(matches, sentences.get(s), begin, end, target);
        }
        return new TextAnalysis(sentences, matches);
    }

    private static void addMatch(List<TextAnalysis.CatalogueMatch> matches, TextAnalysis.Sentence sentence, int begin,
            int end, EntityCatalogue.Target target) {
        int first = -1;
        int last = -1;
        List<TextAnalysis.Token> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).begin() >= begin && tokens.get(i).end() <= end) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            matches.add(new TextAnalysis.CatalogueMatch(sentence.index(), first, last, begin, end, target));
        }
    }

    /** The index of the last sentence beginning at or before {@code offset}; -1 before the first. */
    private static int sentenceAt(int[] begins, int offset) {
        int i = java.util.Arrays.binarySearch(begins, offset);
        return i >= 0 ? i : -i - 2;
    }

    private static int sentenceIndex(JavaAnnotation annotation) {
        String value = annotation.metadata().get("sentence");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private LightPipeline lightPipeline() {
        if (light == null) {
            light = new LightPipeline(model, false);
        }
        return light;
    }
}
