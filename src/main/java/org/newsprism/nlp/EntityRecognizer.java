package org.newsprism.nlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.newsprism.io.Resources;

/**
 * Finds persons, organisations, places and other names that the catalogue does not list, with a
 * statistical sequence model (Apache OpenNLP's name finder, trained on GermEval 2014 by
 * {@link NerTrainer}) over the Spark NLP tokens and the {@link NerFeatures}. Only spans whose
 * probability reaches {@code nlp.entities.discovery.min-probability} are kept: precision first.
 * Types come out as PER, ORG, LOC, MISC. The model bytes travel with the task; each task
 * deserialises its own (not thread-safe) finder.
 *
 * <p>A model with beam width 1 (the shipped one) is decoded by {@link GreedyNameDecoder}, which with
 * {@code nlp.entities.discovery.skip-unnameable-tokens} decides lower-case words and punctuation outside
 * names without the model; other models by OpenNLP's {@code NameFinderME}.
 */
public final class EntityRecognizer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final double minProbability;
    private final boolean skipUnnameable;
    private transient NameFinderME finder;
    private transient GreedyNameDecoder greedy;

    /** A found name: tokens {@code [first, last]} of a sentence, its type and probability. */
    public record Found(int firstToken, int lastToken, String type, double probability) {}

    public EntityRecognizer(byte[] model, double minProbability, boolean skipUnnameable) {
        this.model = model.clone();
        this.minProbability = minProbability;
        this.skipUnnameable = skipUnnameable;
    }

    /** Loads a model file named in configuration (on the driver). */
    public static EntityRecognizer load(String location, double minProbability, boolean skipUnnameable) {
        try (InputStream in = Resources.open(location, "nlp.entities.discovery.models")) {
            return new EntityRecognizer(in.readAllBytes(), minProbability, skipUnnameable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    public List<Found> find(String[] tokens, String[][] features) {
        List<Found> found = new ArrayList<>();
        if (tokens.length == 0) {
            return found;
        }
        Span[] spans;
        double[] probabilities;
        loadDecoder();
        if (greedy != null) {
            GreedyNameDecoder.Names names = greedy.find(tokens, features);
            spans = names.spans();
            probabilities = names.probabilities();
        } else {
            spans = finder.find(tokens, features);
            probabilities = finder.probs(spans);
        }
        for (int i = 0; i < spans.length; i++) {
            if (probabilities[i] >= minProbability) {
                found.add(new Found(spans[i].getStart(), spans[i].getEnd() - 1, typeOf(spans[i].getType()),
                        probabilities[i]));
            }
        }
        return found;
    }

    /** Forgets what earlier sentences taught the model (its adaptive data): call once per article. */
    public void newDocument() {
        if (greedy != null) {
            greedy.clearAdaptiveData();
        } else if (finder != null) {
            finder.clearAdaptiveData();
        }
    }

    private static String typeOf(String label) {
        return "OTH".equals(label) || label == null ? "MISC" : label;
    }

    /** Deserialises the model once per instance (per task), into the greedy decoder or NameFinderME. */
    private void loadDecoder() {
        if (finder != null || greedy != null) {
            return;
        }
        try {
            TokenNameFinderModel loaded = new TokenNameFinderModel(new ByteArrayInputStream(model));
            if (GreedyNameDecoder.beamSize(loaded) == 1) {
                greedy = new GreedyNameDecoder(loaded, skipUnnameable);
            } else {
                finder = new NameFinderME(loaded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the entity model does not load", e);
        }
    }
}
