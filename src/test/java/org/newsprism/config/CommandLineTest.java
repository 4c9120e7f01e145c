package org.newsprism.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static String failure(String... args) {
        return assertThrows(InvalidSettingsException.class, () -> CommandLine.parse(args)).getMessage();
    }

    @Test
    void flagsBecomeSettings() {
        CommandLine.Parsed parsed = CommandLine.parse("--input", "a.jsonl", "--input", "dir", "--format", "jsonl",
                "--output", "o", "--set", "dedup.exact.enabled=false");
        JobConfig c = parsed.settings().config();
        assertEquals(List.of("a.jsonl", "dir"), c.input().paths());
        assertEquals(InputFormat.JSONL, c.input().format());
        assertEquals("o", c.output().path());
        assertEquals(false, c.dedup().exactEnabled());
    }

    @Test
    void helpPrintsEveryFlag() {
        CommandLine.Parsed parsed = CommandLine.parse("--help");
        assertTrue(parsed.helpRequested());
        for (String flag : List.of("--input", "--format", "--output", "--conf", "--set", "--help")) {
            assertTrue(parsed.usage().contains(flag), flag);
        }
    }

    @Test
    void unknownFlagIsNamed() {
        assertTrue(failure("--input", "x", "--outptu", "o").contains("--outptu"));
    }

    @Test
    void badFormatIsNamed() {
        assertEquals("--format xml: must be one of auto, jsonl, csv, tsv, parquet, text, html, warc",
                failure("--input", "x", "--format", "xml"));
    }

    @Test
    void missingInputIsAnError() {
        assertTrue(failure("--output", "o").startsWith("--input: no input given"));
    }

    @Test
    void sourcesAloneAreEnoughInput() {
        JobConfig c = CommandLine.parse("--set", "input.sources=[{path = seeds}]").settings().config();
        assertEquals("seeds", c.input().sources().get(0).path());
    }

    @Test
    void setWithoutEqualsIsAnError() {
        assertTrue(failure("--input", "x", "--set", "dedup.exact.enabled").contains("--set"));
    }
}
