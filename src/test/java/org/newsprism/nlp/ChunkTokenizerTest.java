package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.johnsnowlabs.nlp.Annotation;
import com.johnsnowlabs.nlp.AnnotatorType;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.PipelineModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import scala.collection.JavaConverters;

/** The chunk tokenizer and the direct TextMatcher call against Spark NLP's own pipeline on the same texts. */
class ChunkTokenizerTest {
    /** Whitespace of every kind, the tokenizer's own marker characters, quotes, hyphens, empty texts. */
    private static final List<String> AWKWARD = List.of("", " ", "\n\n", "Putin", "  Putin  ", "\tPutin,\r\nTrump.",
            "a\u00A0b c\u2028d e\u2003f", "x\u2187y \u2188z", "Trump's „Putin“-Gipfel (Nato) U.S.-Präsident",
            "EU-Kommissionschefin/Nato-Gipfel ... --- ''", "\u000BUSA\fUSA", "Emoji 😀 Putin 😀,Trump",
            "Die USA, die USA; die USA: die USA! (USA) „USA“ 'USA' USA-Präsident");

    private static PipelineModel pipeline;
    private static Map<String, EntityCatalogue.SurfaceForm> forms;

    @BeforeAll
    static void fitPipelineOnce() {
        JobConfig.Nlp nlp = ConfigLoader.defaults().config().nlp();
        EntityCatalogue catalogue = EntityCatalogue.load(nlp.entities().catalogue(), nlp.entities().givenNames());
        forms = catalogue.surfaceForms(nlp.entities().genitiveForms(), nlp.entities().possessiveForms());
        pipeline = SparkNlpPipeline.fit(SharedSpark.session(),
                forms.values().stream().map(EntityCatalogue.SurfaceForm::text).toList(), false);
    }

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(AWKWARD);
        for (String dir : List.of("src/test/resources/dedup/base", "seeds", "src/test/resources/formats/text")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    texts.add(Files.readString(file));
                }
            }
        }
        return texts;
    }

    @Test
    void tokensEqualTheModelsOwnOnTheWholeText() throws IOException {
        TokenizerModel model = TextAnalyzer.stage(pipeline, TokenizerModel.class);
        assertTrue(ChunkTokenizer.supports(model));
        // A cache of 20 chunks starts over many times per text: hits, misses and clearing all happen.
        ChunkTokenizer chunks = new ChunkTokenizer(model, 20);
        int compared = 0;
        for (String text : texts()) {
            List<TextAnalysis.Token> expected = new ArrayList<>();
            Annotation document = new Annotation(AnnotatorType.DOCUMENT(), 0, text.length() - 1, text,
                    new scala.collection.immutable.Map.Map1<>("sentence", "0"), new float[0]);
            for (Annotation token : JavaConverters.seqAsJavaList(
                    model.annotate(JavaConverters.asScalaBuffer(List.of(document)).toSeq()))) {
                expected.add(new TextAnalysis.Token(token.result(), token.begin(), token.end() + 1));
            }
            assertEquals(expected, chunks.tokens(text), text);
            assertEquals(expected, chunks.tokens(text), "second time, from the cache: " + text);
            compared += expected.size();
        }
        assertTrue(compared > 5_000, "tokens compared: " + compared);
    }

    @Test
    void directAnalysisEqualsTheLightPipelines() throws IOException {
        TextAnalyzer light = new TextAnalyzer(pipeline, forms, new SentenceSplitter(), 0);
        TextAnalyzer direct = new TextAnalyzer(pipeline, forms, new SentenceSplitter(), 50);
        int matches = 0;
        for (String text : texts()) {
            TextAnalysis expected = light.analyse(text);
            assertEquals(expected, direct.analyse(text), text);
            matches += expected.matches().size();
        }
        assertTrue(matches > 100, "catalogue matches compared: " + matches);
    }

    @Test
    void modelsWithExceptionsAreNotChunked() {
        TokenizerModel model = (TokenizerModel) TextAnalyzer.stage(pipeline, TokenizerModel.class)
                .copy(new org.apache.spark.ml.param.ParamMap());
        model.setExceptions(new String[] {"New York"});
        assertFalse(ChunkTokenizer.supports(model));
    }
}
