package org.newsprism.nlp;

import com.johnsnowlabs.nlp.Annotation;
import com.johnsnowlabs.nlp.AnnotatorType;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.TextMatcherModel;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import scala.collection.JavaConverters;

/**
 * Runs the fitted Spark NLP pipeline ({@link SparkNlpPipeline}) on one text and returns sentences, tokens
 * and catalogue matches as plain Java records ({@link TextAnalysis}).
 *
 * <ul>
 *   <li>With a {@link SentenceSplitter} (setting {@code nlp.sentences.splitter = regex}, the default), the
 *       pipeline's Tokenizer and TextMatcher cover the whole text and the splitter's sentences take their
 *       tokens by offset (a catalogue match across a sentence boundary is dropped). The tokens come from
 *       a {@link ChunkTokenizer} (the pipeline's TokenizerModel asked once per distinct chunk, setting
 *       {@code nlp.tokens.cached-chunks}) and go to the fitted TextMatcher as the LightPipeline would
 *       hand them over; with {@code cached-chunks = 0}, a {@link LightPipeline} runs the whole pipeline.
 *       Both give the same tokens and matches.</li>
 *   <li>Without one, a LightPipeline runs the pipeline and its SentenceDetector gives the sentences.</li>
 * </ul>
 *
 * <p>Shipped to executors with the task; the LightPipeline and the chunk cache are created there, once per
 * task.
 */
public final class TextAnalyzer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final scala.collection.immutable.Map<String, String> FIRST_SENTENCE =
            new scala.collection.immutable.Map.Map1<>("sentence", "0");
    private static final float[] NO_EMBEDDINGS = new float[0];

    private final PipelineModel model;
    private final Map<String, EntityCatalogue.Target> surfaceTargets;
    private final SentenceSplitter splitter;
    private final ChunkTokenizer chunkTokens;
    private final TextMatcherModel matcher;
    private transient LightPipeline light;

    public TextAnalyzer(PipelineModel model, Map<String, EntityCatalogue.SurfaceForm> forms) {
        this(model, forms, null, 0);
    }

    /**
     * @param splitter splits sentences when the model has no SentenceDetector; null when it has one
     * @param cachedChunks with a splitter, how many distinct chunks the tokenizer remembers per task; 0 to
     *     run the whole pipeline through a LightPipeline instead
     */
    public TextAnalyzer(PipelineModel model, Map<String, EntityCatalogue.SurfaceForm> forms, SentenceSplitter splitter,
            int cachedChunks) {
        this.model = model;
        this.splitter = splitter;
        Map<String, EntityCatalogue.Target> targets = new HashMap<>();
        forms.forEach((key, form) -> targets.put(key, form.target()));
        this.surfaceTargets = targets;
        TokenizerModel tokenizer = stage(model, TokenizerModel.class);
        boolean direct = splitter != null && cachedChunks > 0 && ChunkTokenizer.supports(tokenizer);
        this.chunkTokens = direct ? new ChunkTokenizer(tokenizer, cachedChunks) : null;
        this.matcher = direct ? stage(model, TextMatcherModel.class) : null;
    }

    /** The first stage of {@code model} of the given type. */
    static <T> T stage(PipelineModel model, Class<T> type) {
        for (Transformer stage : model.stages()) {
            if (type.isInstance(stage)) {
                return type.cast(stage);
            }
        }
        throw new IllegalArgumentException("the pipeline has no " + type.getSimpleName());
    }

    public TextAnalysis analyse(String text) {
        if (splitter == null) {
            return withSentenceDetector(lightPipeline().fullAnnotateJava(text));
        }
        if (chunkTokens != null) {
            List<TextAnalysis.Token> tokens = chunkTokens.tokens(text);
            return withSplitter(text, tokens, matches(text, tokens));
        }
        Map<String, List<IAnnotation>> result = lightPipeline().fullAnnotateJava(text);
        List<TextAnalysis.Token> tokens = new ArrayList<>();
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.TOKENS, List.of())) {
            JavaAnnotation token = (JavaAnnotation) a;
            tokens.add(new TextAnalysis.Token(token.result(), token.begin(), token.end() + 1));
        }
        List<MatchedSpan> matched = new ArrayList<>();
        for (IAnnotation a : result.getOrDefault(SparkNlpPipeline.ENTITIES, List.of())) {
            JavaAnnotation chunk = (JavaAnnotation) a;
            matched.add(new MatchedSpan(chunk.result(), chunk.begin(), chunk.end() + 1));
        }
        return withSplitter(text, tokens, matched);
    }

    /** A span the TextMatcher found: its text and UTF-16 offsets, end exclusive. */
    private record MatchedSpan(String text, int begin, int end) {}

    /**
     * The fitted TextMatcher over the whole text and its tokens, called as the LightPipeline calls it: the
     * text as the one document ("sentence" 0), the tokens in order.
     */
    private List<MatchedSpan> matches(String text, List<TextAnalysis.Token> tokens) {
        List<Annotation> input = new ArrayList<>(tokens.size() + 1);
        input.add(new Annotation(AnnotatorType.DOCUMENT(), 0, text.length() - 1, text, FIRST_SENTENCE, NO_EMBEDDINGS));
        for (TextAnalysis.Token t : tokens) {
            input.add(new Annotation(AnnotatorType.TOKEN(), t.begin(), t.end() - 1, t.text(), FIRST_SENTENCE,
                    NO_EMBEDDINGS));
        }
        scala.collection.Seq<Annotation> found = matcher.annotate(JavaConverters.asScalaBuffer(input).toSeq());
        List<MatchedSpan> matched = new ArrayList<>(found.size());
        for (Annotation a : JavaConverters.seqAsJavaList(found)) {
            matched.add(new MatchedSpan(a.result(), a.begin(), a.end() + 1));
        }
        return matched;
    }

    private TextAnalysis withSentenceDetector(Map<String, List<IAnnotation>> result) {
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
            addMatch(matches, sentence, chunk.begin(), chunk.end() + 1, target);
        }
        return new TextAnalysis(sentences, matches);
    }

    private TextAnalysis withSplitter(String text, List<TextAnalysis.Token> allTokens, List<MatchedSpan> matched) {
        List<int[]> spans = splitter.split(text);
        int[] begins = new int[spans.size()];
        List<List<TextAnalysis.Token>> tokens = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            begins[i] = spans.get(i)[0];
            tokens.add(new ArrayList<>());
        }
        for (TextAnalysis.Token token : allTokens) {
            int s = sentenceAt(begins, token.begin());
            if (s >= 0) {
                tokens.get(s).add(token);
            }
        }
        List<TextAnalysis.Sentence> sentences = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            sentences.add(new TextAnalysis.Sentence(i, spans.get(i)[0], spans.get(i)[1], tokens.get(i)));
        }
        List<TextAnalysis.CatalogueMatch> matches = new ArrayList<>();
        for (MatchedSpan span : matched) {
            EntityCatalogue.Target target = surfaceTargets.get(EntityCatalogue.key(span.text()));
            int s = sentenceAt(begins, span.begin());
            if (target == null || s < 0 || span.end() > spans.get(s)[1]) {
                continue; // a key variant, or a match across a sentence boundary
            }
            addMatch(matches, sentences.get(s), span.begin(), span.end(), target);
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
