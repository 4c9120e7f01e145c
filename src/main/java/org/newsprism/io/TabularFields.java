package org.newsprism.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.newsprism.config.JobConfig;

/**
 * Maps a table read by Spark (CSV, TSV, Parquet) onto {@link RawRecords#SCHEMA}: configured field names
 * to article fields, scalars cast to strings, and a reject reason for records without usable text.
 * Fields of a complex type (array, struct, map) cannot be an article attribute: the file's records are
 * rejected with a reason that names the field. The field names are the file's own
 * ({@link InputFile#fields()}); a name with dots reaches into a struct ({@code article.body}). The HTML
 * field may also be binary (decoded as UTF-8).
 */
final class TabularFields {
    private TabularFields() {}

    static Dataset<Row> toRaw(Dataset<Row> table, InputFile file, Column position, JobConfig.Input config) {
        JobConfig.FieldNames f = file.fields();
        List<String> problems = new ArrayList<>();
        Column text = field(table, f.text(), problems);
        Column html = typeOf(table, f.html()) instanceof org.apache.spark.sql.types.BinaryType
                ? column(table, f.html()).cast(DataTypes.StringType)
                : field(table, f.html(), problems);
        DataType textType = typeOf(table, f.text());
        if (textType != null && !(textType instanceof StringType)) {
            problems.add("text (field " + f.text() + ") is not a string but " + textType.simpleString());
        }
        Column[] others = {
            field(table, f.id(), problems), field(table, f.url(), problems), field(table, f.source(), problems),
            field(table, f.title(), problems), text, field(table, f.publishedAt(), problems),
            field(table, f.language(), problems), html
        };
        Column reason = problems.isEmpty()
                ? when(text.isNull().and(html.isNull()), lit("missing text (field " + f.text() + ")"))
                : lit(String.join("; ", problems));
        Column rawJson = to_json(struct(Arrays.stream(table.columns()).map(c -> col(quote(c))).toArray(Column[]::new)));
        Column excerpt = when(reason.isNotNull(), excerptOf(rawJson, config.excerptChars()));
        Dataset<Row> raw = table.select(
                lit(file.path()).as("input_file"),
                position.cast(DataTypes.LongType).as("input_position"),
                concat(lit(file.relativePath() + ":"), position.cast(DataTypes.StringType)).as("record_key"),
                others[0].as("input_id"), others[1].as("url"), others[2].as("source"), others[3].as("title"),
                others[4].as("text"), others[5].as("published_at"), others[6].as("language"), others[7].as("html"),
                reason.as("reject_reason"), excerpt.as("raw_excerpt"));
        // Rejected records keep only their excerpt, as readers of other formats do.
        Column accepted = raw.col("reject_reason").isNull();
        return raw.select(Arrays.stream(RawRecords.SCHEMA.fieldNames())
                .map(name -> isArticleField(name) ? when(accepted, raw.col(name)).as(name) : raw.col(name))
                .toArray(Column[]::new));
    }

    private static boolean isArticleField(String name) {
        return List.of("input_id", "url", "source", "title", "text", "published_at", "language", "html").contains(name);
    }

    private static Column excerptOf(Column json, int max) {
        return org.apache.spark.sql.functions.substring(json, 1, Math.max(max, 1));
    }

    /** The type of a configured field: a top-level column, else a nested path, else null (absent). */
    private static DataType typeOf(Dataset<Row> table, String name) {
        StructType schema = table.schema();
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            return schema.apply(name).dataType();
        }
        if (name.indexOf('.') > 0) {
            try {
                return table.select(col(name)).schema().fields()[0].dataType();
            } catch (Exception e) { // AnalysisException: the path does not exist in this file
                return null;
            }
        }
        return null;
    }

    /** The column for a configured field as a string, or a null literal when absent or unusable. */
    private static Column field(Dataset<Row> table, String name, List<String> problems) {
        DataType type = typeOf(table, name);
        if (type == null) {
            return lit(null).cast(DataTypes.StringType);
        }
        Column column = column(table, name);
        if (!(type instanceof StringType) && !isScalar(type)) {
            problems.add("field " + name + " is " + type.simpleString() + ", expected a string");
            return lit(null).cast(DataTypes.StringType);
        }
        return column.cast(DataTypes.StringType);
    }

    private static Column column(Dataset<Row> table, String name) {
        return Arrays.asList(table.schema().fieldNames()).contains(name) ? col(quote(name)) : col(name);
    }

    private static boolean isScalar(DataType type) {
        return !(type instanceof org.apache.spark.sql.types.ArrayType
                || type instanceof StructType
                || type instanceof org.apache.spark.sql.types.MapType
                || type instanceof org.apache.spark.sql.types.BinaryType);
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
