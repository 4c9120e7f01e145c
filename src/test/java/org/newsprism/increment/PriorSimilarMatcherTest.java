package org.newsprism.increment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsprism.SharedSpark;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.JobConfig;
import org.newsprism.dedup.MinHasher;
import org.newsprism.dedup.NearDeduplicator;
import org.newsprism.dedup.Shingler;

class PriorSimilarMatcherTest {
    private static final JobConfig.Dedup DEDUP = ConfigLoader.defaults().config().dedup();
    private static final String SCHEME = NearDeduplicator.signatureScheme(DEDUP.near());
    private static final String STORY = "Die Europäische Zentralbank hat den Leitzins am Donnerstag erneut um einen"
            + " Viertelpunkt gesenkt. Die Notenbank begründete den Schritt mit der schwachen Konjunktur im Euroraum"
            + " und einer Inflation, die sich dem Ziel von zwei Prozent nähert. Ökonomen hatten damit gerechnet.";
    private static final String OTHER = "Der Stadtrat von Augsburg hat am Abend einen neuen Haushalt beschlossen,"
            + " der Investitionen in Schulen, Radwege und den Nahverkehr vorsieht und bis zum Frühjahr gilt.";

    private static byte[] signature(String text) {
        JobConfig.NearDedup near = DEDUP.near();
        return MinHasher.toBytes(new MinHasher(near.hashes(), near.seed()).signature(
                new Shingler(near.shingleSize()).shingles(text)));
    }

    private static Dataset<Row> sketches(Object... idUrlText) {
        StructType schema = new StructType().add("article_id", DataTypes.StringType)
                .add("url_key", DataTypes.StringType).add("signature", DataTypes.BinaryType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < idUrlText.length; i += 3) {
            rows.add(RowFactory.create(idUrlText[i], idUrlText[i + 1], signature((String) idUrlText[i + 2])));
        }
        return SharedSpark.session().createDataFrame(rows, schema);
    }

    /** dedup_index rows: id, url key, text, published_at, signature scheme. */
    private static Dataset<Row> index(Object... rowsOfFive) {
        StructType schema = new StructType().add("article_id", DataTypes.StringType)
                .add("url_key", DataTypes.StringType).add("signature", DataTypes.BinaryType)
                .add("signature_scheme", DataTypes.StringType).add("published_at", DataTypes.TimestampType)
                .add("char_count", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < rowsOfFive.length; i += 5) {
            String text = (String) rowsOfFive[i + 2];
            rows.add(RowFactory.create(rowsOfFive[i], rowsOfFive[i + 1], signature(text), rowsOfFive[i + 4],
                    Timestamp.valueOf((String) rowsOfFive[i + 3]), text.length()));
        }
        return SharedSpark.session().createDataFrame(rows, schema);
    }

    private static Map<String, List<Object>> matches(JobConfig.Dedup dedup, Dataset<Row> sketches, Dataset<Row> index) {
        Map<String, List<Object>> result = new TreeMap<>();
        new PriorSimilarMatcher(dedup).matches(sketches.select("article_id"), sketches, index).collectAsList()
                .forEach(r -> result.put(r.getString(0), List.of(r.getString(1), r.getString(2), r.getDouble(3))));
        return result;
    }

    @Test
    void aNewCopyJoinsTheEarlierArticleTheKeepPriorityPutsFirst() {
        Dataset<Row> fresh = sketches("n1", null, STORY + " Lesen Sie auch: Alles zur Zinswende.",
                "n2", null, OTHER);
        Dataset<Row> earlier = index(
                "late", null, STORY, "2025-08-20 10:00:00", SCHEME,
                "early", null, STORY + " (dpa)", "2025-08-19 10:00:00", SCHEME,
                "unrelated", null, "Ein ganz anderer Text über Fußball in München und die Bundesliga am Wochenende"
                        + " mit vielen Toren und einem neuen Rekord.", "2025-08-18 10:00:00", SCHEME);
        Map<String, List<Object>> found = matches(DEDUP, fresh, earlier);
        assertEquals(List.of("n1"), List.copyOf(found.keySet()), "n2 repeats nothing");
        assertEquals("early", found.get("n1").get(0), "the earliest of the two similar earlier articles");
        assertEquals("near", found.get("n1").get(1));
        assertTrue((double) found.get("n1").get(2) >= DEDUP.near().threshold());
    }

    @Test
    void signaturesOfAnotherSchemeAreNotComparedButUrlsStillAre() {
        Dataset<Row> fresh = sketches("n1", null, STORY, "n2", "example.org/a", OTHER);
        Dataset<Row> earlier = index(
                "old-scheme", null, STORY, "2025-08-19 10:00:00", "minhash:shingles=4,hashes=64,seed=1",
                "same-url", "example.org/a", "Ein früherer Text unter derselben Adresse, der später vollständig"
                        + " überarbeitet wurde und nun ganz anders lautet.", "2025-08-18 10:00:00", SCHEME);
        Map<String, List<Object>> found = matches(DEDUP, fresh, earlier);
        assertEquals(List.of("n2"), List.copyOf(found.keySet()), "n1's only match has an incomparable signature");
        assertEquals(List.of("same-url", "url"), found.get("n2").subList(0, 2));

        JobConfig.Dedup urlOff = new JobConfig.Dedup(true, new JobConfig.UrlDedup(false), DEDUP.near(),
                DEDUP.componentsOnDriverMaxLinks());
        assertEquals(Map.of(), matches(urlOff, fresh, earlier), "URL dedup off: no URL matches");
    }
}
