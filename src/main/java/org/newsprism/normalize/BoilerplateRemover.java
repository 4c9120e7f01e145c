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

    /** One rule: drop the whole paragraph, or only the matched span. */
    public record Rule(boolean wholeParagraph, String regex) implements Serializable {}

    private final Map<String, List<Rule>> rulesByLanguage;
    private final boolean dropRepeated;
    private transient Map<String, List<CompiledRule>> compiled;

    /**
     * A compiled rule; {@code lineAnchored} when every match must begin at a line start (the regex begins with
     * {@code ^} and has no other top-level alternative), so that only line starts need trying.
     */
    record CompiledRule(boolean wholeParagraph, Pattern pattern, boolean lineAnchored) {
        /** Whether the rule finds a match in {@code paragraph}, as {@code pattern.matcher(paragraph).find()}. */
        boolean findsIn(String paragraph) {
            java.util.regex.Matcher matcher = pattern.matcher(paragraph);
            if (!lineAnchored) {
                return matcher.find();
            }
            // find() would try every position; a match of ^ (MULTILINE) starts only where Java's ^ matches:
            // at 0 and after a line terminator (\r\n as one), never at the end of the input.
            matcher.useAnchoringBounds(false).useTransparentBounds(true);
            int length = paragraph.length();
            for (int start = 0; start < length; start = nextLineStart(paragraph, start)) {
                if (matcher.region(start, length).lookingAt()) {
                    return true;
                }
            }
            return false;
        }
    }

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
                    if (rule.findsIn(p)) {
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

    /** The paragraph with each run of {@code \\s} ({@code [ \\t\\n\\x0B\\f\\r]}) as one space, stripped, lower case. */
    static String key(String paragraph) {
        StringBuilder collapsed = new StringBuilder(paragraph.length());
        boolean inRun = false;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                collapsed.append(c);
            } else if (!inRun) {
                collapsed.append(' ');
            }
            inRun = space;
        }
        return collapsed.toString().strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first line start after {@code start} (see {@link CompiledRule#findsIn}), or the text's length. */
    static int nextLineStart(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return i + 2;
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
        }
        return text.length();
    }

    /**
     * Whether every match of {@code regex} begins at a line start: it begins with {@code ^} and has no
     * alternative at the top level ({@code ^a|b} finds "b" anywhere). Quoted text ({@code \\Q}) is not parsed:
     * such a regex counts as not anchored.
     */
    static boolean lineAnchored(String regex) {
        if (!regex.startsWith("^") || regex.contains("\\Q")) {
            return false;
        }
        int groups = 0;
        int classes = 0;
        for (int i = 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                classes++;
            } else if (c == ']' && classes > 0) {
                classes--;
            } else if (classes == 0 && c == '(') {
                groups++;
            } else if (classes == 0 && c == ')') {
                groups--;
            } else if (classes == 0 && groups == 0 && c == '|') {
                return false;
            }
        }
        return true;
    }

    private Map<String, List<CompiledRule>> compiled() {
        if (compiled == null) {
            Map<String, List<CompiledRule>> map = new LinkedHashMap<>();
            rulesByLanguage.forEach((language, rules) -> map.put(language, rules.stream()
                    .map(r -> new CompiledRule(r.wholeParagraph(), Pattern.compile(r.regex(), Pattern.MULTILINE),
                            lineAnchored(r.regex())))
                    .toList()));
            compiled = map;
        }
        return compiled;
    }
}
