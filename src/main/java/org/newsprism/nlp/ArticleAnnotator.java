package org.newsprism.nlp;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsprism.config.JobConfig;

/**
 * Annotates one article: sentences, tokens and catalogue matches from Spark NLP ({@link TextAnalyzer}),
 * names the catalogue lacks from the statistical recogniser ({@link EntityRecognizer}, where a model
 * exists for the language) or persons by their cues ({@link PersonCueFinder}, languages of
 * {@code nlp.entities.discovery.person-cues}), one sentiment score per sentence
 * ({@link SentenceSentimentScorer}), each mention's sentiment by {@code nlp.sentiment.mention-scope} (its
 * sentence, its clause, or a window weighing polar words by their distance from it), and the article's
 * GDELT-style tone. A catalogue match or name in the English possessive ends before the "'s".
 *
 * <p>Resolution within the article: a discovered one-word person ("Witkoff", also "Witkoffs") that is
 * the last word of a longer person mention in the same article ("Steve Witkoff") becomes that person.
 * Discovered entities get stable ids from their normalised name ({@code x-per-max-mustermann}).
 *
 * <p>Offsets in the result are Unicode code points into the text (Python {@code str} indices), end
 * exclusive. One instance is shipped per task.
 */
public final class ArticleAnnotator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TextAnalyzer analyzer;
    private final List<Entity> entities;
    private final Set<String> givenNames;
    private final Map<String, EntityRecognizer> recognizers;
    /** Finds persons by their cues in the languages of {@code nlp.entities.discovery.person-cues} without a model. */
    private final PersonCueFinder personCues;
    private final Set<String> personCueLanguages;
    private final Set<String> discoveredTypes;
    private final Map<String, SentimentLexicon> lexicons;
    private final JobConfig.Sentiment sentimentConfig;
    private final int maxSentenceChars;
    private transient Map<String, SentenceSentimentScorer> scorers;

    public ArticleAnnotator(TextAnalyzer analyzer, EntityCatalogue catalogue, Map<String, EntityRecognizer> recognizers,
            Map<String, SentimentLexicon> lexicons, JobConfig.Nlp config) {
        this.analyzer = analyzer;
        this.entities = catalogue.entities();
        this.givenNames = catalogue.givenNames();
        this.recognizers = Map.copyOf(recognizers);
        JobConfig.Discovery discovery = config.entities().discovery();
        this.personCues = new PersonCueFinder(givenNames);
        this.personCueLanguages = discovery.enabled() ? Set.copyOf(discovery.personCues()) : Set.of();
        this.discoveredTypes = Set.copyOf(discovery.types());
        this.lexicons = Map.copyOf(lexicons);
        this.sentimentConfig = config.sentiment();
        this.maxSentenceChars = config.maxSentenceChars();
    }

    /** A sentence with its compound score. */
    public record Sentence(int index, int begin, int end, double sentiment, String label, SentenceSentimentScorer.Score score) {}

    /** A resolved entity mention; {@code discovered} when the entity is not from the catalogue. */
    public record Mention(Entity entity, String surface, int begin, int end, int sentenceIndex, boolean derived,
            boolean discovered, double sentiment, String label) {}

    /** The annotations of one article and its GDELT-style tone. */
    public record Annotated(List<Sentence> sentences, List<Mention> mentions, int words, double sentiment,
            String label, double positiveScore, double negativeScore) {

        public double polarity() {
            return positiveScore + negativeScore;
        }
    }

    TextAnalyzer analyzer() {
        return analyzer;
    }

    public Annotated annotate(String text, String language) {
        TextAnalysis analysis = analyzer.analyse(text);
        SentenceSentimentScorer scorer = scorer(language);
        String mentionScope = sentimentConfig.mentionScope(language);
        boolean windowScope = mentionScope.equals("window");
        Map<Integer, double[]> contributions = windowScope ? new HashMap<>() : Map.of();
        List<Found> discovered = discover(text, analysis, language);
        Map<Integer, boolean[]> names = nameTokens(analysis, discovered);
        OffsetMapper offsets = new OffsetMapper(text);
        List<Sentence> sentences = new ArrayList<>();
        Map<Integer, Sentence> byIndex = new HashMap<>();
        int words = 0;
        int positive = 0;
        int negative = 0;
        double sentimentSum = 0;
        int scoredSentences = 0;
        for (TextAnalysis.Sentence s : analysis.sentences()) {
            List<String> tokens = List.of(s.tokenTexts());
            boolean tooLong = s.end() - s.begin() > maxSentenceChars;
            SentenceSentimentScorer.Score score;
            if (scorer == null || tooLong) {
                score = new SentenceSentimentScorer.Score(0.0, countWords(tokens), 0, 0);
            } else {
                double[] c = new double[tokens.size()];
                score = scorer.score(tokens, c, names.get(s.index()));
                if (windowScope) {
                    contributions.put(s.index(), c);
                }
            }
            Sentence sentence = new Sentence(s.index(), offsets.toCodePoint(s.begin()), offsets.toCodePoint(s.end()),
                    score.compound(), sentimentConfig.label(language, score.compound()), score);
            sentences.add(sentence);
            byIndex.put(s.index(), sentence);
            words += score.words();
            positive += score.positiveWords();
            negative += score.negativeWords();
            if (score.words() > 0) {
                sentimentSum += score.compound();
                scoredSentences++;
            }
        }

        List<Found> found = new ArrayList<>();
        for (TextAnalysis.CatalogueMatch m : analysis.matches()) {
            if (discovered.stream().noneMatch(d -> d.sentenceIndex() == m.sentenceIndex() && d.begin() <= m.begin()
                    && m.end() <= d.end())) {
                Entity entity = entities.get(m.target().entityIndex());
                found.add(new Found(entity, m.sentenceIndex(), m.begin(), nameEnd(entity, text, m.begin(), m.end()),
                        m.target().derived(), false));
            }
        }
        found.addAll(discovered);
        found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        resolveSurnames(found, text);
        found.addAll(surnameMentions(found, text, analysis));
        found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));

        Map<Integer, TextAnalysis.Sentence> analysed = new HashMap<>();
        analysis.sentences().forEach(s -> analysed.put(s.index(), s));
        List<Mention> mentions = new ArrayList<>(found.size());
        for (Found f : found) {
            Sentence sentence = byIndex.get(f.sentenceIndex());
            double sentiment = sentence == null ? 0.0 : sentence.sentiment();
            if (mentionScope.equals("clause") && scorer != null && sentence != null) {
                sentiment = clauseSentiment(scorer, analysed.get(f.sentenceIndex()), names.get(f.sentenceIndex()),
                        f.begin(), sentiment);
            } else if (contributions.containsKey(f.sentenceIndex())) {
                sentiment = windowSentiment(contributions.get(f.sentenceIndex()), analysed.get(f.sentenceIndex()),
                        f.begin(), f.end());
            }
            mentions.add(new Mention(f.entity(), text.substring(f.begin(), f.end()), offsets.toCodePoint(f.begin()),
                    offsets.toCodePoint(f.end()), f.sentenceIndex(), f.derived(), f.discovered(), sentiment,
                    sentimentConfig.label(language, sentiment)));
        }
        double articleSentiment = scoredSentences == 0 ? 0.0 : sentimentSum / scoredSentences;
        double positiveScore = words == 0 ? 0.0 : 100.0 * positive / words;
        double negativeScore = words == 0 ? 0.0 : 100.0 * negative / words;
        return new Annotated(sentences, mentions, words, articleSentiment, sentimentConfig.label(language, articleSentiment),
                positiveScore, negativeScore);
    }

    /**
     * The score of the clause around a mention ("Die Ukraine lobte Russland, Moskau aber kritisierte
     * …"); the sentence's score when the clause holds no polar word.
     */
    private static double clauseSentiment(SentenceSentimentScorer scorer, TextAnalysis.Sentence sentence,
            boolean[] names, int begin, double sentenceSentiment) {
        List<String> tokens = List.of(sentence.tokenTexts());
        int[] clause = scorer.clauseAround(tokens, tokenAt(sentence, begin));
        boolean[] clauseNames = names == null ? null : java.util.Arrays.copyOfRange(names, clause[0], clause[1]);
        SentenceSentimentScorer.Score score = scorer.score(tokens.subList(clause[0], clause[1]),
                new double[clause[1] - clause[0]], clauseNames);
        return score.positiveWords() + score.negativeWords() == 0 ? sentenceSentiment : score.compound();
    }

    /** The index of the sentence's token holding UTF-16 offset {@code offset} (the last token after the end). */
    private static int tokenAt(TextAnalysis.Sentence sentence, int offset) {
        int at = 0;
        while (at < sentence.tokens().size() - 1 && sentence.tokens().get(at).end() <= offset) {
            at++;
        }
        return at;
    }

    /**
     * Per sentence index, which tokens belong to a catalogue match or a discovered name: a name's words are
     * not sentiment ("Laschet" is not "lasch", "Ärzte ohne Grenzen" negates nothing).
     */
    private static Map<Integer, boolean[]> nameTokens(TextAnalysis analysis, List<Found> discovered) {
        Map<Integer, TextAnalysis.Sentence> sentences = new HashMap<>();
        analysis.sentences().forEach(s -> sentences.put(s.index(), s));
        Map<Integer, boolean[]> names = new HashMap<>();
        for (TextAnalysis.CatalogueMatch m : analysis.matches()) {
            boolean[] mask = names.computeIfAbsent(m.sentenceIndex(),
                    i -> new boolean[sentences.get(i).tokens().size()]);
            java.util.Arrays.fill(mask, m.firstToken(), m.lastToken() + 1, true);
        }
        for (Found d : discovered) {
            List<TextAnalysis.Token> tokens = sentences.get(d.sentenceIndex()).tokens();
            boolean[] mask = names.computeIfAbsent(d.sentenceIndex(), i -> new boolean[tokens.size()]);
            for (int t = 0; t < tokens.size(); t++) {
                mask[t] |= tokens.get(t).begin() < d.end() && d.begin() < tokens.get(t).end();
            }
        }
        return names;
    }

    /**
     * The score of the sentence's polar words weighed by their distance from the mention at UTF-16
     * offsets {@code [begin, end)} ({@link SentenceSentimentScorer#windowScore}).
     */
    private double windowSentiment(double[] contributions, TextAnalysis.Sentence sentence, int begin, int end) {
        List<TextAnalysis.Token> tokens = sentence.tokens();
        int first = tokenAt(sentence, begin);
        int last = first;
        while (last < tokens.size() - 1 && tokens.get(last + 1).begin() < end) {
            last++;
        }
        return SentenceSentimentScorer.windowScore(contributions, first, last, sentimentConfig.windowDecayTokens());
    }

    /**
     * Where a catalogue match's name ends: before a generated possessive ending ("Trump’s" → "Trump"), not
     * inside an alias that has one ("McDonald's").
     */
    private static int nameEnd(Entity entity, String text, int begin, int end) {
        int name = EntityCatalogue.withoutPossessive(text, begin, end);
        if (name == end) {
            return end;
        }
        String key = EntityCatalogue.key(text.substring(begin, end));
        return entity.aliases().stream().anyMatch(a -> EntityCatalogue.key(a).equals(key)) ? end : name;
    }

    /** An entity found at UTF-16 offsets {@code [begin, end)}, before offsets become code points. */
    private record Found(Entity entity, int sentenceIndex, int begin, int end, boolean derived, boolean discovered) {}

    /**
     * Names the recogniser finds that the catalogue does not already cover: a found name that only
     * partly overlaps a catalogue match, or covers exactly one, is dropped; one that is longer and
     * contains catalogue matches ("Maximilianmuseum Augsburg", "Rudolf Skoda") replaces them.
     */
    private List<Found> discover(String text, TextAnalysis analysis, String language) {
        EntityRecognizer recognizer = recognizers.get(language);
        List<Found> result = new ArrayList<>();
        if (recognizer == null && !personCueLanguages.contains(language)) {
            return result;
        }
        Map<Integer, List<TextAnalysis.CatalogueMatch>> matchesBySentence = new HashMap<>();
        if (recognizer != null) {
            recognizer.newDocument();
            for (TextAnalysis.CatalogueMatch m : analysis.matches()) {
                matchesBySentence.computeIfAbsent(m.sentenceIndex(), k -> new ArrayList<>()).add(m);
            }
        }
        for (TextAnalysis.Sentence s : analysis.sentences()) {
            List<EntityRecognizer.Found> names = recognizer == null ? personCues.find(s.tokenTexts())
                    : recognizer.find(s.tokenTexts(), NerFeatures.of(s,
                            matchesBySentence.getOrDefault(s.index(), List.of()), entities, givenNames));
            for (EntityRecognizer.Found found : names) {
                EntityRecognizer.Found name = withoutTitles(s, found);
                if (name == null || !discoveredTypes.contains(name.type())
                        || conflictsWithCatalogue(text, analysis, s, name)) {
                    continue;
                }
                int begin = s.tokens().get(name.firstToken()).begin();
                int end = EntityCatalogue.withoutPossessive(text, begin, s.tokens().get(name.lastToken()).end());
                String surface = text.substring(begin, end);
                result.add(new Found(discoveredEntity(name.type(), surface), s.index(), begin, end, false, true));
            }
        }
        return result;
    }

    /**
     * A found person without the titles and roles before the name ({@link PersonTitles}): "Präsident
     * Harald Strutz" becomes "Harald Strutz"; {@code null} when nothing but titles is left. Other types
     * are returned as they are.
     */
    static EntityRecognizer.Found withoutTitles(TextAnalysis.Sentence sentence, EntityRecognizer.Found name) {
        if (!name.type().equals("PER")) {
            return name;
        }
        int first = name.firstToken();
        while (first <= name.lastToken() && PersonTitles.isTitle(sentence.tokens().get(first).text())) {
            first++;
        }
        if (first > name.lastToken()) {
            return null;
        }
        return first == name.firstToken() ? name
                : new EntityRecognizer.Found(first, name.lastToken(), name.type(), name.probability());
    }

    /**
     * Whether a found name must give way to the catalogue. It may replace the catalogue matches it
     * contains only when it is longer, of another type ("Maximilianmuseum Augsburg" ORG over Augsburg
     * LOC), and not merely a hyphen compound around them ("Nato-Gipfel" stays Nato).
     */
    private boolean conflictsWithCatalogue(String text, TextAnalysis analysis, TextAnalysis.Sentence sentence,
            EntityRecognizer.Found name) {
        for (TextAnalysis.CatalogueMatch m : analysis.matches()) {
            if (m.sentenceIndex() != sentence.index() || m.lastToken() < name.firstToken()
                    || name.lastToken() < m.firstToken()) {
                continue;
            }
            boolean strictlyContains = name.firstToken() <= m.firstToken() && m.lastToken() <= name.lastToken()
                    && name.lastToken() - name.firstToken() > m.lastToken() - m.firstToken();
            boolean otherType = !entities.get(m.target().entityIndex()).type().equals(name.type());
            if (!strictlyContains || !otherType || hyphenJoined(text, sentence, name.firstToken(), name.lastToken())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any two neighbouring tokens of {@code [first, last]} are joined by a hyphen. */
    private static boolean hyphenJoined(String text, TextAnalysis.Sentence sentence, int first, int last) {
        for (int i = first; i < last; i++) {
            String between = text.substring(sentence.tokens().get(i).end(), sentence.tokens().get(i + 1).begin());
            if (between.indexOf('-') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A discovered one-word person that is the last word of a longer person mention in the same
     * article (also in the genitive: "Witkoffs") takes that mention's entity.
     */
    private static void resolveSurnames(List<Found> found, String text) {
        Map<String, Entity> bySurname = new HashMap<>();
        for (Found f : found) {
            String surface = text.substring(f.begin(), f.end());
            int space = surface.lastIndexOf(' ');
            if (f.entity().type().equals("PER") && !f.derived() && space > 0) {
                bySurname.putIfAbsent(surface.substring(space + 1), f.entity());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            String surface = text.substring(f.begin(), f.end());
            if (!f.discovered() || surface.indexOf(' ') >= 0 || !f.entity().type().equals("PER")) {
                continue;
            }
            Entity full = bySurname.get(surface);
            if (full == null && surface.endsWith("s")) {
                full = bySurname.get(surface.substring(0, surface.length() - 1));
            }
            if (full != null) {
                found.set(i, new Found(full, f.sentenceIndex(), f.begin(), f.end(), false,
                        full.id().startsWith(DISCOVERED_PREFIX)));
            }
        }
    }

    /**
     * Surname-only mentions the recogniser was not sure enough about: a capitalised token that is the
     * last word of a multi-word person found in the same article (before or after it), or that word
     * with a genitive s, becomes a mention of that person.
     */
    private static List<Found> surnameMentions(List<Found> found, String text, TextAnalysis analysis) {
        Map<String, Found> bySurname = new HashMap<>();
        for (Found f : found) {
            String surface = text.substring(f.begin(), f.end());
            int space = surface.lastIndexOf(' ');
            if (f.entity().type().equals("PER") && !f.derived() && space > 0) {
                String surname = surface.substring(space + 1);
                if (surname.length() > 2 && Character.isUpperCase(surname.charAt(0))) {
                    bySurname.putIfAbsent(surname, f);
                    bySurname.putIfAbsent(surname + "s", f);
                }
            }
        }
        List<Found> added = new ArrayList<>();
        if (bySurname.isEmpty()) {
            return added;
        }
        for (TextAnalysis.Sentence s : analysis.sentences()) {
            for (TextAnalysis.Token token : s.tokens()) {
                int end = EntityCatalogue.withoutPossessive(text, token.begin(), token.end());
                Found full = bySurname.get(text.substring(token.begin(), end));
                if (full != null && !covered(found, token.begin(), token.end())) {
                    added.add(new Found(full.entity(), s.index(), token.begin(), end, false, full.discovered()));
                }
            }
        }
        return added;
    }

    private static boolean covered(List<Found> found, int begin, int end) {
        for (Found f : found) {
            if (f.begin() < end && begin < f.end()) {
                return true;
            }
        }
        return false;
    }

    static final String DISCOVERED_PREFIX = "x-";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    /** An entity the catalogue lacks, with an id derived from its type and normalised name. */
    static Entity discoveredEntity(String type, String surface) {
        String name = WHITESPACE.matcher(surface.strip()).replaceAll(" ");
        return new Entity(DISCOVERED_PREFIX + type.toLowerCase(Locale.ROOT) + "-" + slug(name), type, name,
                List.of(name), List.of());
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = EDGE_DASHES.matcher(NOT_SLUG.matcher(s).replaceAll("-")).replaceAll("");
        return s.isEmpty() ? Integer.toHexString(name.hashCode()) : s;
    }

    private static int countWords(List<String> tokens) {
        int count = 0;
        for (String t : tokens) {
            if (t.codePoints().anyMatch(Character::isLetter)) {
                count++;
            }
        }
        return count;
    }

    SentenceSentimentScorer scorer(String language) {
        if (scorers == null) {
            scorers = new HashMap<>();
        }
        SentimentLexicon lexicon = lexicons.get(language);
        if (lexicon == null) {
            return null;
        }
        return scorers.computeIfAbsent(language,
                l -> new SentenceSentimentScorer(lexicon, l, sentimentConfig.negationScope(),
                        sentimentConfig.quotations()));
    }

    /** Converts UTF-16 indices to code point indices; the identity for texts without surrogate pairs. */
    static final class OffsetMapper {
        private final String text;
        private final boolean identity;

        OffsetMapper(String text) {
            this.text = text;
            this.identity = text.codePointCount(0, text.length()) == text.length();
        }

        int toCodePoint(int utf16Index) {
            int index = Math.min(utf16Index, text.length());
            return identity ? index : text.codePointCount(0, index);
        }
    }
}
