package org.newsprism.nlp;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.TextMatcher;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds the Spark NLP annotation pipeline, fitted once on the driver:
 * {@code DocumentAssembler → Tokenizer → TextMatcher} over the whole text, sentences coming from
 * {@link SentenceSplitter} (setting {@code nlp.sentences.splitter = regex}, the default), or
 * {@code DocumentAssembler → SentenceDetector → Tokenizer → TextMatcher} ({@code spark-nlp}).
 *
 * <ul>
 *   <li>Sentences ({@code spark-nlp} only): rule-based detector; a blank line (paragraph break) always
 *       ends a sentence, so headings do not merge with the paragraph that follows. It costs about half
 *       of the annotation time, hence the regex splitter by default.</li>
 *   <li>Tokens: hyphens split compounds ({@code EU-Kommissionschefin → EU, Kommissionschefin}) and German
 *       and typographic quotes are context characters, so {@code „Putin“} yields the token Putin.</li>
 *   <li>Entities: a token-level {@code TextMatcher} over every catalogue surface form, case-sensitive,
 *       longest match wins. Matching whole tokens means "Trumpf" never matches "Trump" and "USB" never
 *       matches "US" (Spark NLP's character-level EntityRuler would).</li>
 * </ul>
 */
public final class SparkNlpPipeline {
    static final String TEXT = "text";
    static final String SENTENCES = "sentence";
    static final String TOKENS = "token";
    static final String ENTITIES = "entity";

    /** Characters stripped from token edges (Spark NLP's defaults plus German and typographic quotes). */
    private static final String[] CONTEXT_CHARS = {
        ".", ",", ";", ":", "!", "?", "*", "-", "(", ")", "\"", "'", "[", "]", "{", "}", "/", "\\",
        "„", "“", "”", "‚", "‘", "’", "«", "»", "‹", "›", "–", "—", "…"
    };

    private SparkNlpPipeline() {}

    public static PipelineModel fit(SparkSession spark, Collection<String> phrases) {
        return fit(spark, phrases, true);
    }

    /**
     * @param detectSentences whether Spark NLP's SentenceDetector splits sentences; otherwise tokens and
     *     matches cover the whole text (annotation column {@code sentence} is then the document)
     */
    public static PipelineModel fit(SparkSession spark, Collection<String> phrases, boolean detectSentences) {
        DocumentAssembler document = new DocumentAssembler();
        document.setInputCol(TEXT);
        document.setOutputCol(detectSentences ? "document" : SENTENCES);

        SentenceDetector sentences = new SentenceDetector();
        sentences.setInputCols(new String[] {"document"});
        sentences.setOutputCol(SENTENCES);
        sentences.setCustomBounds(new String[] {"\n\n"});
        sentences.setUseCustomBoundsOnly(false);

        Tokenizer tokenizer = new Tokenizer();
        tokenizer.setInputCols(new String[] {SENTENCES});
        tokenizer.setOutputCol(TOKENS);
        tokenizer.setContextChars(CONTEXT_CHARS);
        tokenizer.setSplitChars(new String[] {"-", "‐", "‑", "/"});

        StructType schema = new StructType().add(TEXT, DataTypes.StringType);
        Dataset<Row> empty = spark.createDataFrame(List.of(RowFactory.create("")), schema);
        PipelineStage[] front = detectSentences ? new PipelineStage[] {document, sentences}
                : new PipelineStage[] {document};
        PipelineModel prefix = new Pipeline().setStages(front).fit(empty);
        TokenizerModel tokenizerModel = tokenizer.fit(prefix.transform(empty));

        TextMatcher matcher = new TextMatcher();
        matcher.setInputCols(new String[] {SENTENCES, TOKENS});
        matcher.setOutputCol(ENTITIES);
        matcher.setCaseSensitive(true);
        matcher.setMergeOverlapping(true);
        matcher.setEntityValue("catalogue");
        matcher.setTokenizer(tokenizerModel);
        // TextMatcher reads its phrases from a file, on the driver, while fitting; the fitted model holds
        // them, so the file is deleted right away and executors never need the driver's disk.
        Path phrasesFile = writePhrases(phrases);
        try {
            matcher.setEntities(phrasesFile.toUri().toString(), ReadAs.TEXT(), scalaMap("format", "text"));
            return new Pipeline()
                    .setStages(detectSentences
                            ? new PipelineStage[] {document, sentences, tokenizerModel, matcher}
                            : new PipelineStage[] {document, tokenizerModel, matcher})
                    .fit(empty);
        } finally {
            deleteQuietly(phrasesFile);
        }
    }

    private static Path writePhrases(Collection<String> phrases) {
        try {
            Path file = Files.createTempFile("newsprism-phrases", ".txt");
            Files.write(file, phrases, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static scala.collection.immutable.Map<String, String> scalaMap(String key, String value) {
        return new scala.collection.immutable.Map.Map1<>(key, value);
    }
}
