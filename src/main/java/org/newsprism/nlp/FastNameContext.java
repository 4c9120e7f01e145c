package org.newsprism.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * The features OpenNLP's name finder generates for a token, for models trained with Newsprism's feature
 * descriptor ({@code ner-features.xml}, {@link #describes}), computed with less repeated work: the same
 * strings in the same order as OpenNLP's {@code DefaultNameContextGenerator} over that descriptor's
 * generators plus {@code NameFinderME}'s window of eight additional-context tokens on each side
 * ({@code FastNameContextTest} compares them token by token).
 *
 * <p>OpenNLP lower-cases and classifies a token ({@code FeatureGeneratorUtil.tokenFeature}, a character
 * scan) afresh for each feature that needs it, through streams, and builds every feature string anew, so
 * that the model hashes each again. Here a token's own strings (its class, lower-case form, window
 * features under each of the five window positions, prefixes and suffixes) are built once and kept, per
 * distinct token, for the next sentences: news repeats its words, and a kept string keeps its hash.
 *
 * <p>Given the model's own map from feature strings to their parameters ({@code pmap}), {@link #contexts} hands
 * the decoder those parameters directly, in the same order: a kept string's parameters are looked up once,
 * when the string is built, and the features over a small set of values (token classes, outcomes, additional
 * context) once per value, so that per token only the three features over two words are built and looked up
 * ({@code FastNameContextTest} checks the parameters against the model's lookup of {@link #getContext}'s
 * strings).
 *
 * <p>Not thread-safe (adaptive data and the kept strings): one per decoder.
 */
final class FastNameContext implements NameContextGenerator {
    /** Tokens whose strings are kept at most; the map starts over when full. */
    private static final int MAX_KEPT_TOKENS = 200_000;
    /** The window positions of OpenNLP's order (the token, then before it, then after it) and their prefixes. */
    private static final int[] WINDOW_OFFSETS = {0, -1, -2, 1, 2};
    private static final String[] WINDOW = {"", "p1", "p2", "n1", "n2"};
    private static final int ADDITIONAL_WINDOW = 8;
    /** The additional-context feature names by window position: "ne=", then "p1ne=".."p8ne=", "n1ne=".."n8ne=". */
    private static final String[] ADDITIONAL_FEATURES = additionalFeatureNames();

    /** Stands for "the model has no parameters for this feature" in the caches below. */
    private static final Context ABSENT = new Context(new int[0], new double[0]);

    private final Map<String, TokenStrings> kept = new HashMap<>();
    private final Map<String, String> previousOutcomes = new HashMap<>();
    /** The model's feature parameters by feature string; null when only strings are asked for. */
    private final Map<String, Context> parameters;
    private final Context always;
    private final Context sentenceBegin;
    /** Parameters of the features over few values: by outcome ("pd", "po", "ppo"), by two token classes, ... */
    private final Map<String, Context> byPreviousDecision = new HashMap<>();
    private final Map<String, Context> byPreviousOutcome = new HashMap<>();
    private final Map<String, Context> byOutcomeBeforeLast = new HashMap<>();
    private final Map<String, Map<String, Context>> byClassAndNextClass = new HashMap<>();
    private final Map<String, Map<String, Context>> byPreviousClassAndClass = new HashMap<>();
    private final Map<String, Map<String, Context>> byOutcomeAndClass = new HashMap<>();
    /** Additional-context features by window position (the token, p1..p8, n1..n8) and value. */
    private final List<Map<String, Context>> byAdditional = new ArrayList<>();
    private Context[] found = new Context[128];
    private int foundCount;
    private String[] sentence;
    private TokenStrings[] strings;

    private static String[] additionalFeatureNames() {
        String[] names = new String[2 * ADDITIONAL_WINDOW + 1];
        names[0] = "ne=";
        for (int d = 1; d <= ADDITIONAL_WINDOW; d++) {
            names[d] = "p" + d + "ne=";
            names[ADDITIONAL_WINDOW + d] = "n" + d + "ne=";
        }
        return names;
    }

    /** Builds feature strings only ({@link #getContext}). */
    FastNameContext() {
        this(null);
    }

    /** Also gives the model's parameters for them ({@link #contexts}); {@code parameters} is the model's pmap. */
    FastNameContext(Map<String, Context> parameters) {
        this.parameters = parameters;
        this.always = parameters == null ? null : parameters.get("def");
        this.sentenceBegin = parameters == null ? null : parameters.get("S=begin");
        for (int d = 0; d <= 2 * ADDITIONAL_WINDOW; d++) {
            byAdditional.add(new HashMap<>());
        }
    }

    /** Whether a model's feature descriptor is the one this class reproduces (the one NerTrainer trains with). */
    static boolean describes(TokenNameFinderModel model) {
        Object descriptor = model.getArtifact("generator.featuregen");
        return descriptor instanceof byte[] bytes && Arrays.equals(bytes, Descriptor.BYTES);
    }

    @Override
    public String[] getContext(int index, String[] tokens, String[] preds, Object[] additionalContext) {
        TokenStrings[] t = stringsOf(tokens);
        TokenStrings self = t[index];
        List<String> features = new ArrayList<>(64);
        // Window of 2 around the token over the token class (class, then word and class), then over the
        // lower-case token.
        for (int w = 0; w < WINDOW.length; w++) {
            int j = index + WINDOW_OFFSETS[w];
            if (j >= 0 && j < t.length) {
                features.add(t[j].classFeatures[w]);
                features.add(t[j].wordAndClassFeatures[w]);
            }
        }
        for (int w = 0; w < WINDOW.length; w++) {
            int j = index + WINDOW_OFFSETS[w];
            if (j >= 0 && j < t.length) {
                features.add(t[j].wordFeatures[w]);
            }
        }
        features.addAll(Arrays.asList(self.prefixes));
        features.addAll(Arrays.asList(self.suffixes));
        features.add("def");
        features.add("pd=" + previousOutcomes.get(tokens[index]));
        if (index > 0) {
            features.add("pw,w=" + tokens[index - 1] + "," + tokens[index]);
            features.add("pwc,wc=" + t[index - 1].tokenClass + "," + self.tokenClass);
        }
        if (index + 1 < tokens.length) {
            features.add("w,nw=" + tokens[index] + "," + tokens[index + 1]);
            features.add("wc,nc=" + self.tokenClass + "," + t[index + 1].tokenClass);
        }
        if (index == 0) {
            features.add("S=begin");
        }
        String[][] additional = (String[][]) additionalContext;
        if (additional != null && additional.length != 0) {
            additional(features, additional[index], "");
            for (int d = 1; d <= ADDITIONAL_WINDOW; d++) {
                if (index - d >= 0) {
                    additional(features, additional[index - d], "p" + d);
                }
            }
            for (int d = 1; d <= ADDITIONAL_WINDOW; d++) {
                if (index + d < tokens.length) {
                    additional(features, additional[index + d], "n" + d);
                }
            }
        }
        if (preds != null) {
            String po = index > 0 ? preds[index - 1] : NameFinderME.OTHER;
            String ppo = index > 1 ? preds[index - 2] : NameFinderME.OTHER;
            features.add("po=" + po);
            features.add("pow=" + po + "," + tokens[index]);
            features.add("powf=" + po + "," + self.tokenClass);
            features.add("ppo=" + ppo);
        }
        return features.toArray(new String[0]);
    }

    /**
     * The model's parameters for the features {@link #getContext} gives this token, in the same order, those
     * the model lacks left out: the array holds them from index 0, then nulls (which the model's sum skips).
     * The array is reused by the next call. Needs the model's parameters ({@link #FastNameContext(Map)}).
     */
    Context[] contexts(int index, String[] tokens, String[] preds, String[][] additional) {
        Arrays.fill(found, 0, foundCount, null);
        foundCount = 0;
        TokenStrings[] t = stringsOf(tokens);
        TokenStrings self = t[index];
        for (int w = 0; w < WINDOW.length; w++) {
            int j = index + WINDOW_OFFSETS[w];
            if (j >= 0 && j < t.length) {
                add(t[j].classParameters[w]);
                add(t[j].wordAndClassParameters[w]);
            }
        }
        for (int w = 0; w < WINDOW.length; w++) {
            int j = index + WINDOW_OFFSETS[w];
            if (j >= 0 && j < t.length) {
                add(t[j].wordParameters[w]);
            }
        }
        for (Context c : self.prefixParameters) {
            add(c);
        }
        for (Context c : self.suffixParameters) {
            add(c);
        }
        add(always);
        add(cached(byPreviousDecision, previousOutcomes.get(tokens[index]), "pd="));
        if (index > 0) {
            add(parameters.get("pw,w=" + tokens[index - 1] + "," + tokens[index]));
            add(cached(byPreviousClassAndClass, t[index - 1].tokenClass, self.tokenClass, "pwc,wc="));
        }
        if (index + 1 < tokens.length) {
            add(parameters.get("w,nw=" + tokens[index] + "," + tokens[index + 1]));
            add(cached(byClassAndNextClass, self.tokenClass, t[index + 1].tokenClass, "wc,nc="));
        }
        if (index == 0) {
            add(sentenceBegin);
        }
        if (additional != null && additional.length != 0) {
            addAdditional(additional[index], 0);
            for (int d = 1; d <= ADDITIONAL_WINDOW; d++) {
                if (index - d >= 0) {
                    addAdditional(additional[index - d], d);
                }
            }
            for (int d = 1; d <= ADDITIONAL_WINDOW; d++) {
                if (index + d < tokens.length) {
                    addAdditional(additional[index + d], ADDITIONAL_WINDOW + d);
                }
            }
        }
        if (preds != null) {
            String po = index > 0 ? preds[index - 1] : NameFinderME.OTHER;
            String ppo = index > 1 ? preds[index - 2] : NameFinderME.OTHER;
            add(cached(byPreviousOutcome, po, "po="));
            add(parameters.get("pow=" + po + "," + tokens[index]));
            add(cached(byOutcomeAndClass, po, self.tokenClass, "powf="));
            add(cached(byOutcomeBeforeLast, ppo, "ppo="));
        }
        return found;
    }

    private void add(Context parameters) {
        if (parameters != null && parameters != ABSENT) {
            if (foundCount == found.length) {
                found = Arrays.copyOf(found, found.length * 2);
            }
            found[foundCount++] = parameters;
        }
    }

    /** Additional context at window position {@code position} (0: the token, 1..8: p1..p8, 9..16: n1..n8). */
    private void addAdditional(String[] context, int position) {
        Map<String, Context> cache = byAdditional.get(position);
        for (String s : context) {
            add(cached(cache, s, ADDITIONAL_FEATURES[position]));
        }
    }

    /** The parameters of feature {@code name + value}, looked up once per value. */
    private Context cached(Map<String, Context> cache, String value, String name) {
        Context c = cache.get(value);
        if (c == null) {
            c = resolved(name + value);
            cache.put(value, c);
        }
        return c;
    }

    /** The parameters of feature {@code name + first + "," + second}, looked up once per pair of values. */
    private Context cached(Map<String, Map<String, Context>> cache, String first, String second, String name) {
        Map<String, Context> inner = cache.computeIfAbsent(first, k -> new HashMap<>());
        Context c = inner.get(second);
        if (c == null) {
            c = resolved(name + first + "," + second);
            inner.put(second, c);
        }
        return c;
    }

    private Context resolved(String feature) {
        Context c = parameters.get(feature);
        return c == null ? ABSENT : c;
    }

    private static void additional(List<String> features, String[] context, String prefix) {
        for (String s : context) {
            features.add(prefix + "ne=" + s);
        }
    }

    private TokenStrings[] stringsOf(String[] tokens) {
        if (tokens != sentence) {
            if (kept.size() > MAX_KEPT_TOKENS) {
                kept.clear();
            }
            strings = new TokenStrings[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                strings[i] = kept.computeIfAbsent(tokens[i], token -> new TokenStrings(token, parameters));
            }
            sentence = tokens;
        }
        return strings;
    }

    @Override
    public void updateAdaptiveData(String[] tokens, String[] outcomes) {
        for (int i = 0; i < tokens.length; i++) {
            previousOutcomes.put(tokens[i], outcomes[i]);
        }
    }

    @Override
    public void clearAdaptiveData() {
        previousOutcomes.clear();
    }

    @Override
    public void addFeatureGenerator(AdaptiveFeatureGenerator generator) {
        throw new UnsupportedOperationException("the features are fixed by ner-features.xml");
    }

    /**
     * One token's own feature strings, under each window position where a window uses them, and with the
     * model's parameters for each (null where it has none, or when not asked for).
     */
    private static final class TokenStrings {
        final String tokenClass;
        final String[] classFeatures = new String[WINDOW.length];
        final String[] wordAndClassFeatures = new String[WINDOW.length];
        final String[] wordFeatures = new String[WINDOW.length];
        final String[] prefixes;
        final String[] suffixes;
        final Context[] classParameters;
        final Context[] wordAndClassParameters;
        final Context[] wordParameters;
        final Context[] prefixParameters;
        final Context[] suffixParameters;

        TokenStrings(String token, Map<String, Context> parameters) {
            tokenClass = FeatureGeneratorUtil.tokenFeature(token);
            String lower = StringUtil.toLowerCase(token);
            for (int w = 0; w < WINDOW.length; w++) {
                classFeatures[w] = WINDOW[w] + "wc=" + tokenClass;
                wordAndClassFeatures[w] = WINDOW[w] + "w&c=" + lower + "," + tokenClass;
                wordFeatures[w] = WINDOW[w] + "w=" + lower;
            }
            int affixes = Math.min(4, token.length());
            prefixes = new String[affixes];
            suffixes = new String[affixes];
            for (int k = 0; k < affixes; k++) {
                prefixes[k] = "pre=" + token.substring(0, k + 1);
                suffixes[k] = "suf=" + token.substring(Math.max(token.length() - k - 1, 0));
            }
            classParameters = lookUp(classFeatures, parameters);
            wordAndClassParameters = lookUp(wordAndClassFeatures, parameters);
            wordParameters = lookUp(wordFeatures, parameters);
            prefixParameters = lookUp(prefixes, parameters);
            suffixParameters = lookUp(suffixes, parameters);
        }

        private static Context[] lookUp(String[] features, Map<String, Context> parameters) {
            Context[] found = new Context[features.length];
            for (int i = 0; parameters != null && i < features.length; i++) {
                found[i] = parameters.get(features[i]);
            }
            return found;
        }
    }

    /** The descriptor NerTrainer trains with (the model stores a copy). */
    private static final class Descriptor {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = NerTrainer.class.getResourceAsStream("ner-features.xml")) {
                if (in == null) {
                    throw new IllegalStateException("ner-features.xml is not on the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
