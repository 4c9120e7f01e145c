package org.newsprism.dedup;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsprism.SharedSpark;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.io.RawRecords;
import org.newsprism.normalize.NormalizeStage;

/**
 * The quality bar of issue 4 on a realistic corpus with known clusters ({@link DedupTestCorpus}), run
 * through the job's own stages (normalise → exact → URL and near) with the default settings: pairwise
 * precision ≥ 0.98, recall ≥ 0.95, and no cluster that joins distinct articles sharing a template, a
 * site footer or a story. Three corpus seeds, so that the figures do not hinge on one draw.
 */
class NearDedupQualityTest {
    private static final JobConfig CONFIG = ConfigLoader.defaults().config();

    @ParameterizedTest
    @ValueSource(longs = {20250818L, 7L, 99L})
    void meetsThePrecisionAndRecallBarsWithoutMergingTemplateSiblings(long seed) {
        List<DedupTestCorpus.Article> corpus = DedupTestCorpus.generate(seed);
        DedupResult result = deduplicate(corpus);
        Map<String, String> predicted = predictedClusters(result);
        assertEquals(corpus.size(), predicted.size(), "every article is kept or a duplicate");

        Map<String, DedupTestCorpus.Article> byId = new HashMap<>();
        corpus.forEach(a -> byId.put(a.id(), a));
        Map<String, List<DedupTestCorpus.Article>> clusters = new TreeMap<>();
        predicted.forEach((id, label) -> clusters.computeIfAbsent(label, k -> new ArrayList<>()).add(byId.get(id)));

        long truePairs = 0;
        long predictedPairs = 0;
        long correctPairs = 0;
        List<String> templateMerges = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (int j = i + 1; j < corpus.size(); j++) {
                DedupTestCorpus.Article a = corpus.get(i);
                DedupTestCorpus.Article b = corpus.get(j);
                boolean same = a.cluster().equals(b.cluster());
                boolean together = predicted.get(a.id()).equals(predicted.get(b.id()));
                truePairs += same ? 1 : 0;
                predictedPairs += together ? 1 : 0;
                correctPairs += same && together ? 1 : 0;
                if (together && !same && !Collections.disjoint(a.families(), b.families())) {
                    templateMerges.add(a.id() + " + " + b.id() + " " + a.families());
                }
            }
        }
        double precision = predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
        double recall = (double) correctPairs / truePairs;
        Map<String, Long> byMethod = new TreeMap<>();
        result.duplicates().groupBy("method").count().collectAsList()
                .forEach(r -> byMethod.put(r.getString(0), r.getLong(1)));
        Map<String, Map<String, List<String>>> split = new TreeMap<>();
        for (DedupTestCorpus.Article a : corpus) {
            split.computeIfAbsent(a.cluster(), k -> new TreeMap<>())
                    .computeIfAbsent(predicted.get(a.id()), k -> new ArrayList<>()).add(a.id());
        }
        split.values().removeIf(parts -> parts.size() == 1);
        System.out.printf("dedup quality, corpus seed %d: %d articles in %d true clusters (%d true pairs); "
                        + "pairwise precision %.4f, recall %.4f; duplicates by method %s; split clusters %s%n",
                seed, corpus.size(), DedupTestCorpus.clusterSizes(corpus).size(), truePairs, precision, recall, byMethod,
                split.values());

        assertTrue(templateMerges.isEmpty(), "distinct articles sharing a template or footer merged: " + templateMerges);
        assertTrue(precision >= 0.98, "pairwise precision " + precision);
        assertTrue(recall >= 0.95, "pairwise recall " + recall);
        assertTrue(byMethod.getOrDefault("exact", 0L) > 0 && byMethod.getOrDefault("near", 0L) > 0
                && byMethod.getOrDefault("url", 0L) > 0, "the corpus exercises every method: " + byMethod);
    }

    /** The job's stages on the corpus: normalise, exact dedup, URL and near dedup. */
    static DedupResult deduplicate(List<DedupTestCorpus.Article> corpus) {
        List<Row> raw = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            DedupTestCorpus.Article a = corpus.get(i);
            raw.add(RawRecords.accepted("corpus.jsonl", i, "corpus.jsonl:" + i, new RawRecords.Fields(
                    a.id(), a.url(), a.source(), a.title(), a.text(), a.publishedAt().toString(), a.language(), null)));
        }
        Dataset<Row> normalized = new NormalizeStage(CONFIG, Instant.parse("2025-12-01T00:00:00Z"))
                .apply(SharedSpark.session().createDataFrame(raw, RawRecords.SCHEMA));
        assertEquals(0, normalized.where(col("reject_reason").isNotNull()).count(), "nothing rejected");
        DedupResult exact = new ExactDeduplicator(CONFIG.dedup()).apply(normalized);
        return new NearDeduplicator(CONFIG.dedup(), CONFIG.normalize().trackingParams()).apply(exact);
    }

    /** article_id → the id of the article kept for its cluster (its own id when kept). */
    static Map<String, String> predictedClusters(DedupResult result) {
        Map<String, String> labels = new HashMap<>();
        List<Row> kept = result.kept().select("article_id", "duplicate_count").collectAsList();
        kept.forEach(r -> labels.put(r.getString(0), r.getString(0)));
        Map<String, Integer> pointing = new HashMap<>();
        for (Row d : result.duplicates().select("article_id", "duplicate_of").collectAsList()) {
            assertTrue(labels.containsKey(d.getString(1)), "duplicate_of " + d.getString(1) + " is a kept article");
            assertTrue(labels.putIfAbsent(d.getString(0), d.getString(1)) == null, d.getString(0) + " listed once");
            pointing.merge(d.getString(1), 1, Integer::sum);
        }
        kept.forEach(r -> assertEquals(pointing.getOrDefault(r.getString(0), 0), r.getInt(1),
                "duplicate_count of " + r.getString(0)));
        return labels;
    }
}
