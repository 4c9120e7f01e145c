package org.newsprism.nlp;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.newsprism.config.JobConfig;

/**
 * Scores one sentence's tokens with a VADER-style rule set over a {@link SentimentLexicon}:
 * each polar word's valence is boosted or dampened by a preceding intensifier (within three tokens),
 * flipped and damped (×−0.74) by a negation within {@code nlp.sentiment.negation-scope} tokens before
 * it, and words before a contrast word ("aber", "but") weigh half while those after weigh as the
 * contrast word says. The sum {@code s} becomes a compound score {@code s / sqrt(s² + 15)} in [−1, 1].
 *
 * <p>German inflection: a word missing from the lexicon (and not a function word such as "einige") takes the
 * valence of a lemma the language's full-form dictionary gives it ({@link Lemmatizer},
 * {@code nlp.sentiment.lemma-dictionary}: {@code gewann → gewinnen}, {@code Krisen → Krise}, {@code besten → gut}). A
 * word the dictionary does not know is looked up again by rule: without common inflection endings
 * ({@code kritisierte → kritisier(en)}; a capitalised word, a noun, loses only a noun's ending), without a separable
 * verb's "zu", without a participle's "ge-" ({@code zugestimmt → zustimmen}), without comparative or superlative
 * endings and umlaut ({@code stärker → stark}), as an umlaut plural by its singular ({@code Anschläge → Anschlag}).
 * A compound that still has no valence takes its head's, the head found by {@link CompoundSplitter}
 * ({@code Energiekrise → Krise}, {@code Terroranschläge → Anschläge → Anschlag}). A separable particle closing a main
 * clause joins the clause's verbs by their lemmas ({@code nahm … fest → festnehmen}, {@code lehnte … ab → ablehnen}).
 *
 * <p>Shifters ("reduce", "prevent", "senken", "bekämpfen") reverse the polarity of a polar word within
 * three tokens after them ("reduce crime" is good news) and, in German, also before them, where the
 * verb often closes the clause ("die Arbeitslosigkeit zu senken"); German shifters reverse nouns and inflected adjectives,
 * not an adverb ("die Krise gut überstehen"). German negation may follow its
 * verb at the end of a clause ("Russland lobte die Ukraine nicht"): a clause-final "nicht" flips the
 * polar words of its clause when no negation precedes them.
 *
 * <p>Quotations ({@code nlp.sentiment.quotations}): polar words between a pair of double quotation marks
 * ({@code " „ “ ” « » ‹ ›}) in the sentence are weighed by the quotation's length. A short one (at most
 * {@code short-max-words} words) names a title or an organisation ({@code die Show "Sommerhaus der Stars"}) or
 * keeps the writer's distance (scare quotes: {@code the "reform"}), and its words weigh {@code short-weight};
 * a longer one is quoted speech and weighs {@code speech-weight}. An unpaired quotation mark (a quotation
 * spanning sentences) changes nothing.
 *
 * <p>Names: outside German (which capitalises every noun), a capitalised polar word inside a sentence is part of a
 * name ("Supreme Court", "Grand Central") and does not count, unless the sentence is a headline in title case; and
 * the tokens of names the caller found ({@link #score(List, double[], boolean[])}) count as neither polar words nor
 * modifiers.
 */
public final class SentenceSentimentScorer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double NEGATION_FACTOR = -0.74;
    private static final double ALPHA = 15.0;
    private static final String[] GERMAN_ENDINGS = {"ern", "en", "er", "es", "em", "est", "st", "et", "te", "ten", "tes", "ter", "e", "n", "s", "t"};

    /** What a token of a name reads as: a word in no lexicon and no modifier list. */
    private static final String NAME_WORD = "\u0000name";

    /** Words whose valence is kept at most; the memo starts over when full. */
    private static final int MAX_KEPT_WORDS = 200_000;

    private final SentimentLexicon lexicon;
    private final boolean german;
    /** Each word's valence as {@link #valenceOf} finds it: news repeats its words, the endings are tried once. */
    private transient volatile WordMemo<Double> keptValences;
    /** {@link #separatedVerbValence} by "particle word": asked for most words of a clause that ends in a particle. */
    private transient volatile WordMemo<Double> keptSeparatedVerbs;
    private final int negationScope;
    private final JobConfig.Quotations quotations;

    public SentenceSentimentScorer(SentimentLexicon lexicon, String language, int negationScope,
            JobConfig.Quotations quotations) {
        this.lexicon = lexicon;
        this.german = "de".equals(language);
        this.negationScope = negationScope;
        this.quotations = quotations;
    }

    /** A sentence's score: compound in [−1, 1] and its counts of words, positive and negative words. */
    public record Score(double compound, int words, int positiveWords, int negativeWords) {}

    public Score score(List<String> tokens) {
        return score(tokens, new double[tokens.size()], null);
    }

    /**
     * {@link #score(List)}, also writing each token's weighted valence after the rules (its share of the
     * sentence's sum, 0 for words without polarity) into {@code contributions}, for {@link #windowScore}.
     * Tokens marked in {@code names} (may be null) belong to a name found in the sentence ("Laschet",
     * "Ärzte ohne Grenzen", "Save the Children") and are neither polar words nor modifiers.
     */
    public Score score(List<String> tokens, double[] contributions, boolean[] names) {
        int[] counts = contributions(tokens, contributions, names);
        double sum = 0;
        for (double c : contributions) {
            sum += c;
        }
        return new Score(compound(sum), counts[0], counts[1], counts[2]);
    }

    /**
     * The compound score of a mention covering tokens {@code [first, last]} of a sentence whose token
     * {@code contributions} {@link #score(List, double[], boolean[])} wrote: each polar word weighs
     * {@code exp(-d / decayTokens)}, d being its distance in tokens from the mention (0 inside it).
     */
    public static double windowScore(double[] contributions, int first, int last, double decayTokens) {
        double sum = 0;
        for (int i = 0; i < contributions.length; i++) {
            if (contributions[i] != 0) {
                int distance = i < first ? first - i : i > last ? i - last : 0;
                sum += contributions[i] * Math.exp(-distance / decayTokens);
            }
        }
        return compound(sum);
    }

    private static double compound(double sum) {
        return sum == 0 ? 0.0 : sum / Math.sqrt(sum * sum + ALPHA);
    }

    private int[] contributions(List<String> tokens, double[] contributions, boolean[] names) {
        int n = tokens.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = names != null && names[i] ? NAME_WORD : tokens.get(i).toLowerCase(Locale.ROOT);
        }
        double[] valence = new double[n];
        double[] quoted = quoteWeights(lower);
        boolean namesStandOut = !german && !titleCase(tokens);
        String[] clauseParticles = german ? clauseParticles(lower) : null;
        int words = 0;
        int positive = 0;
        int negative = 0;
        int contrastAt = -1;
        double contrastWeight = 1.0;
        for (int i = 0; i < n; i++) {
            if (!isWord(lower[i])) {
                continue;
            }
            words++;
            Double contrast = lexicon.contrast(lower[i]);
            if (contrast != null && i > 0) {
                contrastAt = i;
                contrastWeight = contrast;
                continue;
            }
            Double base = cachedValenceOf(lower[i] == NAME_WORD ? NAME_WORD : tokens.get(i));
            if (base == null && clauseParticles != null && clauseParticles[i] != null
                    && !Character.isUpperCase(tokens.get(i).codePointAt(0))) {
                base = cachedSeparatedVerbValence(lower[i], clauseParticles[i]);
            }
            if (base == null || base == 0.0 || lexicon.booster(lower[i]) != null || quoted[i] == 0.0
                    || namesStandOut && insideName(tokens, i)) {
                continue;
            }
            if (base > 0) {
                positive++;
            } else {
                negative++;
            }
            double v = base;
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                Double boost = lexicon.booster(lower[i - back]);
                if (boost != null) {
                    double scaled = boost * (1.0 - 0.05 * (back - 1));
                    v += Math.signum(v) * scaled;
                }
            }
            boolean negated = false;
            for (int back = 1; back <= negationScope && i - back >= 0 && !isClauseEnd(lower[i - back]); back++) {
                if (lexicon.isNegation(lower[i - back])) {
                    negated = true;
                    break;
                }
            }
            if (!negated && german && clauseFinalNegationAfter(lower, i)) {
                negated = true;
            }
            if (negated) {
                v *= NEGATION_FACTOR;
            }
            if (shifted(lower, i) && (!german || shiftableInGerman(tokens.get(i), lower[i]))) {
                v = -v;
            }
            valence[i] = v * quoted[i];
        }
        for (int i = 0; i < n; i++) {
            double weight = contrastAt < 0 ? 1.0 : i < contrastAt ? 0.5 : contrastWeight;
            contributions[i] = valence[i] * weight;
        }
        return new int[] {words, positive, negative};
    }

    /**
     * A capitalised word inside an English sentence ("Supreme Court Justice", "Grand Central", "Liberty
     * Mutual") belongs to a name and says nothing about the writer's view; the first word and one after
     * a sentence mark, quotation mark, colon, bracket or dash may be capitalised for other reasons.
     */
    private static boolean insideName(List<String> tokens, int i) {
        String token = tokens.get(i);
        if (i == 0 || !Character.isUpperCase(token.codePointAt(0)) || token.equals(token.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String previous = tokens.get(i - 1);
        return !SENTENCE_OPENERS.contains(previous) && !isQuotationMark(previous);
    }

    /** Tokens after which a word may be capitalised without being a name. */
    private static final java.util.Set<String> SENTENCE_OPENERS =
            java.util.Set.of(".", "!", "?", ":", "(", "[", "-", "\u2013", "\u2014", "...", "\u2026", "''", "``");

    /**
     * A headline in title case ("Senate Passes Historic Bill", "Trump Slams the Deal"): every word but the short
     * function words that title case leaves small is capitalised. "Kenneth Feld met Joy Smith" is not one.
     */
    private static boolean titleCase(List<String> tokens) {
        int words = 0;
        for (String token : tokens) {
            if (!isWord(token) || TITLE_CASE_SMALL_WORDS.contains(token)) {
                continue;
            }
            if (!Character.isUpperCase(token.codePointAt(0))) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    private static final java.util.Set<String> TITLE_CASE_SMALL_WORDS = java.util.Set.of("a", "an", "the", "and",
            "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via",
            "with", "from", "into", "over", "than", "vs", "vs.");

    /** Per token, the weight of a polar word there: 1 outside quotations, else as {@link JobConfig.Quotations} says. */
    private double[] quoteWeights(String[] lower) {
        double[] weights = new double[lower.length];
        Arrays.fill(weights, 1.0);
        int open = -1;
        for (int i = 0; i < lower.length; i++) {
            if (!isQuotationMark(lower[i])) {
                continue;
            }
            if (open < 0) {
                open = i;
                continue;
            }
            int words = 0;
            for (int j = open + 1; j < i; j++) {
                words += isWord(lower[j]) ? 1 : 0;
            }
            double weight = words <= quotations.shortMaxWords() ? quotations.shortWeight() : quotations.speechWeight();
            Arrays.fill(weights, open + 1, i, weight);
            open = -1;
        }
        return weights;
    }

    /** A token of punctuation holding a double quotation mark (the tokenizer splits them off words). */
    private static boolean isQuotationMark(String token) {
        boolean quote = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
            quote |= QUOTATION_MARKS.indexOf(c) >= 0;
        }
        return quote;
    }

    private static final String QUOTATION_MARKS = "\"„“”«»‹›‟";

    /** Spark ML's German stop words: function words that look like inflected content words. */
    private static final class GermanFunctionWords {
        static final java.util.Set<String> SET = java.util.Set.of(
                org.apache.spark.ml.feature.StopWordsRemover.loadDefaultStopWords("german"));
    }

    /**
     * The clause around token {@code index}: the tokens between the nearest clause ends (punctuation,
     * contrast words, clause conjunctions) on either side, as {@code [from, to)}.
     */
    public int[] clauseAround(List<String> tokens, int index) {
        int from = index;
        while (from > 0 && !isClauseEnd(tokens.get(from - 1).toLowerCase(Locale.ROOT))) {
            from--;
        }
        int to = index + 1;
        while (to < tokens.size() && !isClauseEnd(tokens.get(to).toLowerCase(Locale.ROOT))) {
            to++;
        }
        return new int[] {from, to};
    }

    private static final int SHIFTER_SCOPE = 3;

    /** A shifter within three tokens before the word (in German also after it) reverses it. */
    private boolean shifted(String[] lower, int i) {
        for (int d = 1; d <= SHIFTER_SCOPE; d++) {
            if (i - d >= 0 && lexicon.isShifter(lower[i - d])) {
                return true;
            }
            if (german && i + d < lower.length && lexicon.isShifter(lower[i + d])) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a German shifter acts on: a noun (capitalised: "die Arbeitslosigkeit senken") or an inflected adjective
     * before one ("schlimmere Schäden verhindern"), not an adverb in its base form ("die Krise gut überstehen" is
     * good news, and "gut" stays good).
     */
    private static boolean shiftableInGerman(String token, String lower) {
        return Character.isUpperCase(token.codePointAt(0)) || lower.endsWith("e") || lower.endsWith("en")
                || lower.endsWith("er") || lower.endsWith("es") || lower.endsWith("em");
    }

    /** A negation after the word, in the same clause, directly before the clause's end. */
    private boolean clauseFinalNegationAfter(String[] lower, int i) {
        for (int j = i + 1; j < lower.length; j++) {
            if (isClauseEnd(lower[j])) {
                return false;
            }
            if (lexicon.isNegation(lower[j])) {
                return j + 1 == lower.length || isClauseEnd(lower[j + 1]);
            }
        }
        return false;
    }

    /** Punctuation and conjunctions that end a negation's reach. */
    private boolean isClauseEnd(String token) {
        return token.length() == 1 && ".,;:!?".indexOf(token.charAt(0)) >= 0 || lexicon.contrast(token) != null
                || CLAUSE_CONJUNCTIONS.contains(token);
    }

    private static final java.util.Set<String> CLAUSE_CONJUNCTIONS =
            java.util.Set.of("und", "weil", "dass", "denn", "and", "because", "while", "whereas");

    private static boolean isWord(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #valenceOf}, once per distinct token as written (thread-safe: tasks may share a scorer). Names' tokens
     * come as {@link #NAME_WORD}.
     */
    private Double cachedValenceOf(String token) {
        WordMemo<Double> kept = keptValences;
        if (kept == null) { // transient: made again after the scorer travels to a task
            kept = new WordMemo<>(this::valenceOf, MAX_KEPT_WORDS);
            keptValences = kept;
        }
        return kept.get(token);
    }

    /**
     * A token's valence: the lexicon's for the word in lower case; else (German) that of a lemma the full-form
     * dictionary gives ("gewann" → gewinnen, "Krisen" → Krise, "besten" → gut). A word the dictionary knows takes
     * no guess from rules: its lemmas are what it is, so "Aufgabe" is no form of "aufgeben" nor "Klaus" of "klauen".
     * A word it does not know (a new compound, a misspelling) goes through the inflection rules: endings,
     * participles, zu-infinitives, umlaut plurals, comparison. Either way, a compound no lemma or rule gave a valence
     * takes its head's ("Energiekrise" → Krise, "Terroranschläge" → Anschläge → Anschlag), as the splitter finds it.
     */
    private Double valenceOf(String token) {
        String word = token.toLowerCase(Locale.ROOT);
        Double direct = lexicon.valence(word);
        if (direct != null || !german || GermanFunctionWords.SET.contains(word)) {
            return direct;
        }
        List<String> lemmas = lexicon.lemmatizer().lemmas(token);
        if (lemmas.isEmpty()) {
            Double v = rulesValence(word, !word.equals(token) && Character.isUpperCase(token.codePointAt(0)));
            if (v != null) {
                return v;
            }
        }
        for (String lemma : lemmas) {
            Double v = lexicon.valence(lemma.toLowerCase(Locale.ROOT));
            if (v != null) {
                return v;
            }
        }
        return headValence(token);
    }

    /**
     * The valence of a compound's head, a word like any other (its lemma, or the rules): the last of the splitter's
     * parts, capitalised as the noun it is. Null for a word that is no compound.
     */
    private Double headValence(String token) {
        List<String> parts = lexicon.compounds().parts(token);
        if (parts.size() < 2) {
            return null;
        }
        String head = parts.get(parts.size() - 1);
        return head.isEmpty() ? null : cachedValenceOf(head.substring(0, 1).toUpperCase(Locale.ROOT) + head.substring(1));
    }

    /**
     * The valence of a German word the dictionary does not know, by rule: what inflection, participles, zu-infinitives,
     * umlaut plurals and comparison reduce it to. German capitalises nouns, so a capitalised word
     * loses only a noun's endings ("Mutter" is not Mut).
     */
    private Double rulesValence(String word, boolean capitalised) {
        Double inflected = capitalised ? withoutNounEndings(word) : withoutEndings(word);
        if (inflected != null) {
            return inflected;
        }
        String participle = withoutParticiplePrefix(word);
        if (participle != null) {
            Double v = lexicon.valence(participle);
            if (v == null) {
                v = withoutEndings(participle);
            }
            if (v != null) {
                return v;
            }
        }
        String withoutZu = capitalised ? null : withoutInfinitiveZu(word);
        Double zuInfinitive = withoutZu == null ? null : lexicon.valence(withoutZu);
        if (zuInfinitive != null) {
            return zuInfinitive;
        }
        Double plural = withoutPluralUmlaut(word);
        if (plural != null) {
            return plural;
        }
        for (String ending : GRADE_ENDINGS) {
            if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
                String base = word.substring(0, word.length() - ending.length());
                for (String candidate : new String[] {base, withoutUmlaut(base)}) {
                    Double v = lexicon.valence(candidate);
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    /**
     * For each token, the separable particle that ends its clause ({@code null} when the clause ends otherwise, and
     * for the particle itself): the last word before a clause end (punctuation, conjunction, contrast word).
     */
    private String[] clauseParticles(String[] lower) {
        String[] particles = new String[lower.length];
        String current = null;
        boolean atClauseEnd = true;
        for (int j = lower.length - 1; j >= 0; j--) {
            if (isClauseEnd(lower[j])) {
                current = null;
                atClauseEnd = true;
                continue;
            }
            if (atClauseEnd) {
                atClauseEnd = false;
                if (SEPARABLE_PARTICLES.contains(lower[j])) {
                    current = lower[j];
                    continue;
                }
            }
            particles[j] = current;
        }
        return particles;
    }

    /** Weak verbs' personal endings, longest first: "lehnte" → lehn(en), "stimmten" → stimm(en). */
    private static final String[] VERB_ENDINGS = {"test", "tet", "ten", "te", "est", "et", "st", "en", "t", "e", ""};

    private Double cachedSeparatedVerbValence(String word, String particle) {
        WordMemo<Double> kept = keptSeparatedVerbs;
        if (kept == null) { // transient, as keptValences
            kept = new WordMemo<>(key -> {
                int space = key.indexOf(' ');
                return separatedVerbValence(key.substring(space + 1), key.substring(0, space));
            }, MAX_KEPT_WORDS);
            keptSeparatedVerbs = kept;
        }
        return kept.get(particle + ' ' + word);
    }

    /**
     * The valence of the separable verb a finite verb forms with the particle that ends its clause ("wies … zurück" →
     * zurückweisen, "lehnte … ab" → ablehnen), or null when the lexicon lists no such verb.
     */
    private Double separatedVerbValence(String word, String particle) {
        if (GermanFunctionWords.SET.contains(word) || !isWord(word)) {
            return null;
        }
        List<String> lemmas = lexicon.lemmatizer().lemmas(word);
        for (String lemma : lemmas) {
            if (Character.isLowerCase(lemma.codePointAt(0))) { // a verb's lemma; nouns are capitalised
                Double v = lexicon.valence(particle + lemma);
                if (v != null) {
                    return v;
                }
            }
        }
        if (!lemmas.isEmpty()) {
            return null;
        }
        for (String ending : VERB_ENDINGS) {
            if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
                String stem = particle + word.substring(0, word.length() - ending.length());
                Double v = lexicon.valence(stem + "en");
                if (v == null) {
                    v = lexicon.valence(stem + "n");
                }
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Plural endings that come with an umlaut ({@code Anschläge → Anschlag}, {@code Häuser → Haus}, {@code Mängel → Mangel}). */
    private static final String[] UMLAUT_PLURAL_ENDINGS = {"ern", "er", "en", "e", "n", ""};

    /**
     * The lexicon's valence of an umlaut plural's singular ({@code anschläge → anschlag}, {@code schäden →
     * schaden}), or null when the word has no umlaut or no such singular is listed.
     */
    private Double withoutPluralUmlaut(String word) {
        for (String ending : UMLAUT_PLURAL_ENDINGS) {
            if (word.length() - ending.length() < 3 || !word.endsWith(ending)) {
                continue;
            }
            String stem = word.substring(0, word.length() - ending.length());
            String singular = withoutUmlaut(stem);
            if (singular.equals(stem)) {
                continue;
            }
            for (String candidate : new String[] {singular, singular + "en", singular + "e"}) {
                Double v = lexicon.valence(candidate);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** A German noun's plural and genitive endings ({@code Krisen → Krise}, {@code Angriffe → Angriff}, {@code Kriegs → Krieg}). */
    private static final String[] NOUN_ENDINGS = {"ern", "en", "er", "es", "e", "n", "s"};

    /**
     * The valence of a capitalised word (a noun, German capitalises them) with a noun's ending stripped, the stem
     * itself being the lemma: "Krisen" is Krise, while "Klaus" is not klauen and "Mutter" not Mut, as the verb and
     * adjective endings of {@link #withoutEndings} would have it.
     */
    private Double withoutNounEndings(String word) {
        for (String ending : NOUN_ENDINGS) {
            if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
                Double v = lexicon.valence(word.substring(0, word.length() - ending.length()));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The valence of the word with one common inflection ending stripped ({@code schlechten → schlecht}). */
    private Double withoutEndings(String word) {
        for (String ending : GERMAN_ENDINGS) {
            if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
                String stem = word.substring(0, word.length() - ending.length());
                for (String candidate : new String[] {stem, stem + "en", stem + "e", stem + "n"}) {
                    Double v = lexicon.valence(candidate);
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    /** Comparative and superlative endings ({@code stärkste → stark}, {@code schlimmer → schlimm}). */
    private static final String[] GRADE_ENDINGS = {"sten", "ster", "stes", "stem", "ste", "eren", "erer", "eres", "erem",
        "ere", "er"};

    /**
     * Separable verb prefixes, which come before the participle's "ge" ({@code zugestimmt → zustimmt}) and, as
     * particles, close a main clause ({@link #SEPARABLE_PARTICLES}); longest first.
     */
    private static final String[] SEPARABLE_PREFIXES = {"zusammen", "herunter", "entgegen", "heraus", "hinaus", "vorbei",
        "zurück", "nieder", "voran", "weiter", "durch", "nach", "fest", "fort", "frei", "hoch", "fehl", "statt", "teil",
        "weg", "her", "hin", "los", "ab", "an", "auf", "aus", "bei", "ein", "mit", "vor", "um", "zu"};

    /**
     * Separable verb particles, {@link #SEPARABLE_PREFIXES} as a set. In a German main clause the particle closes the
     * clause, away from its verb: "Die Polizei nahm den Mann fest" is festnehmen, "Sie wies die Vorwürfe zurück"
     * zurückweisen.
     */
    private static final java.util.Set<String> SEPARABLE_PARTICLES = java.util.Set.of(SEPARABLE_PREFIXES);

    /**
     * A past participle without its "ge" ({@code gefreut → freut}, {@code zugestimmt → zustimmt}), or null when the
     * word is not shaped like one (the rest must be at least four letters).
     */
    private static String withoutParticiplePrefix(String word) {
        if (word.startsWith("ge") && word.length() >= 6) {
            return word.substring(2);
        }
        for (String prefix : SEPARABLE_PREFIXES) {
            if (word.length() >= prefix.length() + 6 && word.startsWith(prefix) && word.startsWith("ge", prefix.length())) {
                return prefix + word.substring(prefix.length() + 2);
            }
        }
        return null;
    }

    /**
     * A separable verb's infinitive with "zu" without it ({@code anzugreifen → angreifen}, {@code festzunehmen →
     * festnehmen}), or null when the word is not shaped like one.
     */
    private static String withoutInfinitiveZu(String word) {
        for (String prefix : SEPARABLE_PREFIXES) {
            if (word.length() >= prefix.length() + 6 && word.startsWith(prefix) && word.startsWith("zu", prefix.length())
                    && word.endsWith("n")) {
                return prefix + word.substring(prefix.length() + 2);
            }
        }
        return null;
    }

    private static String withoutUmlaut(String stem) {
        return stem.replace('ä', 'a').replace('ö', 'o').replace('ü', 'u');
    }
}
