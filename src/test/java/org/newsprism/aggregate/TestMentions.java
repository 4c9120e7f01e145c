package org.newsprism.aggregate;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsprism.SharedSpark;

/** Mention rows for the aggregate tests: the columns of the job's mentions that the aggregates read. */
final class TestMentions {
    static final StructType SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("entity_name", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("surface", DataTypes.StringType)
            .add("discovered", DataTypes.BooleanType, false)
            .add("sentiment", DataTypes.DoubleType)
            .add("sentiment_label", DataTypes.StringType)
            .add("published_date", DataTypes.DateType)
            .add("source", DataTypes.StringType)
            .add("language", DataTypes.StringType);

    private TestMentions() {}

    /** One mention; {@code date} is ISO ({@code 2025-08-18}) or null. */
    static Row row(String article, String id, String name, String type, String surface, boolean discovered,
            double sentiment, String label, String date, String source, String language) {
        return RowFactory.create(article, id, name, type, surface, discovered, sentiment, label,
                date == null ? null : Date.valueOf(date), source, language);
    }

    static Dataset<Row> of(List<Row> rows) {
        return SharedSpark.session().createDataFrame(rows, SCHEMA);
    }
}
