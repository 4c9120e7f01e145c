package org.newsprism.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The job's command line, the same for {@code scripts/run-local.sh} and for the main class under
 * spark-submit. Parsing is picocli's; every flag ends up as a configuration layer (see
 * {@link ConfigLoader}), so a flag and its configuration key can never disagree.
 */
@Command(
        name = "newsprism",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Reads news articles, normalises and deduplicates them, finds entity mentions and sentence"
                + " sentiment, and writes Parquet tables (articles, mentions, entity_daily, rejected,"
                + " duplicates, _run.json) under the output directory.")
public final class CommandLine {

    @Option(names = "--input", paramLabel = "PATH",
            description = "A file, directory or glob to read (repeatable). Default: newsprism.input.paths.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "auto|jsonl|csv|tsv|parquet|text|html|warc (auto: by file extension). Default: auto.")
    private String format;

    @Option(names = "--output", paramLabel = "DIR", description = "Output directory. Default: out.")
    private String output;

    @Option(names = "--conf", paramLabel = "FILE",
            description = "HOCON file layered over the defaults (repeatable, later files win).")
    private List<Path> confFiles = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any configuration key, e.g. --set dedup.exact.enabled=false (repeatable).")
    private Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** What the command line asked for: help, or a run with these settings. */
    public record Parsed(boolean helpRequested, String usage, ConfigLoader.Loaded settings) {}

    /**
     * Parses the arguments and loads the layered configuration.
     *
     * @throws InvalidSettingsException with a one-line message naming the bad flag, file or key
     */
    public static Parsed parse(String... args) {
        CommandLine options = new CommandLine();
        picocli.CommandLine parser = new picocli.CommandLine(options);
        parser.setCaseInsensitiveEnumValuesAllowed(false);
        try {
            parser.parseArgs(args);
        } catch (ParameterException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        StringWriter usage = new StringWriter();
        parser.usage(new PrintWriter(usage));
        if (options.help) {
            return new Parsed(true, usage.toString(), null);
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        if (!options.inputs.isEmpty()) {
            flags.put("input.paths", List.copyOf(options.inputs));
        }
        if (options.format != null) {
            if (InputFormat.parse(options.format).isEmpty()) {
                throw new InvalidSettingsException(
                        "--format " + options.format + ": must be one of " + InputFormat.names());
            }
            flags.put("input.format", options.format);
        }
        if (options.output != null) {
            if (options.output.isBlank()) {
                throw new InvalidSettingsException("--output: must not be empty");
            }
            flags.put("output.path", options.output);
        }
        ConfigLoader.Loaded loaded = ConfigLoader.load(options.confFiles, options.sets, flags);
        if (loaded.config().input().paths().isEmpty() && loaded.config().input().sources().isEmpty()) {
            throw new InvalidSettingsException(
                    "--input: no input given (pass --input PATH, or set input.paths or input.sources)");
        }
        return new Parsed(false, usage.toString(), loaded);
    }
}
