package org.newsprism.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A realistic news corpus with known duplicate clusters, generated deterministically (fixed seed) from
 * the hand-written texts under {@code src/test/resources/dedup}:
 *
 * <ul>
 *   <li>28 German and English articles ({@code base/}); 12 of them carry their site's long newsletter and
 *       copyright footer ({@code sites/}), so distinct articles share boilerplate; two pairs report the same
 *       event independently (a match, a storm);</li>
 *   <li>10 templated articles ({@code templates/}): 5 German market reports and 5 English automated
 *       earnings stories, each family sharing one template and differing in figures, names and a
 *       paragraph;</li>
 *   <li>for every one of these 38 originals, 0–5 copies as republishers make them: a syndicated exact
 *       copy, or 1–3 edits out of an agency dateline, rewrapped lines, other quotation marks, a few
 *       changed words, a dropped last paragraph and an added footer; copies on other sites usually lose
 *       the original site's footer; some copies are re-fetches of the original URL with tracking
 *       parameters and a small update.</li>
 * </ul>
 * Every article's {@code cluster} is the original it derives from (the truth); {@code families} names
 * what distinct originals share (site footer, template, same story), for the no-merge check.
 */
final class DedupTestCorpus {
    /** One article and its truth. */
    record Article(String id, String cluster, Set<String> families, String language, String url, String source,
            String title, String text, Instant publishedAt) {}

    private static final String ROOT = "/dedup/";
    private static final Instant START = Instant.parse("2025-08-18T06:00:00Z");
    private static final List<String> BASES = List.of(
            "de-01-haushalt", "de-02-bahnstreik", "de-03-hochwasser", "de-04-wohnungsbau", "de-05-derby",
            "de-06-derby-anders", "de-07-strompreise", "de-08-radwege", "de-09-forschung", "de-10-stellenabbau",
            "de-11-grippe", "de-12-museum", "de-13-pflege", "de-14-digitalisierung",
            "en-01-rates", "en-02-wildfire", "en-03-layoffs", "en-04-mayor", "en-05-storm", "en-06-storm-other",
            "en-07-coffee", "en-08-railstrike", "en-09-launch", "en-10-housing", "en-11-transfer", "en-12-schools",
            "en-13-drought", "en-14-museum");
    /** Originals published by the site whose footer they carry. */
    private static final Set<String> SITE_DE = Set.of("de-01-haushalt", "de-02-bahnstreik", "de-03-hochwasser",
            "de-04-wohnungsbau", "de-05-derby", "de-07-strompreise");
    private static final Set<String> SITE_EN = Set.of("en-01-rates", "en-02-wildfire", "en-03-layoffs",
            "en-04-mayor", "en-05-storm", "en-07-coffee");
    private static final Map<String, String> SAME_STORY = Map.of(
            "de-05-derby", "story-derby", "de-06-derby-anders", "story-derby",
            "en-05-storm", "story-storm", "en-06-storm-other", "story-storm");
    private static final List<String> REPUBLISHERS = List.of("portal24.example", "newsticker.example",
            "regionalzeitung.example", "dailybrief.example", "wire-mirror.example", "finanznachrichten.example",
            "morningpost.example", "aggregator.example");
    private static final Map<String, List<String>> FOOTERS = Map.of(
            "de", List.of(
                    "Dieser Artikel erschien zuerst bei unserem Partnerportal. Alle Meldungen aus Politik und Wirtschaft finden Sie in unserer App.",
                    "Mit Material von dpa und AFP.",
                    "Sie haben einen Fehler gefunden? Schreiben Sie uns an korrektur@portal24.example.",
                    "Folgen Sie uns auf Facebook, Instagram und WhatsApp, um keine wichtige Nachricht mehr zu verpassen."),
            "en", List.of(
                    "This article originally appeared on our partner site and is republished with permission.",
                    "Follow us on Facebook and X for the latest updates.",
                    "Reporting by staff writers; additional reporting by wire services. Editing by the news desk.",
                    "Copyright 2025 The Associated Press. All rights reserved."));
    private static final Map<String, List<String>> WORDS = Map.of(
            "de", List.of("außerdem", "zudem", "jedoch", "bislang", "offenbar", "demnach", "zuletzt", "etwa"),
            "en", List.of("also", "however", "reportedly", "meanwhile", "roughly", "still", "recently", "nearly"));
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private enum Edit { DATELINE, REWRAP, QUOTES, WORDS, DROP_LAST, FOOTER }

    private DedupTestCorpus() {}

    static List<Article> generate(long seed) {
        Random random = new Random(seed);
        List<Original> originals = new ArrayList<>();
        for (int i = 0; i < BASES.size(); i++) {
            originals.add(base(BASES.get(i), START.plus(i * 3L, ChronoUnit.HOURS)));
        }
        originals.addAll(templated("boerse-de", "de", START.plus(1, ChronoUnit.DAYS)));
        originals.addAll(templated("earnings-en", "en", START.plus(2, ChronoUnit.DAYS)));

        List<Article> articles = new ArrayList<>();
        for (Original original : originals) {
            articles.add(original.article());
            int copies = new int[] {0, 1, 1, 2, 2, 2, 3, 3, 4, 5}[random.nextInt(10)];
            for (int n = 1; n <= copies; n++) {
                articles.add(copy(original, n, random));
            }
        }
        Collections.shuffle(articles, random);
        return articles;
    }

    /** An original: its paragraphs (the site footer, if any, last) and metadata. */
    private record Original(String name, Set<String> families, String language, String host, String title,
            List<String> body, String siteFooter, Instant publishedAt) {
        Article article() {
            return new Article("orig-" + name, name, families, language, "https://" + host + "/" + name, host, title,
                    join(body, siteFooter), publishedAt);
        }
    }

    private static Original base(String name, Instant publishedAt) {
        List<String> paragraphs = paragraphs(read("base/" + name + ".txt"));
        String language = name.substring(0, 2);
        Set<String> families = new TreeSet<>();
        String footer = null;
        String host = name.substring(3).replaceAll("[^a-z]", "") + "-news.example";
        if (SITE_DE.contains(name) || SITE_EN.contains(name)) {
            footer = read("sites/footer-" + language + ".txt").strip();
            families.add("site-" + language);
            host = language.equals("de") ? "nordwest-medien.example" : "coastal-herald.example";
        }
        if (SAME_STORY.containsKey(name)) {
            families.add(SAME_STORY.get(name));
        }
        return new Original(name, families, language, host, paragraphs.get(0),
                paragraphs.subList(1, paragraphs.size()), footer, publishedAt);
    }

    private static List<Original> templated(String family, String language, Instant firstDay) {
        String template = read("templates/" + family + ".txt");
        List<String> rows = read("templates/" + family + ".tsv").lines().filter(l -> !l.isBlank()).toList();
        String[] slots = rows.get(0).split("\t");
        List<Original> originals = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] values = rows.get(r).split("\t");
            String text = template;
            for (int s = 0; s < slots.length; s++) {
                text = text.replace("{" + slots[s] + "}", values[s]);
            }
            List<String> paragraphs = paragraphs(text);
            String name = family + "-" + r;
            originals.add(new Original(name, Set.of(family), language, family + ".example", paragraphs.get(0),
                    paragraphs.subList(1, paragraphs.size()), null, firstDay.plus(r, ChronoUnit.DAYS)));
        }
        return originals;
    }

    private static Article copy(Original original, int n, Random random) {
        boolean refetch = random.nextDouble() < 0.12;
        List<String> body = new ArrayList<>(original.body());
        String siteFooter = original.siteFooter();
        String host = REPUBLISHERS.get(random.nextInt(REPUBLISHERS.size()));
        String url = "https://" + host + "/" + original.name() + "-" + n;
        List<String> footers = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        if (refetch) {
            host = original.host();
            url = "https://" + host + "/" + original.name() + "?utm_source=newsletter&utm_medium=email";
            edits.add(Edit.WORDS);
        } else {
            if (siteFooter != null && random.nextDouble() < 0.7) {
                siteFooter = null;
            }
            if (random.nextDouble() >= 0.15) {
                List<Edit> all = new ArrayList<>(Arrays.asList(Edit.values()));
                Collections.shuffle(all, random);
                edits.addAll(all.subList(0, 1 + random.nextInt(3)));
            }
        }
        String language = original.language();
        for (Edit edit : edits) {
            switch (edit) {
                case DATELINE -> body.set(0, dateline(body.get(0), language));
                case REWRAP -> body.replaceAll(p -> rewrap(p, 55 + random.nextInt(30)));
                case QUOTES -> body.replaceAll(p -> requote(p, language));
                case WORDS -> { } // applied to the whole text below, footers included
                case DROP_LAST -> {
                    if (body.size() >= 3) {
                        body.remove(body.size() - 1);
                    }
                }
                case FOOTER -> footers.add(FOOTERS.get(language).get(random.nextInt(FOOTERS.get(language).size())));
            }
        }
        String text = join(body, siteFooter);
        if (edits.contains(Edit.WORDS)) {
            text = changeWords(text, 1 + random.nextInt(4), WORDS.get(language), random);
        }
        for (String footer : footers) {
            text = text + "\n\n" + footer;
        }
        long hours = random.nextDouble() < 0.1 ? -1 - random.nextInt(3) : 1 + random.nextInt(72);
        String title = random.nextBoolean() ? original.title() : original.title() + " | " + host;
        return new Article("copy-" + original.name() + "-" + n, original.name(), original.families(), language, url,
                host, title, text, original.publishedAt().plus(hours, ChronoUnit.HOURS));
    }

    /** "Kelheim. Nach …" → "Kelheim (dpa) - Nach …"; "WASHINGTON — The …" → "WASHINGTON (AP) — The …". */
    private static String dateline(String paragraph, String language) {
        if (language.equals("de")) {
            Matcher m = Pattern.compile("^([\\p{L} ]{3,30})\\. ").matcher(paragraph);
            return m.find() ? m.group(1) + " (dpa) - " + paragraph.substring(m.end()) : "Berlin (dpa) - " + paragraph;
        }
        Matcher m = Pattern.compile("^([A-Z][A-Z ,.]+) — ").matcher(paragraph);
        return m.find() ? m.group(1) + " (AP) — " + paragraph.substring(m.end()) : "NEW YORK (AP) — " + paragraph;
    }

    private static String rewrap(String paragraph, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : paragraph.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    private static String requote(String paragraph, String language) {
        if (language.equals("de")) {
            return paragraph.replace('„', '"').replace('“', '"');
        }
        StringBuilder out = new StringBuilder();
        boolean open = true;
        for (char c : paragraph.toCharArray()) {
            if (c == '"') {
                out.append(open ? '“' : '”');
                open = !open;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Changes {@code count} words: a typo (two inner letters swapped), another word, or the word dropped. */
    private static String changeWords(String text, int count, List<String> replacements, Random random) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        List<int[]> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(words.get(random.nextInt(words.size())));
        }
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder out = new StringBuilder(text);
        int lastStart = Integer.MAX_VALUE;
        for (int[] word : chosen) {
            if (word[0] == lastStart) {
                continue;
            }
            lastStart = word[0];
            String original = text.substring(word[0], word[1]);
            String replacement = switch (random.nextInt(3)) {
                case 0 -> original.charAt(0) + original.substring(2, 3) + original.substring(1, 2) + original.substring(3);
                case 1 -> replacements.get(random.nextInt(replacements.size()));
                default -> "";
            };
            out.replace(word[0], word[1], replacement);
        }
        return out.toString().replace("  ", " ");
    }

    private static String join(List<String> body, String siteFooter) {
        List<String> all = new ArrayList<>(body);
        if (siteFooter != null) {
            all.add(siteFooter);
        }
        return String.join("\n\n", all);
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(String::strip).toList();
    }

    private static String read(String path) {
        try (InputStream in = DedupTestCorpus.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts by cluster, for test messages. */
    static Map<String, Integer> clusterSizes(List<Article> articles) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        articles.forEach(a -> sizes.merge(a.cluster(), 1, Integer::sum));
        return sizes;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
