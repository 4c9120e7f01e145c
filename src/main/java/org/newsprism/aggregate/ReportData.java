package org.newsprism.aggregate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@code report.html} shows, collected from the final tables into plain values (a few hundred rows
 * at most), so that {@link HtmlReport} renders it without Spark.
 *
 * @param title heading line (run id and mode)
 * @param totals rows per table and other headline numbers, in display order
 * @param topEntities the entities with the most mentions, most first (ties by id)
 * @param timeline mentions per day of the first {@code timeline-entities} of {@code topEntities}, by entity id;
 *     days without mentions are absent; undated mentions are not in it
 * @param undatedMentions mentions of those entities in articles without a date
 * @param duplicatesByMethod duplicates per dedup method
 * @param rejectedByStage rejected records per stage
 * @param topReasons the most frequent reject reasons
 * @param topSources the sources with the most articles
 */
public record ReportData(
        String title,
        Map<String, Long> totals,
        List<EntityStat> topEntities,
        Map<String, Map<LocalDate, Long>> timeline,
        long undatedMentions,
        Map<String, Long> duplicatesByMethod,
        Map<String, Long> rejectedByStage,
        List<ReasonCount> topReasons,
        List<SourceStat> topSources) {

    /** One entity's mentions and the spread of their sentiment. */
    public record EntityStat(String id, String name, String type, long mentions, long articles, double sentimentMean,
            double sentimentStddev, long positive, long neutral, long negative) {}

    /** One reject reason and how often it occurred. */
    public record ReasonCount(String stage, String reason, long count) {}

    /** One source's articles, duplicates and rejects over all days. */
    public record SourceStat(String source, long articles, long duplicates, long rejected) {}

    /**
     * Collects the report from the final tables.
     *
     * @param tableRows rows per table, shown as totals
     * @param entities the {@code entities} table of the same mentions: the top entities and their counts come
     *     from it, so that only their own mentions are read again, for the spread of their sentiment
     */
    public static ReportData collect(String title, Map<String, Long> tableRows, Dataset<Row> mentions,
            Dataset<Row> entities, Dataset<Row> entityDaily, Dataset<Row> duplicates, Dataset<Row> rejected,
            Dataset<Row> sourceDaily, int topEntities, int timelineEntities) {
        List<Row> leaders = entities.select(col("entity_id"), col("entity_name"), col("entity_type"),
                        col("mentions"), col("articles"))
                .orderBy(col("mentions").desc(), col("entity_id").asc())
                .limit(topEntities)
                .collectAsList();
        Map<List<Object>, Row> spreads = new HashMap<>();
        if (!leaders.isEmpty()) {
            Object[] ids = leaders.stream().map(r -> r.getString(0)).distinct().toArray();
            for (Row r : mentions.where(col("entity_id").isin(ids))
                    .groupBy(col("entity_id"), col("entity_name"), col("entity_type"))
                    .agg(avg(col("sentiment")).as("mean"), stddev_samp(col("sentiment")).as("sd"),
                            label("positive"), label("neutral"), label("negative"))
                    .collectAsList()) {
                spreads.put(Arrays.asList(r.get(0), r.get(1), r.get(2)), r);
            }
        }
        List<EntityStat> top = new ArrayList<>();
        for (Row e : leaders) {
            Row s = spreads.get(Arrays.asList(e.get(0), e.get(1), e.get(2)));
            top.add(new EntityStat(e.getString(0), e.getString(1), e.getString(2), e.getLong(3), e.getLong(4),
                    s.isNullAt(3) ? 0.0 : s.getDouble(3), s.isNullAt(4) ? 0.0 : s.getDouble(4), s.getLong(5),
                    s.getLong(6), s.getLong(7)));
        }
        List<String> drawn = top.stream().limit(timelineEntities).map(EntityStat::id).toList();
        Map<String, Map<LocalDate, Long>> timeline = new LinkedHashMap<>();
        drawn.forEach(id -> timeline.put(id, new TreeMap<>()));
        long undated = 0;
        if (!drawn.isEmpty()) {
            for (Row r : entityDaily.where(col("entity_id").isin(drawn.toArray()))
                    .groupBy(col("entity_id"), col("published_date")).agg(sum(col("mentions")))
                    .collectAsList()) {
                if (r.isNullAt(1)) {
                    undated += r.getLong(2);
                } else {
                    timeline.get(r.getString(0)).put(r.getDate(1).toLocalDate(), r.getLong(2));
                }
            }
        }
        List<ReasonCount> reasons = new ArrayList<>();
        for (Row r : rejected.groupBy(col("stage"), col("reason")).count()
                .orderBy(col("count").desc(), col("stage"), col("reason")).limit(12).collectAsList()) {
            reasons.add(new ReasonCount(r.getString(0), r.getString(1), r.getLong(2)));
        }
        List<SourceStat> sources = new ArrayList<>();
        for (Row r : sourceDaily.where(col("source").isNotNull()).groupBy(col("source"))
                .agg(sum(col("articles")), sum(col("duplicates")), sum(col("rejected")))
                .orderBy(col("sum(articles)").desc(), col("source")).limit(15).collectAsList()) {
            sources.add(new SourceStat(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
        }
        return new ReportData(title, tableRows, top, timeline, undated, countBy(duplicates, "method"),
                countBy(rejected, "stage"), reasons, sources);
    }

    private static org.apache.spark.sql.Column label(String label) {
        return sum(when(col("sentiment_label").equalTo(label), 1L).otherwise(0L)).as(label);
    }

    private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : rows.groupBy(col(column)).count().collectAsList()) {
            counts.put(r.isNullAt(0) ? "(none)" : r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
