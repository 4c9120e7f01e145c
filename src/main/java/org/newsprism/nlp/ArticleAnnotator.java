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
import org.newsprism.config.JobConfig;

/**
 * Annotates one article: runs the fitted Spark NLP pipeline ({@link SparkNlpPipeline}) through a
 * {@link LightPipeline} (no per-row DataFrame overhead), scores each sentence
 * ({@link SentenceSentimentScorer}) and resolves each matched chunk to its catalogue entity.
 *
 * <p>Offsets in the result are Unicode code points into the text (Python {@code str} indices), end
 * exclusive. One instance is shipped per task; the LightPipeline is created lazily on the executor.
 */
public final class ArticleAnnotator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PipelineModel model;
    private final List<Entity> entities;
    private final Map<String, EntityCatalogue.Target> surfaceTargets;
    private final Map<String, SentimentLexicon> lexicons;
    private final JobConfig.Sentiment sentimentConfig;
    private final int maxSentenceChars;
    private transient LightPipeline light;
    private transient Map<String, SentenceSentimentScorer> scorers;

    public ArticleAnnotator(PipelineModel model, EntityCatalogue catalogue, Map<String, EntityCatalogue.SurfaceForm> forms,
            Map<String, SentimentLexicon> lexicons, JobConfig.Nlp config) {
        this.model = model;
        this.entities = catalogue.entities();
        Map<String, EntityCatalogue.Target> targets = new HashMap<>();
        forms.forEach((key, form) -> targets.put(key, form.target()));
        this.surfaceTargets = targets;
        this.lexicons = Map.copyOf(lexicons);
        this.sentimentConfig = config.sentiment();
        this.maxSentenceChars = config.maxSentenceChars();
    }

    /** A sentence with its compound score. */
    public record Sentence(int index, int begin, int end, double sentiment, String label, SentenceSentimentScorer.Score score) {}

    /** A resolved entity mention. */
    public record Mention(Entity entity, String surface, int begin, int end, int sentenceIndex, boolean derived,
            double sentiment, String label) {}

    /** The annotations of one article and its GDELT-style tone. */
    public record Annotated(List<Sentence> sentences, List<Mention> mentions, int words, double sentiment,
            String label, double positiveScore, double negativeScore) {

        public double polarity() {
            return positiveScore + negativeScore;
        }
    }

    public Annotated annotate(String text, String language) {
        Map<String, List<IAnnotation>> result = lightPipeline().fullAnnotateJava(text);
        List<IAnnotation> sentenceAnnotations = result.getOrDefault(SparkNlpPipeline.SENTENCES, List.of());
        List<IAnnotation> tokenAnnotations = result.getOrDefault(SparkNlpPipeline.TOKENS, List.of());
        List<IAnnotation> chunkAnnotations = result.getOrDefault(SparkNlpPipeline.ENTITIES, List.of());

        Map<Integer, List<String>> tokensBySentence = new HashMap<>();
        for (IAnnotation a : tokenAnnotations) {
            JavaAnnotation token = (JavaAnnotation) a;
            tokensBySentence.computeIfAbsent(sentenceIndex(token), k -> new ArrayList<>()).add(token.result());
        }
        SentenceSentimentScorer scorer = scorer(language);
        OffsetMapper offsets = new OffsetMapper(text);
        List<Sentence> sentences = new ArrayList<>();
        Map<Integer, Sentence> byIndex = new HashMap<>();
        int words = 0;
        int positive = 0;
        int negative = 0;
        double sentimentSum = 0;
        int scoredSentences = 0;
        for (IAnnotation a : sentenceAnnotations) {
            JavaAnnotation s = (JavaAnnotation) a;
            int index = sentenceIndex(s);
            List<String> tokens = tokensBySentence.getOrDefault(index, List.of());
            boolean tooLong = s.end() - s.begin() + 1 > maxSentenceChars;
            SentenceSentimentScorer.Score score = scorer == null || tooLong
                    ? new SentenceSentimentScorer.Score(0.0, countWords(tokens), 0, 0)
                    : scorer.score(tokens);
            Sentence sentence = new Sentence(index, offsets.toCodePoint(s.begin()), offsets.toCodePoint(s.end() + 1),
                    score.compound(), sentimentConfig.label(score.compound()), score);
            sentences.add(sentence);
            byIndex.put(index, sentence);
            words += score.words();
            positive += score.positiveWords();
            negative += score.negativeWords();
            if (score.words() > 0) {
                sentimentSum += score.compound();
                scoredSentences++;
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (IAnnotation a : chunkAnnotations) {
            JavaAnnotation chunk = (JavaAnnotation) a;
            EntityCatalogue.Target target = surfaceTargets.get(EntityCatalogue.key(chunk.result()));
            if (target == null) {
                continue; // the matcher only finds catalogue forms; a miss means a key variant, not an entity
            }
            Sentence sentence = byIndex.get(sentenceIndex(chunk));
            double sentiment = sentence == null ? 0.0 : sentence.sentiment();
            mentions.add(new Mention(entities.get(target.entityIndex()), text.substring(chunk.begin(), chunk.end() + 1),
                    offsets.toCodePoint(chunk.begin()), offsets.toCodePoint(chunk.end() + 1), sentenceIndex(chunk),
                    target.derived(), sentiment, sentimentConfig.label(sentiment)));
        }
        double articleSentiment = scoredSentences == 0 ? 0.0 : sentimentSum / scoredSentences;
        double positiveScore = words == 0 ? 0.0 : 100.0 * positive / words;
        double negativeScore = words == 0 ? 0.0 : 100.0 * negative / words;
        return new Annotated(sentences, mentions, words, articleSentiment, sentimentConfig.label(articleSentiment),
                positiveScore, negativeScore);
    }

    private static int sentenceIndex(JavaAnnotation annotation) {
        String value = annotation.metadata().get("sentence");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static int countWords(List<String> tokens) {
        int count = 0;
        for (String t : tokens) {
            if (t.codePoints().anyMatch(Character::isLetter)) {
                count++;
            }
        }
        return count;
    }

    private LightPipeline lightPipeline() {
        if (light == null) {
            light = new LightPipeline(model, false);
        }
        return light;
    }

    private SentenceSentimentScorer scorer(String language) {
        if (scorers == null) {
            scorers = new HashMap<>();
        }
        SentimentLexicon lexicon = lexicons.get(language);
        if (lexicon == null) {
            return null;
        }
        return scorers.computeIfAbsent(language,
                l -> new SentenceSentimentScorer(lexicon, l, sentimentConfig.negationScope()));
    }

    /** Converts UTF-16 indices to code point indices; the identity for texts without surrogate pairs. */
    static final class OffsetMapper {
        private final String text;
        private final boolean identity;

        OffsetMapper(String text) {
            this.text = text;
            this.identity = text.codePointCount(0, text.length()) == text.length();
        }

        int toCodePoint(int utf16Index) {
            int index = Math.min(utf16Index, text.length());
            return identity ? index : text.codePointCount(0, index);
        }
    }
}
