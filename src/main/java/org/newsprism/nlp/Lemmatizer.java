package org.newsprism.nlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.io.Resources;

/**
 * A language's full-form dictionary: the lemmas of an inflected word ("gewann" → gewinnen, "Krisen" → Krise,
 * "besten" → gut, "anzugreifen" → angreifen), read with Morfologik's finite-state lookup from a Morfologik
 * dictionary ({@code X.dict} with its {@code X.info} beside it). German's default is LanguageTool's German
 * dictionary ({@code de.danielnaber:german-pos-dict}, from Morphy, CC BY-SA 4.0), about 880 KB for some
 * 553,000 word forms of 121,000 lemmas.
 *
 * <p>The files are read once on the driver ({@link #load}) and travel as bytes inside the lexicon; each thread
 * that looks words up makes its own lookup (Morfologik's is not thread-safe) over one shared automaton.
 * Reads {@code nlp.sentiment.lemma-dictionary.<lang>}.
 */
public final class Lemmatizer implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A language without a dictionary: no word has lemmas. */
    public static final Lemmatizer NONE = new Lemmatizer(null, null);

    private final byte[] automaton;
    private final byte[] info;
    private transient volatile ThreadLocal<DictionaryLookup> lookups;

    private Lemmatizer(byte[] automaton, byte[] info) {
        this.automaton = automaton;
        this.info = info;
    }

    /**
     * Reads a Morfologik dictionary: {@code location} names its {@code .dict} file, whose {@code .info} file lies
     * beside it; an empty location gives {@link #NONE}.
     *
     * @throws InvalidSettingsException naming {@code settingKey} when a file is missing or is not a dictionary
     */
    public static Lemmatizer load(String location, String settingKey) {
        if (location == null || location.isBlank()) {
            return NONE;
        }
        if (!location.endsWith(".dict")) {
            throw new InvalidSettingsException(settingKey + " = " + location
                    + ": must name a Morfologik dictionary file ending in .dict (its .info file beside it)");
        }
        String infoLocation = location.substring(0, location.length() - ".dict".length()) + ".info";
        Lemmatizer lemmatizer = new Lemmatizer(bytes(location, settingKey), bytes(infoLocation, settingKey));
        try {
            lemmatizer.dictionary();
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingsException(settingKey + " = " + location + ": not a Morfologik dictionary ("
                    + e.getMessage() + ")");
        }
        return lemmatizer;
    }

    /**
     * The distinct lemmas of {@code word} as the dictionary spells them (nouns capitalised), in the dictionary's
     * order; when the word as written is unknown, those of its lower-case form (a verb opening a sentence). Empty
     * for a word the dictionary does not know.
     */
    public List<String> lemmas(String word) {
        if (automaton == null) {
            return List.of();
        }
        List<String> lemmas = lookup(word);
        if (lemmas.isEmpty()) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.equals(word)) {
                lemmas = lookup(lower);
            }
        }
        return lemmas;
    }

    private List<String> lookup(String word) {
        List<WordData> forms = lookups().get().lookup(word);
        if (forms.isEmpty()) {
            return List.of();
        }
        List<String> lemmas = new ArrayList<>(2);
        for (WordData form : forms) {
            CharSequence stem = form.getStem();
            if (stem != null && stem.length() > 0) {
                String lemma = stem.toString();
                if (!lemmas.contains(lemma)) {
                    lemmas.add(lemma);
                }
            }
        }
        return lemmas;
    }

    private ThreadLocal<DictionaryLookup> lookups() {
        ThreadLocal<DictionaryLookup> made = lookups;
        if (made == null) { // transient: made again after the lemmatizer travels to a task
            synchronized (this) {
                made = lookups;
                if (made == null) {
                    Dictionary dictionary;
                    try {
                        dictionary = dictionary();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the lemma dictionary", e);
                    }
                    made = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
                    lookups = made;
                }
            }
        }
        return made;
    }

    private Dictionary dictionary() throws IOException {
        return Dictionary.read(new ByteArrayInputStream(automaton), new ByteArrayInputStream(info));
    }

    private static byte[] bytes(String location, String settingKey) {
        try (InputStream in = Resources.open(location, settingKey)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
