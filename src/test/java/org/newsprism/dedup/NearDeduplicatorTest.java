package org.newsprism.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
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

class NearDeduplicatorTest {
    private static final JobConfig.Dedup DEFAULTS = ConfigLoader.defaults().config().dedup();
    private static final List<String> TRACKING = ConfigLoader.defaults().config().normalize().trackingParams();
    private static final StructType SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("input_file", DataTypes.StringType)
            .add("input_position", DataTypes.LongType)
            .add("url", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("text_sha256", DataTypes.StringType)
            .add("char_count", DataTypes.IntegerType);

    private static final String STORY = "Nach tagelangem Dauerregen steigt der Pegel der Donau in Niederbayern weiter an. "
            + "Am Mittwochabend lag der Wasserstand in Kelheim bei 6,40 Metern, das entspricht der höchsten Meldestufe. "
            + "Die Stadt hat mehrere Straßen in Ufernähe gesperrt und die Bewohner von rund 120 Häusern aufgefordert, "
            + "ihre Keller zu räumen. Feuerwehr und Technisches Hilfswerk sind mit mehr als 400 Einsatzkräften vor Ort.";
    private static final String COPY = STORY.replace("weiter an", "weiter stark an")
            + "\n\nDieser Artikel erschien zuerst bei unserem Partnerportal.";
    private static final String OTHER = "Der Stadtrat hat am Donnerstagabend das Radverkehrskonzept für die Innenstadt "
            + "beschlossen. Bis 2030 sollen rund 18 Kilometer neue oder verbreiterte Radwege entstehen, dafür fällt "
            + "auf der Hauptstraße eine Autospur weg. Die Einzelhändler sehen den Wegfall der Parkplätze kritisch.";

    private static Row article(String id, long position, String url, String text, String publishedAt) {
        return RowFactory.create(id, "feed.jsonl", position, url, text,
                publishedAt == null ? null : Timestamp.valueOf(publishedAt), sha256(text), text.length());
    }

    private static List<Row> corpus() {
        return new ArrayList<>(List.of(
                article("a", 0, "https://www.example.com/news/1?utm_source=x", STORY, "2025-08-18 10:00:00"),
                article("b", 1, "https://mirror.example.org/kelheim", COPY, "2025-08-18 11:00:00"),
                article("c", 2, null, COPY, "2025-08-18 12:00:00"),
                article("d", 3, "HTTPS://WWW.example.com/news/1/#comments", OTHER, "2025-08-19 09:00:00"),
                article("e", 4, "https://www.example.com/", "Die Wahl ist vorbei, die Stimmen sind ausgezählt.", "2025-08-18 08:00:00"),
                article("f", 5, "https://www.example.com/", "Ein ganz anderer Text über das Wetter in Kiel und Lübeck.", null),
                article("g", 6, null, "!!! ??? ----- ***** ...... ––––– ", null)));
    }

    private static DedupResult run(JobConfig.Dedup config) {
        Dataset<Row> input = SharedSpark.session().createDataFrame(corpus(), SCHEMA);
        return new NearDeduplicator(config, TRACKING).apply(new ExactDeduplicator(config).apply(input));
    }

    private static Map<String, Row> byId(Dataset<Row> rows) {
        Map<String, Row> map = new TreeMap<>();
        rows.collectAsList().forEach(r -> map.put(r.getAs("article_id"), r));
        return map;
    }

    @Test
    void clustersNearCopiesAndSameUrlsAndRedirectsExactCopiesToTheKeptArticle() {
        DedupResult result = run(DEFAULTS);
        Map<String, Row> kept = byId(result.kept());
        Map<String, Row> duplicates = byId(result.duplicates());

        assertEquals(List.of("a", "e", "f", "g"), List.copyOf(kept.keySet()));
        assertEquals(3, kept.get("a").<Integer>getAs("duplicate_count"), "b, c and d stand behind a");
        assertEquals(0, kept.get("e").<Integer>getAs("duplicate_count"), "a site's root URL links nothing");
        assertEquals(List.of(SCHEMA.fieldNames().length + 1), List.of(result.kept().columns().length),
                "kept keeps the input columns plus duplicate_count");

        Row b = duplicates.get("b");
        assertEquals("a", b.getAs("duplicate_of"));
        assertEquals("near", b.getAs("method"));
        double similarity = b.getAs("similarity");
        assertTrue(similarity >= DEFAULTS.near().threshold() && similarity < 1.0, "b ~ a: " + similarity);

        Row c = duplicates.get("c");
        assertEquals("a", c.getAs("duplicate_of"), "c is an exact copy of b, which merged into a");
        assertEquals("exact", c.getAs("method"));
        assertEquals(similarity, c.<Double>getAs("similarity"), "c has b's text, so b's similarity to a");

        Row d = duplicates.get("d");
        assertEquals("a", d.getAs("duplicate_of"));
        assertEquals("url", d.getAs("method"));
        assertTrue(d.<Double>getAs("similarity") < 0.2, "another text under the same URL");
        assertEquals(corpus().size(), kept.size() + duplicates.size());
        assertEquals(0, result.rejected().count());
    }

    @Test
    void eachMethodCanBeSwitchedOff() {
        JobConfig.NearDedup nearOff = new JobConfig.NearDedup(false, 5, 120, 40, 3, 1, 0.5, 1, 50);
        DedupResult urlOnly = run(withMethods(DEFAULTS.url(), nearOff));
        assertEquals(Map.of("c", "b", "d", "a"), duplicateOf(urlOnly));

        JobConfig.UrlDedup urlOff = new JobConfig.UrlDedup(false);
        DedupResult nearOnly = run(withMethods(urlOff, DEFAULTS.near()));
        assertEquals(Map.of("b", "a", "c", "a"), duplicateOf(nearOnly));

        Dataset<Row> input = SharedSpark.session().createDataFrame(corpus(), SCHEMA);
        DedupResult exactOnly = new ExactDeduplicator(DEFAULTS).apply(input);
        assertSame(exactOnly, new NearDeduplicator(withMethods(urlOff, nearOff), TRACKING).apply(exactOnly));
    }

    /** The default dedup settings with these URL and near settings. */
    private static JobConfig.Dedup withMethods(JobConfig.UrlDedup url, JobConfig.NearDedup near) {
        return new JobConfig.Dedup(DEFAULTS.exactEnabled(), url, near, DEFAULTS.componentsOnDriverMaxLinks());
    }

    private static Map<String, String> duplicateOf(DedupResult result) {
        Map<String, String> map = new TreeMap<>();
        result.duplicates().collectAsList().forEach(r -> map.put(r.getAs("article_id"), r.getAs("duplicate_of")));
        return map;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
