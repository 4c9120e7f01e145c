package org.newsprism.nlp;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsprism.Rows;
import org.newsprism.config.JobConfig;

/**
 * Stage "NLP": kept articles in (columns {@code text}, {@code language} required), the same rows out
 * with sentence, word and mention counts, GDELT-style tone ({@code sentiment}, {@code sentiment_label},
 * {@code positive_score}, {@code negative_score}, {@code polarity}) and {@code mentions} and
 * {@code sentences} arrays.
 *
 * <p>The catalogue, lexicons and the fitted Spark NLP pipeline are built once on the driver and shipped
 * with the task; nothing is downloaded and executors read no files. Reads {@code nlp.*}.
 */
public final class AnnotateStage {
    public static final StructType MENTION = new StructType()
            .add("entity_id", StringType, false)
            .add("entity_name", StringType, false)
            .add("entity_type", StringType, false)
            .add("surface", StringType, false)
            .add("begin", IntegerType, false)
            .add("end", IntegerType, false)
            .add("sentence_index", IntegerType, false)
            .add("derived", BooleanType, false)
            .add("discovered", BooleanType, false)
            .add("sentiment", DoubleType, false)
            .add("sentiment_label", StringType, false);

    public static final StructType SENTENCE = new StructType()
            .add("sentence_index", IntegerType, false)
            .add("begin", IntegerType, false)
            .add("end", IntegerType, false)
            .add("word_count", IntegerType, false)
            .add("sentiment", DoubleType, false)
            .add("sentiment_label", StringType, false);

    private static final StructField[] ADDED = {
        DataTypes.createStructField("sentence_count", IntegerType, false),
        DataTypes.createStructField("word_count", IntegerType, false),
        DataTypes.createStructField("mention_count", IntegerType, false),
        DataTypes.createStructField("sentiment", DoubleType, false),
        DataTypes.createStructField("sentiment_label", StringType, false),
        DataTypes.createStructField("positive_score", DoubleType, false),
        DataTypes.createStructField("negative_score", DoubleType, false),
        DataTypes.createStructField("polarity", DoubleType, false),
        DataTypes.createStructField("mentions", new ArrayType(MENTION, false), false),
        DataTypes.createStructField("sentences", new ArrayType(SENTENCE, false), false)
    };

    private final ArticleAnnotator annotator;
    private final EntityCatalogue catalogue;

    public AnnotateStage(SparkSession spark, JobConfig config) {
        JobConfig.Nlp nlp = config.nlp();
        this.catalogue = EntityCatalogue.load(nlp.entities().catalogue(), nlp.entities().givenNames());
        Map<String, EntityCatalogue.SurfaceForm> forms =
                catalogue.surfaceForms(nlp.entities().genitiveForms(), nlp.entities().possessiveForms());
        Map<String, EntityRecognizer> recognizers = new LinkedHashMap<>();
        JobConfig.Discovery discovery = nlp.entities().discovery();
        if (discovery.enabled()) {
            discovery.models().forEach((language, location) ->
                    recognizers.put(language, EntityRecognizer.load(location, discovery.minProbability(),
                            discovery.skipUnnameableTokens())));
        }
        Map<String, SentimentLexicon> lexicons = new LinkedHashMap<>();
        for (String language : config.normalize().language().supported()) {
            lexicons.put(language, SentimentLexicon.load(language, nlp.sentiment()));
        }
        boolean regex = nlp.sentenceSplitter().equals("regex");
        PipelineModel model = SparkNlpPipeline.fit(spark,
                forms.values().stream().map(EntityCatalogue.SurfaceForm::text).toList(), !regex);
        this.annotator = new ArticleAnnotator(new TextAnalyzer(model, forms, regex ? new SentenceSplitter() : null,
                nlp.cachedChunks()),
                catalogue, recognizers, lexicons, nlp);
    }

    public EntityCatalogue catalogue() {
        return catalogue;
    }

    ArticleAnnotator annotator() {
        return annotator;
    }

    public Dataset<Row> apply(Dataset<Row> articles) {
        StructType in = articles.schema();
        StructType out = in;
        for (StructField field : ADDED) {
            out = out.add(field);
        }
        int textIndex = in.fieldIndex("text");
        int languageIndex = in.fieldIndex("language");
        ArticleAnnotator a = annotator;
        return Rows.mapEach(articles,
                row -> append(row, a.annotate(row.getString(textIndex), row.getString(languageIndex))), out);
    }

    private static Row append(Row row, ArticleAnnotator.Annotated r) {
        List<Object> values = new ArrayList<>(row.size() + ADDED.length);
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        List<Row> mentions = new ArrayList<>(r.mentions().size());
        for (ArticleAnnotator.Mention m : r.mentions()) {
            mentions.add(RowFactory.create(m.entity().id(), m.entity().name(), m.entity().type(), m.surface(),
                    m.begin(), m.end(), m.sentenceIndex(), m.derived(), m.discovered(), m.sentiment(), m.label()));
        }
        values.add(r.sentences().size());
        values.add(r.words());
        values.add(r.mentions().size());
        values.add(r.sentiment());
        values.add(r.label());
        values.add(r.positiveScore());
        values.add(r.negativeScore());
        values.add(r.polarity());
        values.add(scala.collection.JavaConverters.asScalaBuffer(mentions).toSeq());
        List<Row> sentences = new ArrayList<>(r.sentences().size());
        for (ArticleAnnotator.Sentence s : r.sentences()) {
            sentences.add(RowFactory.create(s.index(), s.begin(), s.end(), s.score().words(), s.sentiment(), s.label()));
        }
        values.add(scala.collection.JavaConverters.asScalaBuffer(sentences).toSeq());
        return RowFactory.create(values.toArray());
    }
}
