package org.newsprism.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Layers configuration and maps it once into a validated {@link JobConfig}.
 *
 * <p>Layers, lowest first: {@code reference.conf} (every default), each {@code --conf FILE}, each
 * {@code --set key=value}, then the dedicated flags ({@code --input}, {@code --format}, {@code --output}).
 * Files and keys may omit the {@code newsprism} root. Unknown keys, wrong types and out-of-range values
 * are all collected and reported in one {@link InvalidSettingsException} that names key, value and rule.
 */
public final class ConfigLoader {
    static final String ROOT = "newsprism";

    /** Subtrees whose keys are free (maps), so they are not checked against the reference. */
    private static final List<String> OPEN_MAPS = List.of(
            "spark.conf",
            "normalize.boilerplate.patterns",
            "nlp.entities.discovery.models",
            "nlp.sentiment.lexicons",
            "nlp.sentiment.lemma-dictionary",
            "nlp.sentiment.thresholds",
            "nlp.sentiment.mention-scope",
            "nlp.sentiment.modifiers");

    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|secret|token|access[._-]?key|credential).*");

    private ConfigLoader() {}

    /** The outcome of loading: the typed settings and the merged HOCON they came from. */
    public record Loaded(JobConfig config, Config effective) {
        /** The effective configuration as JSON-like text with secrets redacted, for logs and _run.json. */
        public String redactedJson() {
            return ConfigLoader.redact(effective.getConfig(ROOT)).root()
                    .render(ConfigRenderOptions.concise().setFormatted(true));
        }
    }

    /** Loads the defaults alone (tests and tools). */
    public static Loaded defaults() {
        return load(List.of(), Map.of(), Map.of());
    }

    /**
     * Loads and validates the layered configuration.
     *
     * @param confFiles HOCON files from {@code --conf}, in order
     * @param sets {@code --set} pairs in order; keys with or without the {@code newsprism.} prefix
     * @param flagValues values of dedicated flags, keyed by configuration path (without prefix)
     * @throws InvalidSettingsException naming every problem at once
     */
    public static Loaded load(List<Path> confFiles, Map<String, String> sets, Map<String, Object> flagValues) {
        Config reference = ConfigFactory.defaultReference().getConfig(ROOT).atKey(ROOT);
        List<String> problems = new ArrayList<>();
        List<Config> userLayers = new ArrayList<>();

        for (Path file : confFiles) {
            if (!Files.isRegularFile(file)) {
                problems.add("--conf " + file + ": no such file");
                continue;
            }
            try {
                Config parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
                userLayers.add(rooted(parsed));
            } catch (ConfigException e) {
                problems.add("--conf " + file + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            String key = fullKey(set.getKey());
            try {
                userLayers.add(ConfigFactory.empty().withValue(key, parseValue(set.getValue())));
            } catch (ConfigException e) {
                problems.add("--set " + set.getKey() + "=" + set.getValue() + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, Object> flag : flagValues.entrySet()) {
            userLayers.add(ConfigFactory.empty().withValue(fullKey(flag.getKey()), ConfigValueFactory.fromAnyRef(flag.getValue())));
        }
        if (!problems.isEmpty()) {
            throw InvalidSettingsException.of(problems);
        }

        Config user = ConfigFactory.empty();
        for (Config layer : userLayers) {
            user = layer.withFallback(user);
        }
        problems.addAll(unknownKeys(user, reference));
        if (!problems.isEmpty()) {
            throw InvalidSettingsException.of(problems);
        }
        Config merged = user.withFallback(reference).resolve();
        JobConfig config = new Mapper(merged.getConfig(ROOT), problems).map();
        if (!problems.isEmpty()) {
            throw InvalidSettingsException.of(problems);
        }
        return new Loaded(config, merged);
    }

    private static Config rooted(Config parsed) {
        boolean hasOnlyRoot = parsed.root().keySet().equals(Set.of(ROOT));
        return hasOnlyRoot ? parsed : parsed.atKey(ROOT);
    }

    private static String fullKey(String key) {
        return key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
    }

    static String shortKey(String key) {
        return key.startsWith(ROOT + ".") ? key.substring(ROOT.length() + 1) : key;
    }

    /**
     * A --set value: HOCON lists, objects and quoted strings ({@code "a b"}) are parsed as HOCON, anything
     * else is taken as a plain string (typed later by the setting it is for).
     */
    static ConfigValue parseValue(String raw) {
        String trimmed = raw.trim();
        boolean quoted = trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"");
        if (trimmed.startsWith("[") || trimmed.startsWith("{") || quoted) {
            return ConfigFactory.parseString("v = " + trimmed).getValue("v");
        }
        return ConfigValueFactory.fromAnyRef(raw);
    }

    private static List<String> unknownKeys(Config user, Config reference) {
        List<String> problems = new ArrayList<>();
        List<String> known = reference.entrySet().stream().map(e -> shortKey(e.getKey())).toList();
        user.entrySet().stream().map(Map.Entry::getKey).sorted().forEach(path -> {
            String key = shortKey(path);
            if (OPEN_MAPS.stream().anyMatch(open -> key.equals(open) || key.startsWith(open + "."))) {
                return;
            }
            if (!path.startsWith(ROOT + ".") || !reference.hasPathOrNull(path)) {
                problems.add("unknown setting " + key + nearest(key, known).map(k -> " (did you mean " + k + "?)").orElse(""));
            }
        });
        return problems;
    }

    private static Optional<String> nearest(String key, List<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> editDistance(k, key)).thenComparing(k -> k))
                .filter(k -> editDistance(k, key) <= Math.max(2, key.length() / 6));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static Config redact(Config config) {
        Config redacted = config;
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            if (SECRET_KEY.matcher(entry.getKey()).matches()) {
                redacted = redacted.withValue(entry.getKey(), ConfigValueFactory.fromAnyRef("***"));
            }
        }
        return redacted;
    }

    /** Reads typed values from the merged {@code newsprism} subtree, collecting one problem per bad key. */
    private static final class Mapper {
        private final Config c;
        private final List<String> problems;

        Mapper(Config c, List<String> problems) {
            this.c = c;
            this.problems = problems;
        }

        JobConfig map() {
            return new JobConfig(input(), normalize(), dedup(), nlp(), output(), spark());
        }

        private JobConfig.Input input() {
            InputFormat format = format("input.format", string("input.format"));
            JobConfig.FieldNames fields = new JobConfig.FieldNames(
                    nonBlank("input.fields.id"), nonBlank("input.fields.url"), nonBlank("input.fields.source"),
                    nonBlank("input.fields.title"), nonBlank("input.fields.text"),
                    nonBlank("input.fields.published-at"), nonBlank("input.fields.language"),
                    nonBlank("input.fields.html"));
            JobConfig.TextFiles text = new JobConfig.TextFiles(bool("input.text.title-from-first-line"),
                    intIn("input.text.max-title-chars", 1, 10_000));
            return new JobConfig.Input(strings("input.paths"), format, fields, sources(format, fields), text,
                    intIn("input.excerpt-chars", 0, 100_000));
        }

        private InputFormat format(String key, String value) {
            return InputFormat.parse(value).orElseGet(() -> {
                problem(key, value, "must be one of " + InputFormat.names());
                return InputFormat.AUTO;
            });
        }

        /** {@code input.sources}: objects with path, optional format and optional (partial) fields. */
        private List<JobConfig.Source> sources(InputFormat defaultFormat, JobConfig.FieldNames defaults) {
            List<JobConfig.Source> sources = new ArrayList<>();
            List<? extends Config> entries;
            try {
                entries = c.getConfigList("input.sources");
            } catch (ConfigException e) {
                problem("input.sources", render("input.sources"),
                        "must be a list of objects such as {path = x, format = jsonl, fields {text = body}}");
                return List.of();
            }
            Map<String, String> fieldKeys = new LinkedHashMap<>();
            for (String name : List.of("id", "url", "source", "title", "text", "published-at", "language", "html")) {
                fieldKeys.put(name, name);
            }
            for (int i = 0; i < entries.size(); i++) {
                Config entry = entries.get(i);
                String key = "input.sources[" + i + "]";
                for (String name : entry.root().keySet()) {
                    if (!List.of("path", "format", "fields").contains(name)) {
                        problem(key + "." + name, entry.getValue(name).render(ConfigRenderOptions.concise()),
                                "unknown key (a source has path, format and fields)");
                    }
                }
                String path = null;
                try {
                    path = entry.getString("path");
                } catch (ConfigException e) {
                    // reported below
                }
                if (path == null || path.isBlank()) {
                    problem(key + ".path", entry.hasPath("path") ? entry.getValue("path").render() : "(missing)",
                            "must name a file, directory or glob");
                    continue;
                }
                InputFormat format = defaultFormat;
                if (entry.hasPath("format")) {
                    format = format(key + ".format", entry.getValue("format").unwrapped().toString());
                }
                Map<String, String> names = new LinkedHashMap<>();
                if (entry.hasPath("fields")) {
                    try {
                        Config f = entry.getConfig("fields");
                        for (String name : f.root().keySet()) {
                            if (!fieldKeys.containsKey(name)) {
                                problem(key + ".fields." + name, f.getValue(name).render(ConfigRenderOptions.concise()),
                                        "unknown field (one of " + String.join(", ", fieldKeys.keySet()) + ")");
                            } else if (f.getValue(name).valueType() != ConfigValueType.STRING
                                    || f.getString(name).isBlank()) {
                                problem(key + ".fields." + name, f.getValue(name).render(ConfigRenderOptions.concise()),
                                        "must be a non-empty field name");
                            } else {
                                names.put(name, f.getString(name));
                            }
                        }
                    } catch (ConfigException e) {
                        problem(key + ".fields", entry.getValue("fields").render(ConfigRenderOptions.concise()),
                                "must be an object such as {text = body}");
                    }
                }
                JobConfig.FieldNames fields = new JobConfig.FieldNames(
                        names.getOrDefault("id", defaults.id()), names.getOrDefault("url", defaults.url()),
                        names.getOrDefault("source", defaults.source()), names.getOrDefault("title", defaults.title()),
                        names.getOrDefault("text", defaults.text()),
                        names.getOrDefault("published-at", defaults.publishedAt()),
                        names.getOrDefault("language", defaults.language()), names.getOrDefault("html", defaults.html()));
                sources.add(new JobConfig.Source(path, format, fields));
            }
            return List.copyOf(sources);
        }

        private JobConfig.Normalize normalize() {
            Map<String, List<String>> patterns = listMap("normalize.boilerplate.patterns");
            List<String> supported = strings("normalize.language.supported");
            for (String language : supported) {
                if (!language.matches("[a-z]{2}")) {
                    problem("normalize.language.supported", language, "must be ISO 639-1 codes such as de, en");
                }
            }
            if (supported.isEmpty()) {
                problem("normalize.language.supported", "[]", "must name at least one language");
            }
            List<String> datePatterns = strings("normalize.dates.patterns");
            for (String pattern : datePatterns) {
                try {
                    java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problem("normalize.dates.patterns", pattern, "must be a java.time pattern (" + e.getMessage() + ")");
                }
            }
            JobConfig.Cleanup cleanup = new JobConfig.Cleanup(bool("normalize.cleanup.html-entities"),
                    bool("normalize.cleanup.nfkc"), bool("normalize.cleanup.invisible"),
                    bool("normalize.cleanup.whitespace"),
                    choice("normalize.cleanup.quotes", JobConfig.Quotes.class, JobConfig.Quotes.STRAIGHT),
                    choice("normalize.cleanup.dashes", JobConfig.Dashes.class, JobConfig.Dashes.EN_DASH));
            return new JobConfig.Normalize(
                    cleanup,
                    new JobConfig.Boilerplate(bool("normalize.boilerplate.enabled"), patterns,
                            bool("normalize.boilerplate.drop-repeated")),
                    new JobConfig.Language(supported, doubleIn("normalize.language.min-confidence", 0, 1),
                            bool("normalize.language.reject-unsupported"),
                            intIn("normalize.language.max-chars", 100, 1_000_000),
                            intIn("normalize.language.quick-chars", 0, 1_000_000),
                            doubleIn("normalize.language.quick-confidence", 0, 1)),
                    intIn("normalize.min-text-chars", 1, 1_000_000),
                    intIn("normalize.max-text-chars", 1_000, 100_000_000),
                    new JobConfig.Dates(datePatterns, nonNegativeDuration("normalize.dates.future-tolerance")),
                    bool("normalize.canonical-urls"), trackingParams());
        }

        private List<String> trackingParams() {
            List<String> trackingParams = strings("normalize.tracking-params");
            for (String name : trackingParams) {
                if (!name.matches("[^*=&#\\s]+\\*?")) {
                    problem("normalize.tracking-params", name,
                            "must be parameter names without spaces, '=', '&' or '#' (a trailing * matches any suffix)");
                }
            }
            return trackingParams;
        }

        private JobConfig.Dedup dedup() {
            int hashes = intIn("dedup.near.hashes", 1, 1024);
            int bands = intIn("dedup.near.bands", 1, 1024);
            int rows = intIn("dedup.near.rows", 1, 1024);
            if ((long) bands * rows > hashes) {
                problem("dedup.near.bands", String.valueOf(bands),
                        "times dedup.near.rows (" + rows + ") must not exceed dedup.near.hashes (" + hashes + ")");
            }
            int minSharedBands = intIn("dedup.near.min-shared-bands", 1, 1024);
            if (minSharedBands > bands) {
                problem("dedup.near.min-shared-bands", String.valueOf(minSharedBands),
                        "must not exceed dedup.near.bands (" + bands + ")");
            }
            double threshold = doubleIn("dedup.near.threshold", 0, 1);
            if (threshold == 0) {
                problem("dedup.near.threshold", "0", "must be above 0 (0 would make every candidate a duplicate)");
            }
            return new JobConfig.Dedup(bool("dedup.exact.enabled"),
                    new JobConfig.UrlDedup(bool("dedup.url.enabled")),
                    new JobConfig.NearDedup(bool("dedup.near.enabled"), intIn("dedup.near.shingle-size", 1, 50),
                            hashes, bands, rows, minSharedBands, threshold, longValue("dedup.near.seed"),
                            intIn("dedup.near.max-bucket-comparisons", 1, 100_000)),
                    intIn("dedup.components-on-driver-max-links", 0, 50_000_000));
        }

        private JobConfig.Nlp nlp() {
            List<String> catalogue = strings("nlp.entities.catalogue");
            if (catalogue.isEmpty()) {
                problem("nlp.entities.catalogue", "[]", "must list at least one catalogue file");
            }
            String splitter = string("nlp.sentences.splitter");
            if (!List.of("regex", "spark-nlp").contains(splitter)) {
                problem("nlp.sentences.splitter", splitter, "must be regex or spark-nlp");
            }
            Map<String, String> mentionScopes = mentionScopes();
            Map<String, JobConfig.Thresholds> thresholds = new TreeMap<>();
            for (String language : keys("nlp.sentiment.thresholds")) {
                String prefix = "nlp.sentiment.thresholds." + ConfigUtil.joinPath(language);
                double positive = doubleIn(prefix + ".positive", -1, 1);
                double negative = doubleIn(prefix + ".negative", -1, 1);
                if (negative > positive) {
                    problem(prefix + ".negative", String.valueOf(negative),
                            "must not exceed " + prefix + ".positive (" + positive + ")");
                }
                thresholds.put(language, new JobConfig.Thresholds(positive, negative));
            }
            if (!thresholds.containsKey("*")) {
                problem("nlp.sentiment.thresholds", render("nlp.sentiment.thresholds"),
                        "must have an entry \"*\" for languages without their own");
            }
            List<String> types = strings("nlp.entities.discovery.types");
            for (String type : types) {
                if (!List.of("PER", "ORG", "LOC", "MISC").contains(type)) {
                    problem("nlp.entities.discovery.types", type, "must be PER, ORG, LOC or MISC");
                }
            }
            JobConfig.Discovery discovery = new JobConfig.Discovery(bool("nlp.entities.discovery.enabled"),
                    stringMap("nlp.entities.discovery.models"), strings("nlp.entities.discovery.person-cues"),
                    doubleIn("nlp.entities.discovery.min-probability", 0, 1),
                    types, bool("nlp.entities.discovery.skip-unnameable-tokens"));
            return new JobConfig.Nlp(
                    new JobConfig.Entities(catalogue, strings("nlp.entities.given-names"),
                            bool("nlp.entities.genitive-forms"), bool("nlp.entities.possessive-forms"), discovery),
                    intIn("nlp.sentences.max-chars", 50, 1_000_000), splitter,
                    intIn("nlp.tokens.cached-chunks", 0, 10_000_000),
                    new JobConfig.Sentiment(listMap("nlp.sentiment.lexicons"), bool("nlp.sentiment.split-german-compounds"),
                            stringMap("nlp.sentiment.lemma-dictionary"),
                            listMap("nlp.sentiment.modifiers"),
                            Map.copyOf(thresholds), intIn("nlp.sentiment.negation-scope", 0, 10), mentionScopes,
                            doubleIn("nlp.sentiment.window-decay-tokens", 0.5, 1000),
                            new JobConfig.Quotations(intIn("nlp.sentiment.quotations.short-max-words", 0, 50),
                                    doubleIn("nlp.sentiment.quotations.short-weight", 0, 2),
                                    doubleIn("nlp.sentiment.quotations.speech-weight", 0, 2))));
        }

        /**
         * {@code nlp.sentiment.mention-scope}: one scope for every language ({@code = clause}) or one per
         * language with a {@code "*"} entry for the others.
         */
        private Map<String, String> mentionScopes() {
            String key = "nlp.sentiment.mention-scope";
            Map<String, String> scopes = new TreeMap<>();
            if (c.hasPath(key) && c.getValue(key).valueType() == ConfigValueType.STRING) {
                scopes.put("*", string(key));
            } else {
                for (String language : keys(key)) {
                    scopes.put(language, string(key + "." + ConfigUtil.joinPath(language)));
                }
                if (!scopes.containsKey("*")) {
                    problem(key, render(key), "must be a scope or have an entry \"*\" for languages without their own");
                }
            }
            scopes.forEach((language, scope) -> {
                if (!JobConfig.Sentiment.MENTION_SCOPES.contains(scope)) {
                    problem(language.equals("*") && scopes.size() == 1 ? key : key + "." + ConfigUtil.joinPath(language),
                            scope, "must be sentence, clause or window");
                }
            });
            return Map.copyOf(scopes);
        }

        private JobConfig.Output output() {
            return new JobConfig.Output(nonBlank("output.path"),
                    choice("output.mode", JobConfig.Mode.class, JobConfig.Mode.OVERWRITE),
                    intIn("output.max-files-per-table", 1, 10_000), intIn("output.max-rows-per-file", 1000, 1_000_000_000),
                    intIn("output.entity-pairs.max-entities-per-article", 2, 10_000),
                    new JobConfig.Report(bool("output.report.enabled"), intIn("output.report.top-entities", 1, 200),
                            intIn("output.report.timeline-entities", 1, 12)));
        }

        private JobConfig.SparkSettings spark() {
            Map<String, String> conf = new TreeMap<>();
            try {
                for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.conf").entrySet()) {
                    conf.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
                }
            } catch (ConfigException e) {
                problem("spark.conf", render("spark.conf"), "must be an object of Spark settings");
            }
            return new JobConfig.SparkSettings(nonBlank("spark.master"), nonBlank("spark.app-name"),
                    intIn("spark.shuffle-partitions", 1, 100_000), conf);
        }

        // ---- typed readers: each returns a harmless placeholder after recording a problem ----

        private void problem(String key, String value, String rule) {
            problems.add("invalid setting " + key + " = " + value + ": " + rule);
        }

        private String render(String key) {
            try {
                return c.getValue(key).render(ConfigRenderOptions.concise());
            } catch (ConfigException e) {
                return "(missing)";
            }
        }

        private String string(String key) {
            try {
                return c.getString(key);
            } catch (ConfigException e) {
                problem(key, render(key), "must be a string");
                return "";
            }
        }

        private String nonBlank(String key) {
            String value = string(key);
            if (value.isBlank() && c.hasPath(key) && c.getValue(key).valueType() == ConfigValueType.STRING) {
                problem(key, "\"\"", "must not be empty");
            }
            return value;
        }

        /** An enum setting written in lower case with dashes (en-dash → EN_DASH). */
        private <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
            String value = string(key);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(value)) {
                    return constant;
                }
            }
            problem(key, value, "must be one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
            return fallback;
        }

        private boolean bool(String key) {
            try {
                return c.getBoolean(key);
            } catch (ConfigException e) {
                problem(key, render(key), "must be true or false");
                return false;
            }
        }

        private int intIn(String key, int min, int max) {
            try {
                int value = c.getInt(key);
                if (value < min || value > max) {
                    problem(key, String.valueOf(value), "must be between " + min + " and " + max);
                }
                return value;
            } catch (ConfigException e) {
                problem(key, render(key), "must be an integer between " + min + " and " + max);
                return min;
            }
        }

        private long longValue(String key) {
            try {
                return c.getLong(key);
            } catch (ConfigException e) {
                problem(key, render(key), "must be an integer");
                return 0;
            }
        }

        private double doubleIn(String key, double min, double max) {
            try {
                double value = c.getDouble(key);
                if (!(value >= min && value <= max)) {
                    problem(key, String.valueOf(value), "must be between " + min + " and " + max);
                }
                return value;
            } catch (ConfigException e) {
                problem(key, render(key), "must be a number between " + min + " and " + max);
                return min;
            }
        }

        private Duration nonNegativeDuration(String key) {
            try {
                Duration value = c.getDuration(key);
                if (value.isNegative()) {
                    problem(key, render(key), "must not be negative");
                }
                return value;
            } catch (ConfigException e) {
                problem(key, render(key), "must be a duration such as \"2 days\" or \"12h\"");
                return Duration.ZERO;
            }
        }

        private List<String> strings(String key) {
            try {
                return List.copyOf(c.getStringList(key));
            } catch (ConfigException e) {
                problem(key, render(key), "must be a list of strings");
                return List.of();
            }
        }

        private java.util.Set<String> keys(String key) {
            try {
                return new java.util.TreeSet<>(c.getConfig(key).root().keySet());
            } catch (ConfigException e) {
                problem(key, render(key), "must be an object keyed by language");
                return java.util.Set.of();
            }
        }

        private Map<String, String> stringMap(String key) {
            Map<String, String> result = new TreeMap<>();
            try {
                Config map = c.getConfig(key);
                for (String name : map.root().keySet()) {
                    result.put(name, map.getString(ConfigUtil.joinPath(name)));
                }
            } catch (ConfigException e) {
                problem(key, render(key), "must map each language to a file location");
            }
            return Map.copyOf(result);
        }

        private Map<String, List<String>> listMap(String key) {
            Map<String, List<String>> result = new LinkedHashMap<>();
            try {
                Config map = c.getConfig(key);
                for (String name : new TreeMap<>(map.root()).keySet()) {
                    result.put(name, List.copyOf(map.getStringList(ConfigUtil.joinPath(name))));
                }
            } catch (ConfigException e) {
                problem(key, render(key), "must map each language to a list of file locations");
            }
            return Map.copyOf(result);
        }
    }
}
