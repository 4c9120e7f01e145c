package org.newsprism.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.newsprism.config.InputFormat;
import org.newsprism.config.InvalidSettingsException;

class InputFilesTest {
    private static final String CORPUS = "src/test/resources/corpus";
    private static final Configuration HADOOP = new Configuration();
    private static final org.newsprism.config.JobConfig.FieldNames FIELDS =
            org.newsprism.config.ConfigLoader.defaults().config().input().fields();

    private static List<String> relative(List<InputFile> files) {
        return files.stream().map(f -> f.relativePath() + "=" + f.format().key()).toList();
    }

    @Test
    void directoryIsListedRecursivelySortedWithoutHiddenFiles() {
        List<InputFile> files = InputFiles.resolve(List.of(CORPUS), InputFormat.AUTO, FIELDS, HADOOP);
        assertEquals(List.of("mixed/feed.jsonl=jsonl", "mixed/sheet.csv=csv", "mixed/sheet.tsv=tsv",
                "text/binary.txt=text", "text/sub/one.txt=text", "text/two.txt=text"), relative(files));
        assertTrue(files.get(0).path().startsWith("file:/"), files.get(0).path());
    }

    @Test
    void aFileIsRelativeToItsDirectoryAndFormatCanBeForced() {
        List<InputFile> files = InputFiles.resolve(List.of(CORPUS + "/text/two.txt"), InputFormat.JSONL, FIELDS, HADOOP);
        assertEquals(List.of("two.txt=jsonl"), relative(files));
    }

    @Test
    void globsExpandBelowTheirFixedPrefix() {
        List<InputFile> files = InputFiles.resolve(List.of(CORPUS + "/mixed/*.?sv"), InputFormat.AUTO, FIELDS, HADOOP);
        assertEquals(List.of("sheet.csv=csv", "sheet.tsv=tsv"), relative(files));
    }

    @Test
    void sameFileTwiceIsReadOnce() {
        String file = CORPUS + "/mixed/feed.jsonl";
        assertEquals(1, InputFiles.resolve(List.of(file, file), InputFormat.AUTO, FIELDS, HADOOP).size());
    }

    @Test
    void missingInputsAreAllNamed() {
        String message = assertThrows(InvalidSettingsException.class, () -> InputFiles.resolve(
                List.of("nope/missing.jsonl", CORPUS + "/mixed/*.xml"), InputFormat.AUTO, FIELDS, HADOOP)).getMessage();
        assertEquals("--input nope/missing.jsonl: no such file or directory; --input " + CORPUS
                + "/mixed/*.xml: no such file or directory", message);
    }

    @Test
    void missingSourcesAreNamedAsSources() {
        org.newsprism.config.JobConfig.Input input = org.newsprism.config.ConfigLoader.defaults().config().input();
        org.newsprism.config.JobConfig.Input withSource = new org.newsprism.config.JobConfig.Input(List.of(CORPUS + "/mixed"),
                InputFormat.AUTO, FIELDS, List.of(new org.newsprism.config.JobConfig.Source("nope/dump.jsonl.gz",
                        InputFormat.JSONL, FIELDS)), input.text(), input.excerptChars());
        String message = assertThrows(InvalidSettingsException.class, () -> InputFiles.resolve(withSource, HADOOP)).getMessage();
        assertEquals("input.sources path nope/dump.jsonl.gz: no such file or directory", message);
    }

    @Test
    void formatByExtension() {
        assertEquals(InputFormat.JSONL, InputFormat.ofFileName("a.ndjson.gz"));
        assertEquals(InputFormat.PARQUET, InputFormat.ofFileName("part-0.parquet"));
        assertEquals(InputFormat.TSV, InputFormat.ofFileName("X.TSV"));
        assertEquals(InputFormat.TEXT, InputFormat.ofFileName("article"));
    }

    @Test
    void hadoopSettingsFromSparkConfReachTheFileSystemConfiguration() {
        Configuration conf = InputFiles.hadoopConfiguration(Map.of("spark.hadoop.fs.s3a.endpoint", "http://minio:9000"));
        assertEquals("http://minio:9000", conf.get("fs.s3a.endpoint"));
    }
}
