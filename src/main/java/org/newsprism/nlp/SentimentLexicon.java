package org.newsprism.nlp;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.config.JobConfig;
import org.newsprism.io.Resources;

/**
 * One language's polarity lexicon and modifier words, loaded from the files of
 * {@code nlp.sentiment.lexicons.<lang>} and {@code nlp.sentiment.modifiers.<lang>}.
 *
 * <p>Lexicon files: {@code term<TAB>valence} on VADER's −4…+4 scale (extra columns, such as VADER's
 * rater statistics, are ignored; a first line {@code term<TAB>valence} is a header). Modifier files:
 * {@code term<TAB>kind<TAB>weight} with kind negation, intensifier, dampener, contrast or shifter. German
 * compounds are split by {@link CompoundSplitter} ({@code nlp.sentiment.split-german-compounds}). The full-form dictionary
 * ({@code nlp.sentiment.lemma-dictionary.<lang>}) gives inflected words their lemmas, see {@link Lemmatizer}. Terms
 * are lower case.
 */
public final class SentimentLexicon implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Double> valences;
    private final Map<String, Double> boosters;
    private final Map<String, Double> negations;
    private final Map<String, Double> contrasts;
    private final Map<String, Double> shifters;
    private final Lemmatizer lemmatizer;
    private final CompoundSplitter compounds;

    /** A lexicon without lemmas or compound splitting. */
    public SentimentLexicon(Map<String, Double> valences, Map<String, Double> boosters, Map<String, Double> negations,
            Map<String, Double> contrasts, Map<String, Double> shifters) {
        this(valences, boosters, negations, contrasts, shifters, Lemmatizer.NONE, CompoundSplitter.NONE);
    }

    public SentimentLexicon(Map<String, Double> valences, Map<String, Double> boosters, Map<String, Double> negations,
            Map<String, Double> contrasts, Map<String, Double> shifters, Lemmatizer lemmatizer,
            CompoundSplitter compounds) {
        this.lemmatizer = lemmatizer;
        this.compounds = compounds;
        this.valences = Map.copyOf(valences);
        this.boosters = Map.copyOf(boosters);
        this.negations = Map.copyOf(negations);
        this.contrasts = Map.copyOf(contrasts);
        this.shifters = Map.copyOf(shifters);
    }

    /** Loads one language's lexicon and modifier files (on the driver). */
    public static SentimentLexicon load(String language, JobConfig.Sentiment config) {
        Map<String, Double> valences = readValences(config.lexicons().getOrDefault(language, List.of()),
                "nlp.sentiment.lexicons." + language);
        Lemmatizer lemmatizer = Lemmatizer.load(config.lemmaDictionaries().get(language),
                "nlp.sentiment.lemma-dictionary." + language);
        List<String> modifierFiles = config.modifiers().getOrDefault(language, List.of());
        Map<String, Double> boosters = new HashMap<>();
        Map<String, Double> negations = new HashMap<>();
        Map<String, Double> contrasts = new HashMap<>();
        Map<String, Double> shifters = new HashMap<>();
        for (String file : modifierFiles) {
            List<String> lines = Resources.readLines(file, "nlp.sentiment.modifiers." + language);
            for (int i = 0; i < lines.size(); i++) {
                String[] cols = lines.get(i).split("\t");
                if (cols.length < 3 || lines.get(i).startsWith("#") || (i == 0 && cols[1].equals("kind"))) {
                    continue;
                }
                String term = cols[0].strip().toLowerCase(Locale.ROOT);
                double weight = number(cols[2], file, i);
                switch (cols[1].strip()) {
                    case "negation" -> negations.put(term, weight);
                    case "intensifier", "dampener" -> boosters.put(term, weight);
                    case "contrast" -> contrasts.put(term, weight);
                    case "shifter" -> shifters.put(term, weight);
                    default -> throw new InvalidSettingsException("nlp.sentiment.modifiers." + language + " = " + file
                            + " line " + (i + 1) + ": kind " + cols[1]
                            + " must be negation, intensifier, dampener, contrast or shifter");
                }
            }
        }
        return new SentimentLexicon(valences, boosters, negations, contrasts, shifters, lemmatizer,
                language.equals("de") && config.splitGermanCompounds() ? CompoundSplitter.GERMAN : CompoundSplitter.NONE);
    }

    /** Reads term/valence files (later files override earlier ones); a header line is skipped. */
    private static Map<String, Double> readValences(List<String> files, String settingKey) {
        Map<String, Double> valences = new HashMap<>();
        for (String file : files) {
            List<String> lines = Resources.readLines(file, settingKey);
            for (int i = 0; i < lines.size(); i++) {
                String[] cols = lines.get(i).split("\t");
                if (cols.length < 2 || lines.get(i).startsWith("#") || (i == 0 && cols[1].equals("valence"))) {
                    continue;
                }
                valences.put(cols[0].strip().toLowerCase(Locale.ROOT), number(cols[1], file, i));
            }
        }
        return valences;
    }

    private static double number(String value, String file, int line) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(file + " line " + (line + 1) + ": " + value + " is not a number");
        }
    }

    public Double valence(String lowerCaseWord) {
        return valences.get(lowerCaseWord);
    }

    public Double booster(String lowerCaseWord) {
        return boosters.get(lowerCaseWord);
    }

    /** Whether the word reverses the polarity of what it acts on ("reduce", "senken"). */
    public boolean isShifter(String lowerCaseWord) {
        return shifters.containsKey(lowerCaseWord);
    }

    public boolean isNegation(String lowerCaseWord) {
        return negations.containsKey(lowerCaseWord);
    }

    /** The weight of the clause after a contrast word ("aber", "but"), or null for other words. */
    public Double contrast(String lowerCaseWord) {
        return contrasts.get(lowerCaseWord);
    }

    /** The language's full-form dictionary ({@code nlp.sentiment.lemma-dictionary.<lang>}). */
    public Lemmatizer lemmatizer() {
        return lemmatizer;
    }

    /** The language's compound splitter ({@code nlp.sentiment.split-german-compounds} for German). */
    public CompoundSplitter compounds() {
        return compounds;
    }

    public int size() {
        return valences.size();
    }
}
