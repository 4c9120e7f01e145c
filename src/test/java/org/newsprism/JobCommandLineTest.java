package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines end with exit code 2 and one line naming the problem, before Spark starts. */
class JobCommandLineTest {

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Job.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Outcome outcome, String expected) {
        assertEquals(Job.EXIT_INVALID, outcome.code());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("newsprism: "), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
    }

    @Test
    void helpExitsZeroAndListsTheFlags() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.code());
        assertTrue(outcome.out().contains("--input=PATH"), outcome.out());
    }

    @Test
    void unknownFlagMissingInputAndInvalidSettingFailFastWithoutWritingAnything(@TempDir Path dir) {
        Path output = dir.resolve("out");
        assertOneLineError(run("--input", "seeds", "--output", output.toString(), "--colour"), "--colour");
        assertOneLineError(run("--input", "nope.jsonl", "--output", output.toString()), "--input nope.jsonl: no such file");
        assertOneLineError(run("--input", "seeds", "--output", output.toString(), "--set", "dedup.exact.enabeld=true"),
                "unknown setting dedup.exact.enabeld");
        assertOneLineError(run("--input", "seeds", "--output", output.toString(), "--set", "nlp.sentences.max-chars=-1"),
                "invalid setting nlp.sentences.max-chars = -1: must be between 50 and 1000000");
        assertFalse(Files.exists(output), "nothing is written");
    }
}
