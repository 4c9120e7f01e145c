package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsprism.nlp.Entity;

/**
 * Stage "aggregate" (entities): mentions and their {@code entity_daily} summary in, one row per entity
 * seen in the run out: its id, name and type, whether it comes from the catalogue, its aliases (the
 * catalogue's aliases and derived forms, or for a discovered entity the forms it was found under), the
 * forms actually seen, and its mention and article counts.
 */
public final class EntityTable {
    private static final StructType CATALOGUE = new StructType()
            .add("catalogue_id", DataTypes.StringType, false)
            .add("catalogue_aliases", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private EntityTable() {}

    /**
     * The {@code entities} table of these mentions; a catalogue entity's {@code aliases} come from
     * {@code catalogue} (aliases and derived forms), a discovered one's are its surfaces. {@code entityDaily}
     * is {@link EntityDailyAggregator#aggregate} of the same mentions.
     */
    public static Dataset<Row> build(SparkSession spark, Dataset<Row> mentions, Dataset<Row> entityDaily,
            List<Entity> catalogue) {
        List<Row> rows = new ArrayList<>(catalogue.size());
        for (Entity e : catalogue) {
            List<String> aliases = new ArrayList<>(e.aliases());
            aliases.addAll(e.derived());
            rows.add(RowFactory.create(e.id(), aliases));
        }
        Dataset<Row> aliases = spark.createDataFrame(rows, CATALOGUE);
        Dataset<Row> seen = seen(mentions, entityDaily);
        return seen.join(functions.broadcast(aliases), seen.col("entity_id").equalTo(aliases.col("catalogue_id")), "left")
                .select(col("entity_id"), col("entity_name"), col("entity_type"), col("from_catalogue"),
                        when(col("catalogue_aliases").isNotNull(), col("catalogue_aliases"))
                                .otherwise(col("surfaces")).as("aliases"),
                        col("surfaces"), col("mentions"), col("articles"));
    }

    /**
     * One row per entity (id, name, type) of the mentions: {@code from_catalogue} (any mention not
     * discovered), {@code mentions}, distinct {@code articles} and the sorted distinct {@code surfaces}.
     *
     * <p>The counts are sums over the entity's {@code entity_daily} rows: an article has one published date
     * and one language, so it is counted in exactly one of them, and the distinct articles of an entity are the
     * sum of its daily ones. No distinct count over all mentions is needed (a second pass over every mention,
     * which spills at a few hundred thousand articles). The catalogue flag and the surfaces are aggregated
     * over the distinct (entity, surface) pairs, a small table once each task has reduced its mentions.
     */
    static Dataset<Row> seen(Dataset<Row> mentions, Dataset<Row> entityDaily) {
        Column[] key = {col("entity_id"), col("entity_name"), col("entity_type")};
        // coalesce only keeps the columns non-nullable, as counts are: Spark types every sum as nullable.
        Dataset<Row> counts = entityDaily.groupBy(key)
                .agg(coalesce(sum(col("mentions")), lit(0L)).as("mentions"),
                        coalesce(sum(col("articles")), lit(0L)).as("articles"));
        // Surfaces are collected from the distinct ones only: one aggregation holding collect_set over all
        // mentions would run as an object hash aggregation, which falls back to sorting them all once a task
        // sees more than 128 entities.
        Dataset<Row> surfaces = mentions.groupBy(col("entity_id").as("s_id"), col("entity_name").as("s_name"),
                        col("entity_type").as("s_type"), col("surface"))
                .agg(max(not(col("discovered"))).as("s_catalogue"))
                .groupBy(col("s_id"), col("s_name"), col("s_type"))
                .agg(max(col("s_catalogue")).as("from_catalogue"), array_sort(collect_list(col("surface"))).as("surfaces"));
        return counts.join(surfaces, counts.col("entity_id").eqNullSafe(surfaces.col("s_id"))
                        .and(counts.col("entity_name").eqNullSafe(surfaces.col("s_name")))
                        .and(counts.col("entity_type").eqNullSafe(surfaces.col("s_type"))))
                .select(col("entity_id"), col("entity_name"), col("entity_type"), col("from_catalogue"),
                        col("mentions"), col("articles"), col("surfaces"));
    }
}
