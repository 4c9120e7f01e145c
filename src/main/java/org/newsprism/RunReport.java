package org.newsprism;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did, written as {@code _run.json} next to the tables and summarised on the console:
 * counts per stage, the per-file reconciliation (records read = articles + duplicates + rejected),
 * timings (wall clock and the driver JVM's CPU time per stage), the rows of every table after the run,
 * the partitions it wrote (all of them, {@code "*"}, in overwrite mode) and the effective configuration
 * (secrets redacted).
 */
public record RunReport(
        String runId,
        String startedAt,
        String finishedAt,
        String output,
        String mode,
        Map<String, Long> counts,
        Map<String, Long> rejectedByStage,
        Map<String, Long> duplicatesByMethod,
        List<FileCounts> inputs,
        Map<String, Long> timingsMs,
        Map<String, Long> cpuMs,
        Map<String, Long> tableRows,
        List<String> partitionsWritten,
        Map<String, String> tables,
        Object config) {

    /** One input file's records and where they ended up. */
    public record FileCounts(String path, String format, long records, long articles, long duplicates, long rejected) {
        public boolean reconciled() {
            return records == articles + duplicates + rejected;
        }
    }

    /** Whether every input file's records are all accounted for. */
    public boolean reconciled() {
        return inputs.stream().allMatch(FileCounts::reconciled);
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId);
        json.put("started_at", startedAt);
        json.put("finished_at", finishedAt);
        json.put("output", output);
        json.put("mode", mode);
        json.put("counts", counts);
        json.put("rejected_by_stage", rejectedByStage);
        json.put("duplicates_by_method", duplicatesByMethod);
        json.put("reconciled", reconciled());
        json.put("inputs", inputs.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("format", f.format());
            m.put("records", f.records());
            m.put("articles", f.articles());
            m.put("duplicates", f.duplicates());
            m.put("rejected", f.rejected());
            m.put("reconciled", f.reconciled());
            return m;
        }).toList());
        json.put("timings_ms", timingsMs);
        json.put("cpu_ms", cpuMs);
        json.put("table_rows", tableRows);
        json.put("partitions_written", partitionsWritten);
        json.put("tables", tables);
        json.put("config", config);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    /** A few lines for the console. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Newsprism run %s: %d records read, %d articles, %d duplicates, %d rejected%n",
                runId, counts.get("records_read"), counts.get("articles"), counts.get("duplicates"),
                counts.get("rejected")));
        s.append(String.format("  %d sentences, %d mentions of %d entities, %d entity_daily rows%n",
                counts.get("sentences"), counts.get("mentions"), counts.get("entities"), counts.get("entity_daily")));
        s.append(String.format("  output (%s): %d articles, %d mentions, %d entity_pairs rows; partitions written: %s%n",
                mode, tableRows.getOrDefault("articles", 0L), tableRows.getOrDefault("mentions", 0L),
                tableRows.getOrDefault("entity_pairs", 0L),
                partitionsWritten.equals(List.of("*")) ? "all" : String.valueOf(partitionsWritten.size())));
        s.append(reconciled() ? "  every record accounted for\n" : "  WARNING: records unaccounted for, see _run.json\n");
        tables.forEach((name, path) -> s.append(String.format("  %-13s %s%n", name, path)));
        return s.toString();
    }
}
