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
        assertEquals(0.05, c.nlp().sentiment().positiveThreshold());
        assertTrue(c.nlp().sentiment().lexicons().containsKey("de"));
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
    void outOfRangeValueNamesKeyValueAndRule() {
        String message = failure(sets("output.max-files-per-table", "0"));
        assertEquals("invalid setting output.max-files-per-table = 0: must be between 1 and 10000", message);
    }

    @Test
    void wrongTypeNamesKeyValueAndRule() {
        String message = failure(sets("dedup.exact.enabled", "maybe"));
        assertEquals("invalid setting dedup.exact.enabled = \"maybe\": must be true or false", message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = failure(sets("input.format", "xml", "normalize.language.min-confidence", "1.5",
                "nlp.sentiment.negative-threshold", "0.5"));
        assertTrue(message.contains("input.format = xml: must be one of"), message);
        assertTrue(message.contains("normalize.language.min-confidence = 1.5: must be between 0.0 and 1.0"), message);
        assertTrue(message.contains("nlp.sentiment.negative-threshold = 0.5: must not exceed"), message);
    }

    @Test
    void dedupSettingsAreMappedAndChecked() {
        JobConfig.Dedup d = ConfigLoader.load(List.of(), sets("dedup.near.bands", "20", "dedup.near.rows", "6",
                "dedup.near.seed", "-7", "dedup.url.tracking-params", "[\"utm_*\", fbclid]"), Map.of()).config().dedup();
        assertEquals(20, d.near().bands());
        assertEquals(6, d.near().rows());
        assertEquals(-7L, d.near().seed());
        assertEquals(List.of("utm_*", "fbclid"), d.url().trackingParams());
        assertTrue(d.url().enabled() && d.near().enabled());

        String message = failure(sets("dedup.near.bands", "70", "dedup.near.rows", "3", "dedup.near.threshold", "0",
                "dedup.near.shingle-size", "0", "dedup.url.tracking-params", "[\"id=1\"]", "dedup.near.seed", "x"));
        assertTrue(message.contains("invalid setting dedup.near.bands = 70: times dedup.near.rows (3) must not exceed "
                + "dedup.near.hashes (192)"), message);
        assertTrue(message.contains("invalid setting dedup.near.threshold = 0: must be above 0"), message);
        assertTrue(message.contains("invalid setting dedup.near.shingle-size = 0: must be between 1 and 50"), message);
        assertTrue(message.contains("invalid setting dedup.url.tracking-params = id=1: must be parameter names"), message);
        assertTrue(message.contains("invalid setting dedup.near.seed = \"x\": must be an integer"), message);
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
}
