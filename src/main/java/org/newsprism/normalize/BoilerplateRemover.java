package org.newsprism.normalize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.config.JobConfig;
import org.newsprism.io.Resources;

/**
 * Removes republisher disclaimers, "read more" lines and similar boilerplate with per-language pattern
 * files from {@code conf/boilerplate/} (setting {@code normalize.boilerplate.patterns}; language "*"
 * applies to all). A line {@code paragraph<TAB>regex} drops every paragraph in which the regex finds a
 * match; {@code span<TAB>regex} cuts only the matched text. Lines starting with # are comments.
 *
 * <p>With {@code normalize.boilerplate.drop-repeated}, a paragraph that repeats an earlier one (ignoring
 * case and spacing) is dropped, and so is a first paragraph that repeats the title: teasers that sites
 * and feeds put twice.
 *
 * <p>Example: the seed's last paragraph "Haftungsausschluss: Das Urheberrecht dieses Artikels liegt …"
 * is dropped; the paragraphs before it stay as they were.
 */
public final class BoilerplateRemover implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** One rule: drop the whole paragraph, or only the matched span. */
    public record Rule(boolean wholeParagraph, String regex) implements Serializable {}

    private final Map<String, List<Rule>> rulesByLanguage;
    private final boolean dropRepeated;
    private transient Map<String, List<CompiledRule>> compiled;

    private record CompiledRule(boolean wholeParagraph, Pattern pattern) {}

    /** Pattern rules only (repeated paragraphs are kept). */
    public BoilerplateRemover(Map<String, List<Rule>> rulesByLanguage) {
        this(rulesByLanguage, false);
    }

    public BoilerplateRemover(Map<String, List<Rule>> rulesByLanguage, boolean dropRepeated) {
        this.rulesByLanguage = Map.copyOf(rulesByLanguage);
        this.dropRepeated = dropRepeated;
    }

    /** Loads the pattern files named in configuration (on the driver). */
    public static BoilerplateRemover load(JobConfig.Boilerplate config) {
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        if (config.enabled()) {
            config.patterns().forEach((language, files) -> {
                List<Rule> list = new ArrayList<>();
                for (String file : files) {
                    list.addAll(parse(file, Resources.readLines(file, "normalize.boilerplate.patterns." + language)));
                }
                rules.put(language, list);
            });
        }
        return new BoilerplateRemover(rules, config.enabled() && config.dropRepeated());
    }

    static List<Rule> parse(String file, List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String kind = tab < 0 ? "" : line.substring(0, tab);
            if (!kind.equals("paragraph") && !kind.equals("span")) {
                throw new InvalidSettingsException(file + " line " + (i + 1)
                        + ": must be \"paragraph<TAB>regex\" or \"span<TAB>regex\"");
            }
            String regex = line.substring(tab + 1);
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InvalidSettingsException(file + " line " + (i + 1) + ": invalid regex " + regex
                        + " (" + e.getDescription() + ")");
            }
            rules.add(new Rule(kind.equals("paragraph"), regex));
        }
        return rules;
    }

    /** The text without boilerplate for an article in {@code language} (rules for "*" always apply). */
    public String remove(String text, String language) {
        return remove(text, language, null);
    }

    /**
     * The text without boilerplate for an article in {@code language} with this {@code title} (may be
     * null; used to drop a first paragraph that only repeats it).
     */
    public String remove(String text, String language, String title) {
        if (text == null || (rulesByLanguage.isEmpty() && !dropRepeated)) {
            return text;
        }
        List<CompiledRule> rules = new ArrayList<>(compiled().getOrDefault("*", List.of()));
        rules.addAll(compiled().getOrDefault(language, List.of()));
        if (rules.isEmpty() && !dropRepeated) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String titleKey = title == null || title.isBlank() ? null : key(title);
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            String p = paragraph;
            for (CompiledRule rule : rules) {
                if (rule.wholeParagraph()) {
                    if (rule.pattern().matcher(p).find()) {
                        p = "";
                        break;
                    }
                } else {
                    p = rule.pattern().matcher(p).replaceAll("").strip();
                }
            }
            if (p.isBlank()) {
                continue;
            }
            if (dropRepeated) {
                String k = key(p);
                // The title repeated as the first paragraph is a teaser; later, equal text is a subheading.
                if (seen.contains(k) || (kept.isEmpty() && k.equals(titleKey))) {
                    continue;
                }
                seen.add(k);
            }
            kept.add(p);
        }
        return String.join("\n\n", kept);
    }

    private static String key(String paragraph) {
        return WHITESPACE.matcher(paragraph).replaceAll(" ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private Map<String, List<CompiledRule>> compiled() {
        if (compiled == null) {
            Map<String, List<CompiledRule>> map = new LinkedHashMap<>();
            rulesByLanguage.forEach((language, rules) -> map.put(language, rules.stream()
                    .map(r -> new CompiledRule(r.wholeParagraph(), Pattern.compile(r.regex(), Pattern.MULTILINE)))
                    .toList()));
            compiled = map;
        }
        return compiled;
    }
}
