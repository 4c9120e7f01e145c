package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsprism.nlp.Entity;

/**
 * Stage "aggregate" (entities): mentions in, one row per entity seen in the run out: its id, name and
 * type, whether it comes from the catalogue, its aliases (the catalogue's aliases and derived forms, or
 * for a discovered entity the forms it was found under), the forms actually seen, and its mention and
 * article counts.
 */
public final class EntityTable {
    private static final StructType CATALOGUE = new StructType()
            .add("catalogue_id", DataTypes.StringType, false)
            .add("catalogue_aliases", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private EntityTable() {}

    public static Dataset<Row> build(SparkSession spark, Dataset<Row> mentions, List<Entity> catalogue) {
        List<Row> rows = new ArrayList<>(catalogue.size());
        for (Entity e : catalogue) {
            List<String> aliases = new ArrayList<>(e.aliases());
            aliases.addAll(e.derived());
            rows.add(RowFactory.create(e.id(), aliases));
        }
        Dataset<Row> aliases = spark.createDataFrame(rows, CATALOGUE);
        Dataset<Row> seen = mentions
                .groupBy(col("entity_id"), col("entity_name"), col("entity_type"))
                .agg(functions.max(not(col("discovered"))).as("from_catalogue"),
                        array_sort(collect_set(col("surface"))).as("surfaces"),
                        count(lit(1)).as("mentions"),
                        countDistinct(col("article_id")).as("articles"));
        return seen.join(functions.broadcast(aliases), seen.col("entity_id").equalTo(aliases.col("catalogue_id")), "left")
                .select(col("entity_id"), col("entity_name"), col("entity_type"), col("from_catalogue"),
                        when(col("catalogue_aliases").isNotNull(), col("catalogue_aliases"))
                                .otherwise(col("surfaces")).as("aliases"),
                        col("surfaces"), col("mentions"), col("articles"));
    }
}
