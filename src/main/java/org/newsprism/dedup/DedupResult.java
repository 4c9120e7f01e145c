package org.newsprism.dedup;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What deduplication splits the normalised articles into.
 *
 * @param kept one article per duplicate group, with {@code duplicate_count}
 * @param duplicates {@code article_id, duplicate_of, method, similarity, input_file}
 * @param rejected records that cannot be kept (an id already used by another text), in the normalised
 *     schema with {@code reject_stage = "dedup"}
 * @param sketches the dedup keys of every article that reached URL and near dedup ({@code article_id,
 *     url_key, signature}), persisted: the caller unpersists it. Null when neither method ran.
 */
public record DedupResult(Dataset<Row> kept, Dataset<Row> duplicates, Dataset<Row> rejected, Dataset<Row> sketches) {
    /** A result without sketches (exact dedup only). */
    public DedupResult(Dataset<Row> kept, Dataset<Row> duplicates, Dataset<Row> rejected) {
        this(kept, duplicates, rejected, null);
    }
}
