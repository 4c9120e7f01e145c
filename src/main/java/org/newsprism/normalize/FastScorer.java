package org.newsprism.normalize;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.Prior;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * {@link LanguageDetectorME#predictLanguages(CharSequence)} of OpenNLP 2.5 for a GIS model with the default
 * {@link LanguageDetectorFactory}, computed the same way with cheaper bookkeeping: the same normalisers,
 * the same lower-cased character 1- to 3-grams, the same maxent evaluation, the same sort.
 *
 * <p>OpenNLP keeps the n-grams as {@link CharBuffer} keys of two hash maps, hands them to the model as strings
 * in the maps' iteration order, and the model looks each string up in its own map; its sums depend on that
 * order in their last bits. Here each gram is a number (its one to three characters), collected once in an
 * open-addressing set; the maps' iteration order is computed from the grams' {@code CharBuffer} hash codes
 * ({@link #hashMapOrder}: by bucket, then by insertion, which is what a {@link HashMap} without tree bins
 * iterates in); and each gram's parameters are looked up once per thread and kept. The model then sums the
 * same parameters in the same order, so every score is bit for bit OpenNLP's ({@code LanguageIdentifierTest}
 * compares both on texts in many scripts), except where OpenNLP's own order depends on the run (see
 * {@link #hashMapOrder}); this one never does. A model with another factory is scored by OpenNLP itself. Not
 * thread-safe: one per thread.
 */
final class FastScorer {
    /** Grams looked up at most before the cache of their parameters starts over. */
    private static final int CACHE_LIMIT = 1 << 17;
    /** Stands for "the model has no parameters for this gram" in the cache. */
    private static final Context ABSENT = new Context(new int[0], new double[0]);

    private final LanguageDetectorME reference;
    private final MaxentModel maxent;
    private final GramContext context;
    private final Map<String, Context> parameters;
    private final Prior prior;
    private long[] gramKeys = new long[0];
    private int[] gramStarts;
    private int[] gramLengths;
    private int[] gramHashes;
    private long[] seen;
    private final long[] cacheKeys = new long[CACHE_LIMIT * 2];
    private final Context[] cacheValues = new Context[CACHE_LIMIT * 2];
    private int cached;

    FastScorer(LanguageDetectorModel model) {
        this.reference = new LanguageDetectorME(model);
        this.maxent = model.getMaxentModel();
        GISModel gis = maxent instanceof GISModel g ? g : null;
        this.parameters = gis == null ? null : parameterMap(gis);
        this.prior = gis == null ? null : priorOf(gis);
        this.context = model.getFactory().getClass() == LanguageDetectorFactory.class
                && model.getFactory().getContextGenerator().getClass() == DefaultLanguageDetectorContextGenerator.class
                && gis != null ? new GramContext() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> parameterMap(GISModel model) {
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    /** The model's prior, which {@code GISModel.eval} applies first (a field OpenNLP does not expose). */
    private static Prior priorOf(GISModel model) {
        try {
            java.lang.reflect.Field field = opennlp.tools.ml.model.AbstractModel.class.getDeclaredField("prior");
            field.setAccessible(true);
            return (Prior) field.get(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenNLP's GISModel has no prior field", e);
        }
    }

    Language[] predictLanguages(CharSequence text) {
        if (context == null) {
            return reference.predictLanguages(text);
        }
        char[] chars = gramChars(text);
        int n = distinctGrams(chars);
        int[] order = hashMapOrder(n);
        Context[] parameters = new Context[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            parameters[i] = parametersOf(order[i], chars);
            values[i] = 1;
        }
        // GISModel.eval(String[], float[], double[]) after its look-ups: the prior, the sums, then exp and
        // normalisation with StrictMath, as there.
        double[] scores = new double[maxent.getNumOutcomes()];
        prior.logPrior(scores, parameters, values);
        ArrayMath.sumFeatures(parameters, values, scores);
        double total = 0;
        for (int o = 0; o < scores.length; o++) {
            scores[o] = StrictMath.exp(scores[o]);
            total += scores[o];
        }
        for (int o = 0; o < scores.length; o++) {
            scores[o] /= total;
        }
        Language[] languages = new Language[scores.length];
        for (int o = 0; o < scores.length; o++) {
            languages[o] = new Language(maxent.getOutcome(o), scores[o]);
        }
        Arrays.sort(languages, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
        return languages;
    }

    /** The grams of a text in the order the model gets them (for tests). */
    List<String> gramOrder(CharSequence text) {
        char[] chars = gramChars(text);
        int n = distinctGrams(chars);
        List<String> grams = new java.util.ArrayList<>(n);
        for (int i : hashMapOrder(n)) {
            grams.add(new String(chars, gramStarts[i], gramLengths[i]));
        }
        return grams;
    }

    /** The text as its grams are taken from: normalised as OpenNLP does, lower case. */
    char[] gramChars(CharSequence text) {
        return StringUtil.toLowerCaseCharBuffer(context.normalize(text)).toString().toCharArray();
    }

    /**
     * Collects the distinct n-grams of {@code chars} in the order first seen, length by length, left to right
     * (NGramCharModel's insertion order): their keys, starts, lengths and {@code CharBuffer} hash codes go to
     * {@link #gramKeys} and the arrays beside it, indexed by that order. Returns how many there are.
     */
    private int distinctGrams(char[] chars) {
        int most = Math.max(1, (context.max() - context.min() + 1) * chars.length);
        if (gramKeys.length < most) {
            gramKeys = new long[most];
            gramStarts = new int[most];
            gramLengths = new int[most];
            gramHashes = new int[most];
            seen = new long[Integer.highestOneBit(most) * 4];
        }
        int n = 0;
        for (int length = context.min(); length <= context.max(); length++) {
            for (int start = 0; start + length <= chars.length; start++) {
                long key = key(chars, start, length);
                int slot = slotOf(seen, key);
                if (seen[slot] == 0) {
                    seen[slot] = key;
                    int h = 1;
                    for (int i = start + length - 1; i >= start; i--) {
                        h = 31 * h + chars[i];
                    }
                    gramKeys[n] = key;
                    gramStarts[n] = start;
                    gramLengths[n] = length;
                    gramHashes[n] = h;
                    n++;
                }
            }
        }
        // Empties the set for the next text, last key first: the keys a key's probe passed when it went in are
        // still there when it is looked up to go.
        for (int i = n - 1; i >= 0; i--) {
            seen[slotOf(seen, gramKeys[i])] = 0;
        }
        return n;
    }

    /**
     * The order in which {@link HashMap}s filled with the grams in insertion order (OpenNLP's two maps, the
     * second filled in the first's order) iterate over them: by bucket at the final capacity, then by
     * insertion. That is their order unless a bucket turns into a tree (nine keys in one bucket at a capacity
     * of 64 or more): OpenNLP's {@code CharBuffer} keys then sit in the tree by identity hash code, an order
     * that changes from run to run, and the scores with it in their last bits. This order does not.
     */
    private int[] hashMapOrder(int n) {
        int capacity = 16;
        while (n > (capacity >> 1) + (capacity >> 2)) {
            capacity <<= 1;
        }
        int[] count = new int[capacity + 1];
        for (int i = 0; i < n; i++) {
            count[bucket(gramHashes[i], capacity) + 1]++;
        }
        for (int b = 0; b < capacity; b++) {
            count[b + 1] += count[b];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[count[bucket(gramHashes[i], capacity)]++] = i;
        }
        return order;
    }

    /** The model's parameters for gram {@code i} (null when it has none), looked up once per gram and thread. */
    private Context parametersOf(int i, char[] chars) {
        long key = gramKeys[i];
        int slot = slotOf(cacheKeys, key);
        if (cacheKeys[slot] == key) {
            return cacheValues[slot] == ABSENT ? null : cacheValues[slot];
        }
        if (cached >= CACHE_LIMIT) { // start over rather than grow without bound
            Arrays.fill(cacheKeys, 0);
            Arrays.fill(cacheValues, null);
            cached = 0;
            slot = slotOf(cacheKeys, key);
        }
        Context found = parameters.get(new String(chars, gramStarts[i], gramLengths[i]));
        cacheKeys[slot] = key;
        cacheValues[slot] = found == null ? ABSENT : found;
        cached++;
        return found;
    }

    /** One to three UTF-16 units and their count as one number (never 0). */
    private static long key(char[] chars, int start, int length) {
        long key = length;
        for (int i = start; i < start + length; i++) {
            key = (key << 16) | chars[i];
        }
        return key;
    }

    /**
     * The slot of {@code key} in an open-addressing table of keys (0: empty; the length a power of two, never
     * full): where it is, or the empty slot where it goes.
     */
    private static int slotOf(long[] table, long key) {
        int mask = table.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (table[slot] != 0 && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The bucket of a key with this hash code in a {@link HashMap} of this capacity. */
    private static int bucket(int hash, int capacity) {
        return (hash ^ (hash >>> 16)) & (capacity - 1);
    }

    /** The context generator {@link LanguageDetectorFactory#getContextGenerator()} makes, opened up. */
    private static final class GramContext extends DefaultLanguageDetectorContextGenerator {
        private static final long serialVersionUID = 1L;

        GramContext() {
            super(1, 3, EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
                    TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
                    ShrinkCharSequenceNormalizer.getInstance());
        }

        CharSequence normalize(CharSequence text) {
            return normalizer.normalize(text);
        }

        int min() {
            return minLength;
        }

        int max() {
            return maxLength;
        }
    }
}
