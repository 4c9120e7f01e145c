package org.newsprism.nlp;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdditionalContextFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * Decodes a name-finder model whose beam width is 1 as {@link NameFinderME#find(String[], String[][])}
 * does, with one shortcut. With a beam of one sequence OpenNLP's beam search is greedy: at each token it
 * takes the valid outcome the model scores highest. This decoder does the same, from the same context
 * generator, validator, codec and adaptive data, except that a token that cannot begin a name, an
 * all-lower-case word that is not a name particle or a token without any letter or digit
 * ({@link #cannotBeginName}), is decided "other" without asking the model when the token before it was
 * decided "other" too. Inside a name such tokens are still scored ("Bundesamt für Migration").
 *
 * <p>Why: in German most tokens are lower-case words and punctuation, and the model (PER, ORG, LOC, OTH
 * learnt from GermEval, where names begin with a capital or a digit) answers "other" for them anyway,
 * so most of its evaluations, and the features generated for them, are spent on foregone decisions.
 * What can differ: a name that begins with an all-lower-case word other than a particle ("flattr", "hr")
 * is no longer found, nor one the model would begin on a punctuation token. {@code skipUnnameable = false}
 * scores every token and gives the very names and probabilities of {@code NameFinderME}
 * (GreedyNameDecoderTest).
 *
 * <p>A model trained with Newsprism's feature descriptor gets its features from {@link FastNameContext} (the
 * same features, built with less repeated work); any other from OpenNLP's context generator. A perceptron
 * model with that descriptor (the shipped one) is moreover scored from the parameters FastNameContext hands
 * over ({@link #score}), as {@code PerceptronModel.eval} scores them after looking up the same strings: the
 * same sums in the same order, bit for bit the same probabilities.
 *
 * <p>Not thread-safe (the adaptive data and the context generator's caches): one per task thread.
 */
final class GreedyNameDecoder {
    /**
     * Particles that begin surnames written without a first name ("von Trotha", "van der Vaart", "de
     * Maizière", "bin Salman"): scored although they are lower-case.
     */
    private static final Set<String> NAME_PARTICLES = Set.of("von", "van", "de", "di", "du",
            "da", "del", "della", "dos", "le", "la", "ter", "ten", "bin", "ibn", "al", "el");

    private final MaxentModel model;
    private final NameContextGenerator contexts;
    /** The same generator when the model is scored from its parameters directly ({@link #score}), else null. */
    private final FastNameContext parameterContexts;
    private final AdditionalContextFeatureGenerator additional = new AdditionalContextFeatureGenerator();
    private final SequenceValidator<String> validator;
    private final SequenceCodec<String> codec;
    private final boolean skipUnnameable;
    private final double[] scores;

    /** The names of one sentence (token spans with their types) and each name's mean token probability. */
    record Names(Span[] spans, double[] probabilities) {}

    GreedyNameDecoder(TokenNameFinderModel model, boolean skipUnnameable) {
        if (beamSize(model) != 1) {
            throw new IllegalArgumentException("a greedy decoder needs a model with beam width 1, this one has "
                    + beamSize(model));
        }
        this.model = model.getArtifact("nameFinder.model");
        if (this.model == null) {
            throw new IllegalArgumentException("the name-finder model holds no maxent model");
        }
        TokenNameFinderFactory factory = model.getFactory();
        this.codec = factory.createSequenceCodec();
        this.validator = codec.createSequenceValidator();
        if (FastNameContext.describes(model)) {
            Map<String, Context> parameters = this.model instanceof PerceptronModel perceptron
                    ? parameterMap(perceptron) : null;
            FastNameContext fast = new FastNameContext(parameters);
            this.contexts = fast;
            this.parameterContexts = parameters != null ? fast : null;
        } else {
            this.parameterContexts = null;
            this.contexts = factory.createContextGenerator();
            // NameFinderME adds the same generator: the additional context of the 8 tokens on each side.
            contexts.addFeatureGenerator(new WindowFeatureGenerator(additional, 8, 8));
        }
        this.skipUnnameable = skipUnnameable;
        this.scores = new double[this.model.getNumOutcomes()];
    }

    /** The decoder's beam width as the model states it (OpenNLP's default 3 when it does not). */
    static int beamSize(TokenNameFinderModel model) {
        String size = model.getManifestProperty(opennlp.tools.ml.BeamSearch.BEAM_SIZE_PARAMETER);
        return size == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(size);
    }

    /** The names in one sentence's tokens, with per-token additional features (as NameFinderME.find). */
    Names find(String[] tokens, String[][] features) {
        additional.setCurrentContext(features);
        String[] outcomes = new String[tokens.length];
        double[] probabilities = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (skipUnnameable && (i == 0 || NameFinderME.OTHER.equals(outcomes[i - 1])) && cannotBeginName(tokens[i])) {
                outcomes[i] = NameFinderME.OTHER;
                probabilities[i] = Double.NaN; // never part of a name, so never averaged
                continue;
            }
            String[] before = Arrays.copyOf(outcomes, i);
            double[] s = parameterContexts != null ? score(parameterContexts.contexts(i, tokens, before, features))
                    : model.eval(contexts.getContext(i, tokens, before, features), scores);
            int best = bestValid(i, tokens, before, s);
            outcomes[i] = model.getOutcome(best);
            probabilities[i] = s[best];
        }
        contexts.updateAdaptiveData(tokens, outcomes);
        Span[] spans = codec.decode(Arrays.asList(outcomes));
        double[] spanProbabilities = new double[spans.length];
        for (int k = 0; k < spans.length; k++) {
            double sum = 0;
            for (int t = spans[k].getStart(); t < spans[k].getEnd(); t++) {
                sum += probabilities[t];
            }
            spanProbabilities[k] = sum / spans[k].length();
        }
        return new Names(spans, spanProbabilities);
    }

    /** A perceptron model's map from feature strings to their parameters (OpenNLP's {@code pmap}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Context> parameterMap(PerceptronModel model) {
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    /**
     * The outcome probabilities of a token from its features' parameters, computed as
     * {@code PerceptronModel.eval} computes them (OpenNLP 2.5): the parameters summed per outcome, divided by
     * the largest absolute sum (at least 1), exponentiated and normalised, with {@link StrictMath} as there.
     */
    private double[] score(Context[] parameters) {
        Arrays.fill(scores, 0);
        ArrayMath.sumFeatures(parameters, null, scores);
        double largest = 1;
        for (double sum : scores) {
            if (largest < StrictMath.abs(sum)) {
                largest = StrictMath.abs(sum);
            }
        }
        double total = 0;
        for (int o = 0; o < scores.length; o++) {
            scores[o] = StrictMath.exp(scores[o] / largest);
            total += scores[o];
        }
        for (int o = 0; o < scores.length; o++) {
            scores[o] /= total;
        }
        return scores;
    }

    /** Forgets what earlier sentences taught the feature generators: call once per document. */
    void clearAdaptiveData() {
        contexts.clearAdaptiveData();
    }

    /**
     * The outcome a one-sequence beam search keeps: the highest-scoring outcome if it is valid here, else the
     * highest-scoring valid one (ties: the first).
     */
    private int bestValid(int i, String[] tokens, String[] before, double[] s) {
        int top = 0;
        for (int p = 1; p < s.length; p++) {
            if (s[p] > s[top]) {
                top = p;
            }
        }
        // BeamSearch admits every outcome scoring at least the maximum; ties at the maximum are vanishingly rare.
        for (int p = 0; p < s.length; p++) {
            if (s[p] >= s[top] && validator.validSequence(i, tokens, before, model.getOutcome(p))) {
                return p;
            }
        }
        int best = -1;
        for (int p = 0; p < s.length; p++) {
            if ((best < 0 || s[p] > s[best]) && validator.validSequence(i, tokens, before, model.getOutcome(p))) {
                best = p;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no valid outcome for token " + i + " (" + tokens[i] + ")");
        }
        return best;
    }

    /**
     * A token that does not begin names in news: one without any letter or digit (punctuation), or an
     * all-lower-case word ("der", "über"), unless it is a name particle. Words with a capital or a digit
     * anywhere ("iTunes", "eBay", "office21") may begin one.
     */
    static boolean cannotBeginName(String token) {
        boolean lowerStart = !token.isEmpty() && Character.isLowerCase(token.codePointAt(0));
        boolean letterOrDigit = false;
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            if (lowerStart && (Character.isUpperCase(c) || Character.isDigit(c))) {
                return false;
            }
            letterOrDigit |= Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        if (!letterOrDigit) {
            return true;
        }
        return lowerStart && !NAME_PARTICLES.contains(token);
    }
}
