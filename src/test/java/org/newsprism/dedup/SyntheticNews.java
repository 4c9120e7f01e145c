package org.newsprism.dedup;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Synthetic news articles for the dedup benchmark ({@code scripts/bench-dedup.sh}), each a pure function
 * of {@code (seed, index)} so that any partition can generate its share independently.
 *
 * <p>Texts are about 3.5 KB of pseudo-words drawn from a Zipf distribution (s = 1) over a 50,000-word
 * vocabulary, in paragraphs of about 80 words. 30 % of the originals end with one of 50 site footers (about
 * 400 characters) that unrelated articles share. About 20 % of all articles are duplicates of a random
 * original: a quarter exact copies, the others with 1–3 edits out of a few changed words, a dropped last
 * paragraph, an added agency footer, a dateline and rewrapped lines. {@code cluster} is the truth: the
 * index of the original an article derives from.
 */
final class SyntheticNews implements Serializable {
    static final StructType SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("input_file", DataTypes.StringType, false)
            .add("input_position", DataTypes.LongType, false)
            .add("url", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, false)
            .add("published_at", DataTypes.TimestampType, true)
            .add("text_sha256", DataTypes.StringType, false)
            .add("char_count", DataTypes.IntegerType, false)
            .add("cluster", DataTypes.StringType, false);

    private static final int VOCABULARY = 50_000;
    private static final String[] SYLLABLES = {"ka", "ri", "to", "men", "sa", "lo", "ber", "ge", "un", "ter", "an",
        "mi", "do", "fa", "ne", "stra", "lin", "hof", "wer", "ko", "pe", "tu", "ra", "vi", "schen", "al", "or", "bu"};
    private static final long START = Timestamp.valueOf("2025-01-01 00:00:00").getTime();

    private final long seed;
    private final double duplicateShare;
    private transient String[] words;
    private transient double[] cumulative;

    SyntheticNews(long seed, double duplicateShare) {
        this.seed = seed;
        this.duplicateShare = duplicateShare;
    }

    /** Article {@code index} of a corpus of {@code size}. */
    Row article(long index, long size) {
        String text;
        long cluster;
        if (isDuplicate(index)) {
            SplittableRandom random = random(index, 1);
            long original;
            do {
                original = random.nextLong(size);
            } while (isDuplicate(original));
            cluster = original;
            text = random.nextInt(4) == 0 ? original(original) : edit(original(original), random);
        } else {
            cluster = index;
            text = original(index);
        }
        String id = String.format("a%09d", index);
        return row(id, index, "https://site" + (index % 97) + ".example/" + id, text, String.format("a%09d", cluster));
    }

    /** A {@link #SCHEMA} row: article {@code index} with its URL, text and the id of its true cluster. */
    static Row row(String id, long index, String url, String text, String cluster) {
        return RowFactory.create(id, "bench", index, url, text, new Timestamp(START + index * 60_000L), sha256(text),
                text.length(), cluster);
    }

    private boolean isDuplicate(long index) {
        return random(index, 0).nextDouble() < duplicateShare;
    }

    private SplittableRandom random(long index, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 31 + stream);
    }

    private String original(long index) {
        SplittableRandom random = random(index, 2);
        StringBuilder text = new StringBuilder(3700);
        int inParagraph = 0;
        while (text.length() < 3500) {
            if (inParagraph == 80) {
                text.append("\n\n");
                inParagraph = 0;
            } else if (inParagraph > 0) {
                text.append(' ');
            }
            text.append(word(random));
            inParagraph++;
        }
        if (random.nextInt(10) < 3) {
            text.append("\n\n").append(siteFooter(random.nextInt(50)));
        }
        return text.toString();
    }

    private String siteFooter(int site) {
        SplittableRandom random = new SplittableRandom(seed + 7_000_003L * (site + 1));
        StringBuilder footer = new StringBuilder();
        while (footer.length() < 400) {
            footer.append(footer.length() == 0 ? "" : " ").append(word(random));
        }
        return footer.toString();
    }

    private String edit(String text, SplittableRandom random) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\n\n")));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    for (int w = 1 + random.nextInt(5); w > 0; w--) {
                        int p = random.nextInt(paragraphs.size());
                        String[] tokens = paragraphs.get(p).split(" ");
                        tokens[random.nextInt(tokens.length)] = word(random);
                        paragraphs.set(p, String.join(" ", tokens));
                    }
                }
                case 1 -> {
                    if (paragraphs.size() > 3) {
                        paragraphs.remove(paragraphs.size() - 1);
                    }
                }
                case 2 -> paragraphs.add("Mit Material von dpa, AFP und Reuters. " + siteFooter(50 + random.nextInt(5)).substring(0, 120));
                case 3 -> paragraphs.set(0, "BERLIN (dpa) - " + paragraphs.get(0));
                default -> paragraphs.replaceAll(p -> p.replace(' ', random.nextInt(3) == 0 ? '\n' : ' '));
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private String word(SplittableRandom random) {
        if (words == null) {
            buildVocabulary();
        }
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return words[Math.min(index < 0 ? -index - 1 : index, VOCABULARY - 1)];
    }

    private void buildVocabulary() {
        String[] built = new String[VOCABULARY];
        double[] weights = new double[VOCABULARY];
        double total = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            StringBuilder word = new StringBuilder();
            int syllables = 1 + Math.min(3, (int) Math.log10(i + 10));
            for (int s = 0; s < syllables + random.nextInt(2); s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            built[i] = word.toString();
            total += 1.0 / (i + 1);
            weights[i] = total;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            weights[i] /= total;
        }
        cumulative = weights;
        words = built;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
