package org.newsprism.normalize;

import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newsprism.Rows;
import org.newsprism.config.JobConfig;

/**
 * Stage "normalise": raw records ({@link org.newsprism.io.RawRecords#SCHEMA}) in, normalised articles
 * and rejects ({@link ArticleNormalizer#SCHEMA}) out, one row per input record. Boilerplate patterns are
 * loaded on the driver and shipped with the task. Reads {@code normalize.*} and
 * {@code input.excerpt-chars}.
 */
public final class NormalizeStage {
    private final ArticleNormalizer normalizer;

    public NormalizeStage(JobConfig config, Instant runStart) {
        this.normalizer = new ArticleNormalizer(config.normalize(), config.input().excerptChars(),
                BoilerplateRemover.load(config.normalize().boilerplate()), runStart);
    }

    public Dataset<Row> apply(Dataset<Row> raw) {
        return Rows.mapEach(raw, normalizer::normalize, ArticleNormalizer.SCHEMA);
    }
}
