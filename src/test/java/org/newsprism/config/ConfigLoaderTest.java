package org.newsprism.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static Map<String, String> sets(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String failure(Map<String, String> sets) {
        return assertThrows(InvalidSettingsException.class, () -> ConfigLoader.load(List.of(), sets, Map.of())).getMessage();
    }

    @Test
    void defaultsComeFromReferenceConf() {
        JobConfig c = ConfigLoader.defaults().config();
        assertEquals(InputFormat.AUTO, c.input().format());
        assertEquals("text", c.input().fields().text());
        assertEquals(List.of("de", "en"), c.normalize().language().supported());
        assertEquals(Duration.ofDays(2), c.normalize().dates().futureTolerance());
        assertTrue(c.dedup().exactEnabled());
        assertEquals("out", c.output().path());
        assertEquals(new JobConfig.Thresholds(0.4, -0.4), c.nlp().sentiment().thresholds().get("*"));
        assertEquals(new JobConfig.Thresholds(0.4, -0.4), c.nlp().sentiment().thresholds().get("de"));
        assertEquals("neutral", c.nlp().sentiment().label("de", 0.3));
        assertEquals("positive", c.nlp().sentiment().label("en", 0.4));
        assertEquals("negative", c.nlp().sentiment().label("fr", -0.5));
        assertTrue(c.nlp().sentiment().lexicons().containsKey("de"));
        assertEquals(new JobConfig.Quotations(3, 0.0, 1.0), c.nlp().sentiment().quotations());
        assertTrue(c.normalize().boilerplate().patterns().containsKey("*"));
    }

    @Test
    void setOverridesWithOrWithoutRootPrefix() {
        JobConfig c = ConfigLoader.load(List.of(), sets("dedup.exact.enabled", "false",
                "newsprism.output.max-files-per-table", "3", "input.paths", "[a, b]",
                "spark.master", "local[3]"), Map.of()).config();
        assertFalse(c.dedup().exactEnabled());
        assertEquals(3, c.output().maxFilesPerTable());
        assertEquals(List.of("a", "b"), c.input().paths());
        assertEquals("local[3]", c.spark().master());
    }

    @Test
    void aQuotedSetValueIsAHoconStringWithoutItsQuotes() {
        JobConfig c = ConfigLoader.load(List.of(), sets("spark.master", "\"local[2]\"",
                "output.path", " \"out dir/with space\" "), Map.of()).config();
        assertEquals("local[2]", c.spark().master());
        assertEquals("out dir/with space", c.output().path());
    }

    @Test
    void flagsWinOverSetAndFiles() {
        JobConfig c = ConfigLoader.load(List.of(), sets("output.path", "from-set"),
                Map.of("output.path", "from-flag")).config();
        assertEquals("from-flag", c.output().path());
    }

    @Test
    void unknownKeyIsNamedWithASuggestion() {
        String message = failure(sets("dedup.exact.enabeld", "true"));
        assertTrue(message.contains("unknown setting dedup.exact.enabeld"), message);
        assertTrue(message.contains("did you mean dedup.exact.enabled?"), message);
    }

    @Test
    void mentionScopeIsOneValueForAllLanguagesOrOnePerLanguage() {
        JobConfig.Sentiment defaults = ConfigLoader.defaults().config().nlp().sentiment();
        assertEquals("window", defaults.mentionScope("en"));
        assertEquals("sentence", defaults.mentionScope("de"));
        assertEquals("sentence", defaults.mentionScope("fr"));
        JobConfig.Sentiment clause = ConfigLoader.load(List.of(), sets("nlp.sentiment.mention-scope", "clause"), Map.of())
                .config().nlp().sentiment();
        assertEquals("clause", clause.mentionScope("en"));
        assertEquals("clause", clause.mentionScope("de"));
        JobConfig.Sentiment german = ConfigLoader.load(List.of(), sets("nlp.sentiment.mention-scope.de", "window"),
                Map.of()).config().nlp().sentiment();
        assertEquals("window", german.mentionScope("de"));
        assertEquals("invalid setting nlp.sentiment.mention-scope.en = paragraph: must be sentence, clause or window",
                failure(sets("nlp.sentiment.mention-scope.en", "paragraph")));
        assertEquals("invalid setting nlp.sentiment.mention-scope = paragraph: must be sentence, clause or window",
                failure(sets("nlp.sentiment.mention-scope", "paragraph")));
    }

    @Test
    void outOfRangeValueNamesKeyValueAndRule() {
        String message = failure(sets("output.max-files-per-table", "0"));
        assertEquals("invalid setting output.max-files-per-table = 0: must be between 1 and 10000", message);
    }

    @Test
    void outputModeAndReportSettingsAreValidated() {
        JobConfig.Output output = ConfigLoader.defaults().config().output();
        assertEquals(JobConfig.Mode.OVERWRITE, output.mode());
        assertEquals(1_000_000L, output.maxRowsPerFile());
        assertTrue(output.report().enabled());
        assertEquals("invalid setting output.mode = Incremental: must be one of overwrite, incremental",
                failure(sets("output.mode", "Incremental")));
        assertEquals("invalid setting output.report.timeline-entities = 0: must be between 1 and 12",
                failure(sets("output.report.timeline-entities", "0")));
        assertEquals("invalid setting output.max-rows-per-file = 10: must be between 1000 and 1000000000",
                failure(sets("output.max-rows-per-file", "10")));
    }

    @Test
    void wrongTypeNamesKeyValueAndRule() {
        String message = failure(sets("dedup.exact.enabled", "maybe"));
        assertEquals("invalid setting dedup.exact.enabled = \"maybe\": must be true or false", message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = failure(sets("input.format", "xml", "normalize.language.min-confidence", "1.5",
                "nlp.sentiment.thresholds.de.negative", "0.5", "nlp.sentiment.quotations.speech-weight", "-1",
                "normalize.language.quick-chars", "-300", "normalize.language.quick-confidence", "80"));
        assertTrue(message.contains("normalize.language.quick-chars = -300: must be between 0 and 1000000"), message);
        assertTrue(message.contains("normalize.language.quick-confidence = 80.0: must be between 0.0 and 1.0"), message);
        assertTrue(message.contains("input.format = xml: must be one of"), message);
        assertTrue(message.contains("nlp.sentiment.quotations.speech-weight = -1.0: must be between 0.0 and 2.0"), message);
        assertTrue(message.contains("normalize.language.min-confidence = 1.5: must be between 0.0 and 1.0"), message);
        assertTrue(message.contains("nlp.sentiment.thresholds.de.negative = 0.5: must not exceed"), message);
    }

    @Test
    void dedupSettingsAreMappedAndChecked() {
        JobConfig.Dedup d = ConfigLoader.load(List.of(), sets("dedup.near.bands", "20", "dedup.near.rows", "6",
                "dedup.near.min-shared-bands", "3", "dedup.near.seed", "-7",
                "normalize.tracking-params", "[\"utm_*\", fbclid]"), Map.of()).config().dedup();
        List<String> tracking = ConfigLoader.load(List.of(), sets("normalize.tracking-params", "[\"utm_*\", fbclid]"),
                Map.of()).config().normalize().trackingParams();
        assertEquals(20, d.near().bands());
        assertEquals(6, d.near().rows());
        assertEquals(3, d.near().minSharedBands());
        assertEquals(-7L, d.near().seed());
        assertEquals(List.of("utm_*", "fbclid"), tracking);
        assertTrue(d.url().enabled() && d.near().enabled());

        String message = failure(sets("dedup.near.bands", "70", "dedup.near.rows", "3", "dedup.near.threshold", "0",
                "dedup.near.shingle-size", "0", "normalize.tracking-params", "[\"id=1\"]", "dedup.near.seed", "x"));
        assertTrue(message.contains("invalid setting dedup.near.bands = 70: times dedup.near.rows (3) must not exceed "
                + "dedup.near.hashes (192)"), message);
        assertTrue(message.contains("invalid setting dedup.near.threshold = 0: must be above 0"), message);
        assertTrue(message.contains("invalid setting dedup.near.shingle-size = 0: must be between 1 and 50"), message);
        assertTrue(message.contains("invalid setting normalize.tracking-params = id=1: must be parameter names"), message);
        assertTrue(message.contains("invalid setting dedup.near.seed = \"x\": must be an integer"), message);

        assertTrue(failure(sets("dedup.near.bands", "10", "dedup.near.min-shared-bands", "11")).contains(
                "invalid setting dedup.near.min-shared-bands = 11: must not exceed dedup.near.bands (10)"));
    }

    @Test
    void confFilesLayerWithOrWithoutRoot(@TempDir Path dir) throws IOException {
        Path rooted = dir.resolve("a.conf");
        Files.writeString(rooted, "newsprism { output.path = first, dedup.exact.enabled = false }");
        Path bare = dir.resolve("b.conf");
        Files.writeString(bare, "output { path = second }\nspark.conf { \"spark.executor.memory\" = 2g }");
        JobConfig c = ConfigLoader.load(List.of(rooted, bare), Map.of(), Map.of()).config();
        assertEquals("second", c.output().path());
        assertFalse(c.dedup().exactEnabled());
        assertEquals("2g", c.spark().conf().get("spark.executor.memory"));
    }

    @Test
    void missingConfFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");
        String message = assertThrows(InvalidSettingsException.class,
                () -> ConfigLoader.load(List.of(missing), Map.of(), Map.of())).getMessage();
        assertEquals("--conf " + missing + ": no such file", message);
    }

    @Test
    void secretsAreRedactedInTheEffectiveConfiguration() {
        ConfigLoader.Loaded loaded = ConfigLoader.load(List.of(),
                sets("spark.conf.\"spark.hadoop.fs.s3a.secret.key\"", "hunter2",
                        "spark.conf.\"spark.hadoop.fs.s3a.access.key\"", "AKIA123"), Map.of());
        String json = loaded.redactedJson();
        assertFalse(json.contains("hunter2"), json);
        assertFalse(json.contains("AKIA123"), json);
        assertTrue(json.contains("***"), json);
        assertEquals("hunter2", loaded.config().spark().conf().get("spark.hadoop.fs.s3a.secret.key"));
    }

    @Test
    void sourcesBringTheirOwnFormatAndFieldsOverTheGlobalOnes(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("sources.conf");
        Files.writeString(conf, "input.fields.title = headline\n"
                + "input.sources = [{ path = \"dumps/feed.jsonl.gz\", fields { text = body, published-at = meta.date } },\n"
                + "                 { path = sheets, format = csv }]");
        JobConfig c = ConfigLoader.load(List.of(conf), Map.of(), Map.of()).config();
        assertEquals(2, c.input().sources().size());
        JobConfig.Source feed = c.input().sources().get(0);
        assertEquals("dumps/feed.jsonl.gz", feed.path());
        assertEquals(InputFormat.AUTO, feed.format());
        assertEquals("body", feed.fields().text());
        assertEquals("meta.date", feed.fields().publishedAt());
        assertEquals("headline", feed.fields().title(), "unmapped fields fall back to input.fields");
        assertEquals(InputFormat.CSV, c.input().sources().get(1).format());
        assertEquals("text", c.input().sources().get(1).fields().text());
    }

    @Test
    void badSourcesAreNamedWithTheirIndex() {
        String message = failure(sets("input.sources",
                "[{ path = a, format = xml, colour = red, fields { body = text, text = 3 } }, { format = csv }, 7]"));
        assertTrue(message.contains("input.sources = ") && message.contains("must be a list of objects"), message);
        String partial = failure(sets("input.sources", "[{ path = a, format = xml, colour = red, fields { body = text } }, { format = csv }]"));
        assertTrue(partial.contains("input.sources[0].format = xml: must be one of auto, jsonl"), partial);
        assertTrue(partial.contains("input.sources[0].colour = \"red\": unknown key"), partial);
        assertTrue(partial.contains("input.sources[0].fields.body = \"text\": unknown field"), partial);
        assertTrue(partial.contains("input.sources[1].path = (missing): must name a file, directory or glob"), partial);
    }

    @Test
    void cleanupStepsAndPoliciesAreValidated() {
        JobConfig c = ConfigLoader.load(List.of(), sets("normalize.cleanup.quotes", "keep", "normalize.cleanup.dashes",
                "hyphen", "normalize.cleanup.nfkc", "false"), Map.of()).config();
        assertEquals(JobConfig.Quotes.KEEP, c.normalize().cleanup().quotes());
        assertEquals(JobConfig.Dashes.HYPHEN, c.normalize().cleanup().dashes());
        assertFalse(c.normalize().cleanup().nfkc());
        assertTrue(c.normalize().cleanup().htmlEntities());
        String message = failure(sets("normalize.cleanup.quotes", "curly", "normalize.cleanup.dashes", "em"));
        assertTrue(message.contains("normalize.cleanup.quotes = curly: must be one of keep, straight"), message);
        assertTrue(message.contains("normalize.cleanup.dashes = em: must be one of keep, en-dash, hyphen"), message);
        assertEquals("invalid setting input.text.max-title-chars = 0: must be between 1 and 10000",
                failure(sets("input.text.max-title-chars", "0")));
    }
}
