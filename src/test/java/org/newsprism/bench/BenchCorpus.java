package org.newsprism.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates the benchmark corpus of {@code scripts/bench.sh}: N news-like articles in German and English
 * (about 3.5 KB of text each), as JSON Lines files of at most 50,000 articles under the given directory.
 *
 * <p>Deterministic: article {@code i} depends only on the seed and {@code i}. About 60 % are German.
 * Entity density is that of wire copy: persons, organisations and places from {@code conf/entities/*.tsv}
 * (also surnames alone, German genitives and adjectives), a few invented names the catalogue lacks, and
 * polar words from {@code conf/lexicons}. Each article has a {@link Cast} it names again and again, and any
 * entity is named by its popularity, so that, like the seed article, an article names about 20 entities in
 * 57 mentions and popular pairs recur across a day's articles. About 10 % of the articles are exact copies
 * of an earlier one (another id, URL and source) and about 10 % near copies (a word changed, a sentence
 * dropped or an update line added), so exact and near-duplicate detection both have work.
 *
 * <p>Usage: {@code BenchCorpus <conf dir> <output dir> <N> [seed]}: generates the corpus unless the directory
 * holds one of this {@link #VERSION}, seed and N (its {@code .complete} marker). Test-only: not in the
 * application jar.
 */
public final class BenchCorpus implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PER_FILE = 50_000;
    /** Percent of entity slots that name a member of the article's cast. */
    private static final int CAST_SHARE = 75;
    /** Written to the corpus's {@code .complete} marker: a corpus of another version is generated again. */
    public static final String VERSION = "2 (cast, popularity)";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final List<String>[] persons = lists();
    private final List<String>[] surnames = lists();
    private final List<String>[] orgs = lists();
    private final List<String>[] places = lists();
    private final List<String> adjectivesDe = new ArrayList<>();
    private final List<String>[] positive = lists();
    private final List<String>[] negative = lists();
    private final long seed;

    private static final int DE = 0;
    private static final int EN = 1;

    @SuppressWarnings("unchecked")
    private static List<String>[] lists() {
        return new List[] {new ArrayList<String>(), new ArrayList<String>()};
    }

    /** The generator of the corpus that {@code scripts/bench.sh} writes (conf: the project's conf directory). */
    public BenchCorpus(Path conf, long seed) throws IOException {
        this.seed = seed;
        try (var files = Files.list(conf.resolve("entities"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                loadEntities(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        // Popularity follows each list's order: shuffled once (fixed seed), so it is not the files' order.
        Random order = new Random(seed);
        for (List<String>[] lists : List.of(persons, surnames, orgs, places)) {
            for (List<String> list : lists) {
                Collections.shuffle(list, order);
            }
        }
        Collections.shuffle(adjectivesDe, order);
        loadLexicon(conf.resolve("lexicons/sentiment-de.tsv"), DE);
        loadLexicon(conf.resolve("lexicons/sentiment-en-news.tsv"), EN);
        loadLexicon(conf.resolve("lexicons/sentiment-en-news2.tsv"), EN);
    }

    private void loadEntities(List<String> lines) {
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length < 5) {
                continue;
            }
            String[] aliases = c[3].split("\\|");
            List<String>[] target = switch (c[1]) {
                case "PER" -> persons;
                case "ORG" -> orgs;
                case "LOC" -> places;
                default -> null;
            };
            if (target == null) {
                continue;
            }
            // German articles use every alias (most are German or international); English ones the first.
            for (int k = 0; k < aliases.length; k++) {
                String a = aliases[k].strip();
                if (a.isEmpty()) {
                    continue;
                }
                target[DE].add(a);
                if (k == 0) {
                    target[EN].add(a);
                }
                if (target == persons && a.indexOf(' ') > 0) {
                    String surname = a.substring(a.lastIndexOf(' ') + 1);
                    surnames[DE].add(surname);
                    surnames[EN].add(surname);
                }
            }
            for (String derived : c[4].split("\\|")) {
                if (derived.matches("[a-zäöü]+(e|en|er)")) {
                    adjectivesDe.add(derived);
                }
            }
        }
    }

    private void loadLexicon(Path file, int language) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            if (c.length < 2 || !c[0].matches("[\\p{L}]{4,}")) {
                continue;
            }
            double v = Double.parseDouble(c[1]);
            if (v >= 1.0) {
                positive[language].add(c[0]);
            } else if (v <= -1.0) {
                negative[language].add(c[0]);
            }
        }
    }

    // Sentence templates. P person, S surname, O organisation, L place, § German adjective (derived
    // form), + positive word, - negative word, N number, X an invented name the catalogue lacks.
    private static final String[][] TEMPLATES = {
        {
            "P sagte am Montag in L, die Regierung werde die Lage genau beobachten.",
            "Nach Angaben von O ist die Stimmung in L zuletzt deutlich + geworden.",
            "S warf O vor, die Gespräche mit der § Seite gezielt zu - und zu verzögern.",
            "Die § Regierung reagierte mit Kritik auf die Äußerungen von P.",
            "In L kamen am Wochenende rund N Menschen zu einer Kundgebung zusammen.",
            "Der Vorstand von O rechnet für das laufende Jahr mit einem Umsatz von N Millionen Euro.",
            "X, Sprecherin des Verbands, nannte die Entscheidung von O „-“ und kündigte Widerstand an.",
            "Beobachter in L halten eine Einigung noch vor dem Sommer für möglich.",
            "Wie S am Dienstag mitteilte, sollen die Verhandlungen in L fortgesetzt werden.",
            "Die Opposition bezeichnete den Plan als -, die Koalition dagegen als +.",
            "Bereits im Frühjahr hatten P und P in L über eine engere Zusammenarbeit beraten.",
            "Experten von O warnen vor den Folgen für die Wirtschaft in L.",
            "Die Zahl der Beschäftigten stieg im Vergleich zum Vorjahr um N Prozent.",
            "X aus L sagte, man habe die Entwicklung lange nicht ernst genommen.",
            "Das Treffen in L verlief nach Angaben beider Seiten +, ein Abschluss steht aber noch aus.",
            "Kritiker werfen P vor, die Probleme bei O nicht rechtzeitig erkannt zu haben.",
            "Die Polizei in L sprach von einem weitgehend friedlichen Verlauf.",
            "Ein Sprecher von O wollte sich zu den Vorwürfen zunächst nicht äußern.",
        },
        {
            "P said on Monday in L that the government would watch the situation closely.",
            "According to O, the mood in L has become noticeably + in recent weeks.",
            "S accused O of trying to - the talks and delay any agreement.",
            "The government in L reacted with criticism to the remarks by P.",
            "About N people gathered in L for a rally over the weekend.",
            "The board of O expects revenue of N million dollars for the current year.",
            "X, a spokeswoman for the association, called the decision by O \"-\" and vowed to fight it.",
            "Observers in L consider an agreement before the summer to be possible.",
            "As S announced on Tuesday, negotiations are to continue in L next week.",
            "The opposition called the plan -, while the coalition described it as +.",
            "Back in the spring, P and P had discussed closer cooperation in L.",
            "Analysts at O warn of the consequences for the economy of L.",
            "The number of employees rose by N percent compared with the previous year.",
            "X from L said the development had not been taken seriously for a long time.",
            "Both sides described the meeting in L as +, but a final deal is still pending.",
            "Critics accuse P of failing to recognise the problems at O in time.",
            "Police in L said the protest had been largely peaceful.",
            "A spokesman for O declined to comment on the allegations.",
        }
    };
    private static final String[][] TITLES = {
        {"P trifft P in L", "O: Streit um neue Regeln", "Nach Treffen in L: S setzt auf Gespräche", "Wirtschaft in L unter Druck"},
        {"P meets P in L", "O faces row over new rules", "After talks in L, S bets on dialogue", "Economy of L under pressure"}
    };
    private static final String[] GIVEN = {"Anna", "Thomas", "Katrin", "Michael", "Sabine", "Jonas", "Laura", "Peter",
        "Julia", "Stefan", "Maria", "David", "Claudia", "Markus", "Emily", "James", "Sarah", "Robert"};
    private static final String[] FAMILY = {"Kesselring", "Brandauer", "Wimmerholz", "Tannberger", "Lindqvist",
        "Hollander", "Osterkamp", "Fairbanks", "Whitcombe", "Ravensworth", "Obermaier", "Quandtner", "Delacroix-Voss"};
    private static final String[] UPDATES = {
        "Aktualisiert: Dieser Artikel wurde um weitere Stimmen ergänzt.",
        "Update: This story has been updated with additional comments."
    };

    /** The kind of article {@code i}: 0 original, 1 exact copy, 2 near copy. */
    int kind(long i) {
        if (i < 10) {
            return 0;
        }
        double r = random(i, 1).nextDouble();
        return r < 0.10 ? 1 : r < 0.20 ? 2 : 0;
    }

    private SplittableRandom random(long i, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 31 + stream);
    }

    /** The original article {@code i} stands for (itself, unless it is a copy). */
    long original(long i) {
        if (kind(i) == 0) {
            return i;
        }
        SplittableRandom r = random(i, 2);
        long j = i - 1 - r.nextLong(Math.min(i, 5000));
        while (kind(j) != 0) {
            j--;
        }
        return j;
    }

    record Article(String title, String text, int language) {}

    Article original(long i, boolean unused) {
        SplittableRandom r = random(i, 3);
        int lang = r.nextDouble() < 0.6 ? DE : EN;
        String[] templates = TEMPLATES[lang];
        String invented = GIVEN[r.nextInt(GIVEN.length)] + " " + FAMILY[r.nextInt(FAMILY.length)];
        Cast cast = new Cast(r, lang);
        String title = fill(TITLES[lang][r.nextInt(TITLES[lang].length)], r, lang, cast, invented);
        StringBuilder text = new StringBuilder(3900);
        int target = 3300 + r.nextInt(500);
        int inParagraph = 0;
        int paragraphLength = 3 + r.nextInt(3);
        while (text.length() < target) {
            if (inParagraph == paragraphLength) {
                text.append("\n\n");
                inParagraph = 0;
                paragraphLength = 3 + r.nextInt(3);
            } else if (inParagraph > 0) {
                text.append(' ');
            }
            text.append(fill(templates[r.nextInt(templates.length)], r, lang, cast, invented));
            inParagraph++;
        }
        return new Article(title, text.toString(), lang);
    }

    /**
     * The entities an article is about: a lead person and two more, two organisations, two places and an
     * adjective, named again and again (by surname too), as a news article names its main actors. The seed
     * article names 25 entities in 77 mentions, its seven most named taking 69 % of them; a corpus
     * of independent picks would name 51 in 55 and repeat no pair of entities across articles.
     */
    private final class Cast {
        final String[] persons = new String[3];
        final String[] surnames = new String[3];
        final String[] orgs = new String[2];
        final String[] places = new String[2];
        final String adjective;

        Cast(SplittableRandom r, int lang) {
            for (int k = 0; k < persons.length; k++) {
                persons[k] = popular(r, BenchCorpus.this.persons[lang]);
                int space = persons[k].lastIndexOf(' ');
                surnames[k] = space > 0 ? persons[k].substring(space + 1) : persons[k];
            }
            for (int k = 0; k < orgs.length; k++) {
                orgs[k] = popular(r, BenchCorpus.this.orgs[lang]);
                places[k] = popular(r, BenchCorpus.this.places[lang]);
            }
            adjective = popular(r, adjectivesDe);
        }

        /** The lead (half the time) or another member of the cast. */
        static String member(SplittableRandom r, String[] members) {
            return r.nextBoolean() ? members[0] : members[1 + r.nextInt(members.length - 1)];
        }
    }

    private String fill(String template, SplittableRandom r, int lang, Cast cast, String invented) {
        StringBuilder s = new StringBuilder(template.length() + 64);
        for (int k = 0; k < template.length(); k++) {
            char c = template.charAt(k);
            boolean slot = (k == 0 || !Character.isLetter(template.charAt(k - 1)))
                    && (k + 1 == template.length() || !Character.isLetter(template.charAt(k + 1)));
            if (!slot) {
                s.append(c);
                continue;
            }
            switch (c) {
                case 'P' -> s.append(fromCast(r) ? Cast.member(r, cast.persons) : popular(r, persons[lang]));
                case 'S' -> s.append(fromCast(r) ? Cast.member(r, cast.surnames) : popular(r, surnames[lang]));
                case 'O' -> s.append(fromCast(r) ? Cast.member(r, cast.orgs) : popular(r, orgs[lang]));
                case 'L' -> s.append(fromCast(r) ? Cast.member(r, cast.places) : popular(r, places[lang]));
                case '§' -> s.append(lang == DE ? (fromCast(r) ? cast.adjective : popular(r, adjectivesDe)) : "other");
                case '+' -> s.append(pick(r, positive[lang]));
                case '-' -> s.append(pick(r, negative[lang]));
                case 'N' -> s.append(1 + r.nextInt(5000));
                case 'X' -> s.append(invented);
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Whether a slot names a member of the article's cast (else any entity, by popularity). */
    private static boolean fromCast(SplittableRandom r) {
        return r.nextInt(100) < CAST_SHARE;
    }

    /**
     * An entry of {@code values} by popularity: entry {@code k} (0-based, in the list's shuffled order) with a
     * probability falling as {@code 1 / (k + 1)}, as the attention news gives entities does (a few are in
     * every other article, most in a handful).
     */
    private static String popular(SplittableRandom r, List<String> values) {
        int k = (int) Math.pow(values.size() + 1, r.nextDouble()) - 1;
        return values.get(Math.min(k, values.size() - 1));
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Article {@code i} as written to the corpus. */
    Article article(long i) {
        int kind = kind(i);
        Article base = original(original(i), true);
        if (kind != 2) {
            return base;
        }
        SplittableRandom r = random(i, 4);
        String text = base.text();
        switch (r.nextInt(3)) {
            case 0 -> { // one number changed
                text = text.replaceFirst("\\d+", String.valueOf(1 + r.nextInt(5000)));
            }
            case 1 -> { // the last sentence dropped
                int cut = text.lastIndexOf(". ", text.length() - 2);
                text = cut > 0 ? text.substring(0, cut + 1) : text;
            }
            default -> text = text + "\n\n" + UPDATES[base.language()];
        }
        return new Article(base.title(), text, base.language());
    }

    /**
     * Article {@code i} for the dedup benchmark: its corpus id, its text and the corpus id of the original it
     * copies (its own for an original), the ground truth of its duplicate cluster.
     */
    public String[] idTextOriginal(long i) {
        return new String[] {id(i), article(i).text(), id(original(i))};
    }

    private static String id(long i) {
        return String.format("bench-%08d", i);
    }

    void write(Path dir, long n) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        String[][] sources = {{"tagesblatt.de", "kreisbote.de", "abendpost.de", "wirtschaftsportal.de"},
            {"dailyledger.com", "wire.example.com", "valleytimes.com", "longform.org"}};
        Map<Integer, Long> counts = new TreeMap<>();
        for (long start = 0; start < n; start += PER_FILE) {
            Path file = dir.resolve(String.format("part-%05d.jsonl", start / PER_FILE));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long i = start; i < Math.min(n, start + PER_FILE); i++) {
                    Article a = article(i);
                    counts.merge(kind(i), 1L, Long::sum);
                    SplittableRandom r = random(i, 5);
                    String source = sources[a.language()][r.nextInt(4)];
                    ObjectNode o = json.createObjectNode();
                    o.put("id", id(i));
                    o.put("url", "https://www." + source + "/news/" + i + ".html?utm_source=feed");
                    o.put("source", source);
                    o.put("title", a.title());
                    o.put("text", a.text());
                    o.put("published_at", EPOCH.plusSeconds(original(i) * 61 + (i - original(i)) * 600).toString());
                    out.write(json.writeValueAsString(o));
                    out.write('\n');
                }
            }
        }
        System.out.printf("corpus: %d articles (%d original, %d exact copies, %d near copies) in %s%n", n,
                counts.getOrDefault(0, 0L), counts.getOrDefault(1, 0L), counts.getOrDefault(2, 0L), dir);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: BenchCorpus <conf dir> <output dir> <N> [seed]");
            System.exit(2);
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20260901L;
        Path dir = Path.of(args[1]);
        Path marker = dir.resolve(".complete");
        String stamp = "version " + VERSION + ", seed " + seed + ", N " + args[2];
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(stamp)) {
            System.out.println("corpus: " + dir + " is up to date (" + stamp + ")");
            return;
        }
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        new BenchCorpus(Path.of(args[0]), seed).write(dir, Long.parseLong(args[2]));
        Files.writeString(marker, stamp + "\n", StandardCharsets.UTF_8);
    }
}
