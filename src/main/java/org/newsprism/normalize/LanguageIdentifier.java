package org.newsprism.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.newsprism.config.JobConfig;

/**
 * Detects an article's language with Apache OpenNLP's language detector (model
 * {@code opennlp-models-langdetect}, 103 languages, from Maven Central), restricted to the configured
 * languages ({@code normalize.language.supported}, {@code normalize.language.min-confidence}), from the
 * first {@code normalize.language.max-chars} characters of the text.
 *
 * <p>Quick look ({@code normalize.language.quick-chars}, {@code normalize.language.quick-confidence}): when
 * the text is longer, its first {@code quick-chars} characters are scored first, and when they give a supported
 * language with at least {@code quick-confidence}, that is the detection. Otherwise (a lead full of foreign
 * names, a quotation in another language) the first {@code max-chars} characters decide, as without the quick
 * look. The cost grows with the characters scored, and most news leads are clear.
 *
 * <p>The model spreads its probability over all 103 languages, so the confidence is relative: the
 * best supported language's probability against the strongest other language's,
 * {@code p / (p + p_other)}. Above 0.5 the supported language is the model's first choice; a French
 * text scores far below, and so does a three-word headline the model cannot place. The model is loaded once per
 * JVM (driver or executor) from the classpath; each thread gets its own detector over it.
 *
 * <p>The model's scores are computed by {@link FastScorer}, which gives bit for bit the same ranking as
 * OpenNLP's {@code LanguageDetectorME}, 1.5× as fast.
 */
public final class LanguageIdentifier implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String UNDETERMINED = "und";
    private final List<String> supported;
    private final double minConfidence;
    private final int maxChars;
    private final int quickChars;
    private final double quickConfidence;

    /** Detection reads only the first {@code maxChars} characters of a text, without a quick look. */
    public LanguageIdentifier(List<String> supported, double minConfidence, int maxChars) {
        this(supported, minConfidence, maxChars, 0, 1.0);
    }

    /** As configured ({@code normalize.language.*}). */
    public LanguageIdentifier(JobConfig.Language config) {
        this(config.supported(), config.minConfidence(), config.maxChars(), config.quickChars(), config.quickConfidence());
    }

    /**
     * @param quickChars how many characters the quick look scores (0: none)
     * @param quickConfidence the confidence from which the quick look decides
     */
    public LanguageIdentifier(List<String> supported, double minConfidence, int maxChars, int quickChars,
            double quickConfidence) {
        this.supported = List.copyOf(supported);
        this.minConfidence = minConfidence;
        this.maxChars = maxChars;
        this.quickChars = quickChars;
        this.quickConfidence = quickConfidence;
    }

    /** A detected language (ISO 639-1, or "und") and the confidence of that decision. */
    public record Detection(String language, double confidence) {}

    public Detection detect(String text) {
        if (text == null || text.isBlank()) {
            return new Detection(UNDETERMINED, 0.0);
        }
        if (quickChars > 0 && quickChars < Math.min(text.length(), maxChars)) {
            Detection quick = decide(Model.SCORER.get().predictLanguages(text.substring(0, quickChars)));
            if (!quick.language().equals(UNDETERMINED) && quick.confidence() >= quickConfidence) {
                return quick;
            }
        }
        return decide(Model.SCORER.get().predictLanguages(text.length() > maxChars ? text.substring(0, maxChars) : text));
    }

    /** The detection a ranking of all the model's languages gives (see the class comment). */
    private Detection decide(Language[] ranked) {
        String best = null;
        double bestScore = 0;
        double strongestOther = 0;
        for (Language language : ranked) {
            String code = Model.ISO1.get(language.getLang());
            if (best == null && code != null && supported.contains(code)) {
                best = code;
                bestScore = language.getConfidence();
            } else {
                strongestOther = Math.max(strongestOther, language.getConfidence());
            }
        }
        if (best == null || bestScore <= 0) {
            return new Detection(UNDETERMINED, 0.0);
        }
        double confidence = bestScore / (bestScore + strongestOther);
        return confidence >= minConfidence ? new Detection(best, confidence) : new Detection(UNDETERMINED, confidence);
    }

    /** Whether a user-given language code names a supported language (ISO 639-1, case-insensitive). */
    public String supportedOrNull(String given) {
        if (given == null) {
            return null;
        }
        String code = given.trim().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        if (dash > 0) {
            code = code.substring(0, dash); // de-DE, en_US
        }
        if (code.length() == 3) {
            code = Model.ISO1.getOrDefault(code, code);
        }
        return supported.contains(code) ? code : null;
    }

    /** OpenNLP's own detector over the shared model (the reference {@link FastScorer} is tested against). */
    static Language[] predictWithOpenNlp(String text) {
        return Model.DETECTOR.get().predictLanguages(text);
    }

    /** The ranking {@link #detect} works from (before the prefix cut, for tests). */
    static Language[] predict(String text) {
        return Model.SCORER.get().predictLanguages(text);
    }

    private static final class Model {
        private static final LanguageDetectorModel MODEL = load();
        /** The model is shared; detectors keep per-call state, so each task thread has its own. */
        static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL));
        static final ThreadLocal<FastScorer> SCORER = ThreadLocal.withInitial(() -> new FastScorer(MODEL));
        static final Map<String, String> ISO1 = iso3To1();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
                if (in == null) {
                    throw new IllegalStateException("langdetect-183.bin (opennlp-models-langdetect) is not on the classpath");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, String> iso3To1() {
            Map<String, String> map = new HashMap<>();
            for (String iso1 : Locale.getISOLanguages()) {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            }
            map.put("deu", "de"); // bibliographic/terminology variants seen in the model
            map.put("ger", "de");
            map.put("eng", "en");
            map.put("fra", "fr");
            map.put("fre", "fr");
            map.put("nld", "nl");
            map.put("zho", "zh");
            map.put("cmn", "zh");
            return Map.copyOf(map);
        }
    }
}
