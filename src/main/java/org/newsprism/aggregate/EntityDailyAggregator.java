package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsprism.io.Shuffles;

/**
 * Stage "aggregate": mentions in, {@code entity_daily} out: per published date, entity and language the
 * number of mentions, distinct articles and sources, mean and sample standard deviation of mention
 * sentiment, and mentions per sentiment label. Articles without a date aggregate under a null date.
 *
 * <p>The mentions are shuffled once by that key (a task per two million of them) and sorted within each
 * partition by the key (entity id first), source, article and sentiment, and each key's run of rows is
 * summarised in one pass: an article has one source, so distinct sources and articles are the changes of
 * source and article along the run.
 * Spark's own formulation ({@code countDistinct} of two columns) copies every mention three times
 * ({@code Expand}) and shuffles twice. Sentiment mean and deviation are summed in the sorted order, so they do not depend on
 * how the mentions were partitioned.
 */
public final class EntityDailyAggregator {
    /** The grouping key, in the table's column order. */
    private static final List<String> KEY = List.of("published_date", "entity_id", "entity_name", "entity_type",
            "language");

    private EntityDailyAggregator() {}

    /** {@code entity_daily} of {@code mentions} in {@code spark.shuffle-partitions} tasks (small inputs, tests). */
    public static Dataset<Row> aggregate(Dataset<Row> mentions) {
        return aggregate(mentions, 0);
    }

    /**
     * {@code entity_daily} of about {@code mentionRows} mentions, sorted in a task per two million of them, at
     * least {@code spark.shuffle-partitions} ({@link Shuffles#sortTasks}).
     */
    public static Dataset<Row> aggregate(Dataset<Row> mentions, long mentionRows) {
        Column[] key = KEY.stream().map(c -> col(c)).toArray(Column[]::new);
        // The sort's 8-byte prefix holds its first column: the entity id tells most rows apart there, where the
        // date (the table's first column) would leave every row of a day to a full comparison of the strings.
        // Any order of the key columns puts each key's rows together; within a key the order is as before.
        List<Column> withinKey = List.of(col("source"), col("article_id"), col("sentiment"));
        List<Column> order = new ArrayList<>(List.of(col("entity_id"), col("published_date"), col("entity_name"),
                col("entity_type"), col("language")));
        order.addAll(withinKey);
        List<Column> columns = new ArrayList<>(List.of(key));
        columns.addAll(withinKey);
        columns.add(col("sentiment_label"));
        Dataset<Row> slim = mentions.select(columns.toArray(Column[]::new));
        StructType schema = new StructType();
        for (String c : KEY) {
            schema = schema.add(slim.schema().apply(c));
        }
        schema = schema.add("mentions", DataTypes.LongType, false)
                .add("articles", DataTypes.LongType, false)
                .add("sources", DataTypes.LongType, false)
                .add("sentiment_mean", DataTypes.DoubleType, true)
                .add("sentiment_stddev", DataTypes.DoubleType, true)
                .add("positive", DataTypes.LongType, false)
                .add("neutral", DataTypes.LongType, false)
                .add("negative", DataTypes.LongType, false);
        return slim.repartition(Shuffles.sortTasks(mentions.sparkSession(), mentionRows), key)
                .sortWithinPartitions(order.toArray(Column[]::new))
                .mapPartitions((MapPartitionsFunction<Row, Row>) Summaries::new, Encoders.row(schema));
    }

    /**
     * One row per run of equal keys of sorted rows {@code (key..., source, article_id, sentiment,
     * sentiment_label)}. Streams: holds one run's sums at a time.
     */
    private static final class Summaries implements Iterator<Row> {
        private static final int KEYS = KEY.size();
        private final Iterator<Row> rows;
        private Row next;

        Summaries(Iterator<Row> rows) {
            this.rows = rows;
            this.next = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Row first = next;
            long mentions = 0;
            long articles = 0;
            long sources = 0;
            long positive = 0;
            long neutral = 0;
            long negative = 0;
            // Sentiment: a sum for the mean, as Spark's avg; Welford's update for the deviation, as Spark's
            // stddev_samp, so that a run of equal values has a deviation of exactly 0.
            long n = 0;
            double sum = 0;
            double mean = 0;
            double m2 = 0;
            Object source = null;
            Object article = null;
            Row row = first;
            do {
                mentions++;
                Object rowSource = row.get(KEYS);
                Object rowArticle = row.get(KEYS + 1);
                if (rowSource != null && (sources == 0 || !rowSource.equals(source))) {
                    sources++;
                    source = rowSource;
                }
                if (rowArticle != null && (articles == 0 || !rowArticle.equals(article))) {
                    articles++;
                    article = rowArticle;
                }
                if (!row.isNullAt(KEYS + 2)) {
                    double x = row.getDouble(KEYS + 2);
                    n++;
                    sum += x;
                    double delta = x - mean;
                    double deltaN = delta / n;
                    mean += deltaN;
                    m2 += delta * (delta - deltaN);
                }
                Object label = row.get(KEYS + 3);
                if ("positive".equals(label)) {
                    positive++;
                } else if ("neutral".equals(label)) {
                    neutral++;
                } else if ("negative".equals(label)) {
                    negative++;
                }
                row = rows.hasNext() ? rows.next() : null;
            } while (row != null && sameKey(first, row));
            next = row;
            Object[] values = new Object[KEYS + 8];
            for (int i = 0; i < KEYS; i++) {
                values[i] = first.get(i);
            }
            values[KEYS] = mentions;
            values[KEYS + 1] = articles;
            values[KEYS + 2] = sources;
            values[KEYS + 3] = n == 0 ? null : sum / n;
            values[KEYS + 4] = n < 2 ? null : Math.sqrt(m2 / (n - 1));
            values[KEYS + 5] = positive;
            values[KEYS + 6] = neutral;
            values[KEYS + 7] = negative;
            return RowFactory.create(values);
        }

        private static boolean sameKey(Row a, Row b) {
            for (int i = 0; i < KEYS; i++) {
                if (!Objects.equals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
