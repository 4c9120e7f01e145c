package org.newsprism.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.io.Resources;

/**
 * One language's irregular verb forms, read from the files of {@code nlp.sentiment.verb-forms.<lang>}, so that
 * the past and present forms of strong verbs reach the infinitive the lexicon lists: "gewann" → gewinnen,
 * "starb" → sterben, "hilft" → helfen, "gestohlenen" → stehlen ({@link #infinitiveOf}), and with a prefix before a
 * listed form ({@link #infinitivesAfterPrefix}), "erlitt" → erleiden, "überwand" → überwinden, "zusammengeschlagen" → zusammenschlagen. Ending stripping
 * cannot find these: the vowel changes.
 *
 * <p>Files: a header {@code infinitive<TAB>preterite<TAB>participle<TAB>present}, then one verb per line in lower
 * case: its infinitive, the preterite's first/third person singular, the past participle and the third person
 * singular present where its vowel changes ({@code -} where it does not). A participle's form without its "ge"
 * is listed too, for prefixes that drop it ("verstorben", "erlitten").
 */
public final class VerbForms implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No irregular forms (languages without a file). */
    public static final VerbForms NONE = new VerbForms(Map.of());

    /** Endings a listed form may carry: the preterite's persons ("starben"), an adjectival participle's ("gestohlenen"). */
    private static final String[] ENDINGS = {"", "e", "en", "er", "es", "em", "n", "st", "t", "est", "et"};
    /** Shortest form looked up after a prefix ("aß", "tat"). */
    private static final int MIN_FORM = 2;

    private final Map<String, String> infinitiveOfForm;

    VerbForms(Map<String, String> infinitiveOfForm) {
        this.infinitiveOfForm = Map.copyOf(infinitiveOfForm);
    }

    /** Reads verb-form files (on the driver); {@code settingKey} names the setting in errors. */
    public static VerbForms load(List<String> files, String settingKey) {
        Map<String, String> forms = new HashMap<>();
        for (String file : files) {
            List<String> lines = Resources.readLines(file, settingKey);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#") || (i == 0 && line.startsWith("infinitive\t"))) {
                    continue;
                }
                String[] cols = line.toLowerCase(Locale.ROOT).split("\t");
                if (cols.length != 4) {
                    throw new InvalidSettingsException(settingKey + " = " + file + " line " + (i + 1)
                            + ": must be infinitive, preterite, participle and present (or -), tab-separated");
                }
                String infinitive = cols[0].strip();
                for (int c = 1; c < 4; c++) {
                    String form = cols[c].strip();
                    if (!form.equals("-")) {
                        forms.putIfAbsent(form, infinitive);
                    }
                }
                String participle = cols[2].strip();
                if (participle.startsWith("ge") && participle.length() - 2 >= MIN_FORM + 2) {
                    forms.putIfAbsent(participle.substring(2), infinitive);
                }
            }
        }
        return new VerbForms(forms);
    }

    /**
     * The infinitive of which {@code lowerCaseWord} itself is a listed form, with no prefix before it and perhaps
     * an ending ("gefahren" → fahren, "starben" → sterben, "gestohlenen" → stehlen), or null.
     */
    public String infinitiveOf(String lowerCaseWord) {
        for (String ending : ENDINGS) {
            int stemLength = lowerCaseWord.length() - ending.length();
            if (stemLength >= MIN_FORM && lowerCaseWord.endsWith(ending)) {
                String infinitive = infinitiveOfForm.get(lowerCaseWord.substring(0, stemLength));
                if (infinitive != null) {
                    return infinitive;
                }
            }
        }
        return null;
    }

    /**
     * The infinitives {@code lowerCaseWord} may be a form of after a prefix ("erlitt" → erleiden, "überwand" →
     * überwinden), most likely first: for each ending it may carry and each prefix before a listed form (the
     * longest form first), the prefix plus the form's infinitive. The word that is itself a form is
     * {@link #infinitiveOf}'s. Empty when no listed form ends the word; the caller keeps the first one its lexicon
     * knows.
     */
    public List<String> infinitivesAfterPrefix(String lowerCaseWord) {
        List<String> found = new ArrayList<>(2);
        if (infinitiveOfForm.isEmpty()) {
            return found;
        }
        for (String ending : ENDINGS) {
            int stemLength = lowerCaseWord.length() - ending.length();
            if (stemLength < MIN_FORM + 1 || !lowerCaseWord.endsWith(ending)) {
                continue;
            }
            for (int start = 1; start <= stemLength - MIN_FORM; start++) {
                String infinitive = infinitiveOfForm.get(lowerCaseWord.substring(start, stemLength));
                if (infinitive != null) {
                    found.add(lowerCaseWord.substring(0, start) + infinitive);
                }
            }
        }
        return found;
    }
}
