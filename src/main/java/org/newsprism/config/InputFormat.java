package org.newsprism.config;

import java.util.Locale;
import java.util.Optional;

/** The input formats the job reads; {@link #AUTO} decides per file from its extension. */
public enum InputFormat {
    AUTO, JSONL, CSV, TSV, PARQUET, TEXT, HTML, WARC;

    /** The lower-case name used on the command line and in configuration. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The accepted values, for messages: "auto, jsonl, …". */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(InputFormat::key).toList());
    }

    /** Parses a command-line or configuration value, or empty when it names no format. */
    public static Optional<InputFormat> parse(String value) {
        for (InputFormat f : values()) {
            if (f.key().equals(value)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of a file by its extension (compression suffixes such as {@code .gz} ignored):
     * {@code .jsonl .ndjson .json} → JSONL, {@code .csv}, {@code .tsv .tab}, {@code .parquet},
     * {@code .html .htm .xhtml} → HTML, {@code .warc} (also {@code .warc.gz}) → WARC, anything
     * else → TEXT.
     */
    public static InputFormat ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (String compression : new String[] {".gz", ".bz2", ".deflate", ".zst"}) {
            if (name.endsWith(compression)) {
                name = name.substring(0, name.length() - compression.length());
            }
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return HTML;
        }
        if (name.endsWith(".warc")) {
            return WARC;
        }
        return TEXT;
    }
}
