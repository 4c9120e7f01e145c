package org.newsprism.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.io.Resources;

/**
 * The entities the job recognises, loaded from the TSV files of {@code nlp.entities.catalogue}
 * (columns {@code id, type, name, aliases, derived}; aliases and derived forms separated by {@code |}).
 * A later file overrides an entity of the same id and takes over any alias it lists.
 *
 * <p>{@link #surfaceForms} expands the aliases into every form the matcher looks for: the alias, its
 * German genitive ({@code Putin → Putins}, setting {@code nlp.entities.genitive-forms}), its English possessive
 * ({@code Trump's}, {@code Trump’s}, setting {@code nlp.entities.possessive-forms}) and, for
 * lower-case derived adjectives, the capitalised form that starts a sentence. {@link #givenNames} are
 * the names of {@code nlp.entities.given-names} (one per line, {@code #} comments) plus the first words
 * of the catalogue's persons: a feature of the recogniser, not entities.
 */
public final class EntityCatalogue implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> TYPES = Set.of("PER", "ORG", "LOC", "MISC");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[\\s\\-\\u2010\\u2011\\u2012\\u2013]+");

    private final List<Entity> entities;
    private final java.util.Set<String> listedGivenNames;

    public EntityCatalogue(List<Entity> entities) {
        this(entities, java.util.Set.of());
    }

    public EntityCatalogue(List<Entity> entities, java.util.Set<String> listedGivenNames) {
        this.entities = List.copyOf(entities);
        this.listedGivenNames = java.util.Set.copyOf(listedGivenNames);
    }

    public List<Entity> entities() {
        return entities;
    }

    /** What a surface form refers to: an entity, and whether the form is a derived one. */
    public record Target(int entityIndex, boolean derived) implements Serializable {}

    /** Loads and merges catalogue files and given-name lists (on the driver). */
    public static EntityCatalogue load(List<String> locations, List<String> givenNameLists) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String location : givenNameLists) {
            for (String line : Resources.readLines(location, "nlp.entities.given-names")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        }
        return new EntityCatalogue(load(locations).entities, names);
    }

    /** Loads and merges catalogue files (on the driver). */
    public static EntityCatalogue load(List<String> locations) {
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (String location : locations) {
            List<String> lines = Resources.readLines(location, "nlp.entities.catalogue");
            for (Entity entity : parse(location, lines)) {
                byId.remove(entity.id()); // an override moves to the end: later files win alias clashes
                byId.put(entity.id(), entity);
            }
        }
        return new EntityCatalogue(new ArrayList<>(byId.values()));
    }

    static List<Entity> parse(String location, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals("id\ttype\tname\taliases\tderived")) {
            throw new InvalidSettingsException("nlp.entities.catalogue = " + location
                    + ": the first line must be the header id<TAB>type<TAB>name<TAB>aliases<TAB>derived");
        }
        List<Entity> result = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String where = "nlp.entities.catalogue = " + location + " line " + (i + 1);
            if (cols.length != 5) {
                throw new InvalidSettingsException(where + ": expected 5 tab-separated columns, found " + cols.length);
            }
            if (!ID.matcher(cols[0]).matches()) {
                throw new InvalidSettingsException(where + ": id " + cols[0] + " must match [a-z0-9][a-z0-9-]*");
            }
            if (!TYPES.contains(cols[1])) {
                throw new InvalidSettingsException(where + ": type " + cols[1] + " must be one of PER, ORG, LOC, MISC");
            }
            List<String> aliases = split(cols[3]);
            if (cols[2].isBlank() || aliases.isEmpty()) {
                throw new InvalidSettingsException(where + ": name and aliases must not be empty");
            }
            result.add(new Entity(cols[0], cols[1], cols[2].strip(), aliases, split(cols[4])));
        }
        return result;
    }

    private static List<String> split(String column) {
        return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Every surface form to match, keyed by {@link #key}. Explicit aliases win over generated forms;
     * among explicit aliases, the later entity wins.
     */
    public Map<String, SurfaceForm> surfaceForms(boolean genitiveForms, boolean possessiveForms) {
        Map<String, SurfaceForm> explicit = new LinkedHashMap<>();
        Map<String, SurfaceForm> generated = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            for (String alias : e.aliases()) {
                explicit.put(key(alias), new SurfaceForm(alias, new Target(i, false)));
                if (genitiveForms && takesGenitiveS(alias)) {
                    generated.putIfAbsent(key(alias + "s"), new SurfaceForm(alias + "s", new Target(i, false)));
                }
                if (possessiveForms) {
                    for (String possessive : POSSESSIVES) {
                        generated.putIfAbsent(key(alias + possessive), new SurfaceForm(alias + possessive, new Target(i, false)));
                    }
                }
            }
            for (String derived : e.derived()) {
                explicit.put(key(derived), new SurfaceForm(derived, new Target(i, true)));
                if (Character.isLowerCase(derived.codePointAt(0))) {
                    String capitalised = derived.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + derived.substring(1);
                    generated.putIfAbsent(key(capitalised), new SurfaceForm(capitalised, new Target(i, true)));
                }
            }
        }
        Map<String, SurfaceForm> all = new LinkedHashMap<>(generated);
        all.putAll(explicit);
        return all;
    }

    /**
     * Given names: the listed ones ({@code nlp.entities.given-names}) and the first words of the
     * catalogue's multi-word persons; a feature for recognising unlisted persons ("Angelika Müller").
     */
    public java.util.Set<String> givenNames() {
        java.util.Set<String> names = new java.util.HashSet<>(listedGivenNames);
        for (Entity e : entities) {
            if (!e.type().equals("PER")) {
                continue;
            }
            for (String alias : e.aliases()) {
                String[] words = alias.split("\\s+");
                if (words.length >= 2 && words[0].length() >= 2 && Character.isUpperCase(words[0].charAt(0))
                        && !words[0].endsWith(".")) {
                    names.add(words[0]);
                }
            }
        }
        return java.util.Set.copyOf(names);
    }

    /** A form to look for in text and the entity it names. */
    public record SurfaceForm(String text, Target target) implements Serializable {}

    /** English possessive endings, with a straight and a typographic apostrophe. */
    static final List<String> POSSESSIVES = List.of("'s", "\u2019s");

    /** Where a span's name ends without its English possessive ending ("Trump’s" → "Trump"). */
    public static int withoutPossessive(String text, int begin, int end) {
        for (String possessive : POSSESSIVES) {
            if (end - begin > possessive.length() && text.startsWith(possessive, end - possessive.length())) {
                return end - possessive.length();
            }
        }
        return end;
    }

    /** German genitive -s: names ending in a lower-case letter other than s, x, z, ß (not acronyms). */
    static boolean takesGenitiveS(String alias) {
        char last = alias.charAt(alias.length() - 1);
        return Character.isLowerCase(last) && "sxzß".indexOf(last) < 0;
    }

    /** The lookup key of a surface form: whitespace and hyphens count as one separator. */
    public static String key(String surface) {
        return KEY_SEPARATORS.matcher(surface.strip()).replaceAll(" ");
    }
}
