package org.newsprism.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extra per-token features the statistical entity recogniser sees besides the words themselves:
 * whether a token lies in a catalogue match (and of which type, at its start or inside), whether it is
 * a derived form (an adjective such as "russische"), whether it or the token before it is a known given
 * name, whether it or the token before it is a title or role ({@link PersonTitles}), whether it or the
 * token before or after it names a kind of organisation ("Verlag", "GmbH", "Landgericht"), and whether
 * the token before or after it is a word of saying ("sagte Winkler"; both from {@link NameCues}). Training
 * ({@link NerTrainer}) and recognition ({@link EntityRecognizer}) build them with this one function.
 */
public final class NerFeatures {
    private static final int TITLE = 1;
    private static final int ORGANISATION = 2;
    private static final int SPEECH = 4;
    /** Each token's title, organisation and speech cues, kept: the checks loop over dozens of endings. */
    private static final WordMemo<Integer> CUES = new WordMemo<>(NerFeatures::cuesOf, 200_000);
    /** The catalogue features of each entity type: at a match's first token, inside it, on a derived form. */
    private static final Map<String, String[]> CATALOGUE_FEATURES = new ConcurrentHashMap<>();

    private NerFeatures() {}

    private static int cuesOf(String token) {
        return (PersonTitles.isTitle(token) ? TITLE : 0) | (NameCues.isOrganisationWord(token) ? ORGANISATION : 0)
                | (NameCues.isSpeechWord(token) ? SPEECH : 0);
    }

    /**
     * One array of feature strings per token of {@code sentence}; {@code matches} may hold other sentences'
     * matches too (they are skipped), but a caller with many sentences should hand each its own.
     */
    public static String[][] of(TextAnalysis.Sentence sentence, List<TextAnalysis.CatalogueMatch> matches,
            List<Entity> entities, Set<String> givenNames) {
        int n = sentence.tokens().size();
        // Each word list is consulted once per token, not again for each neighbour that asks about it:
        // the organisation and title checks loop over dozens of endings.
        boolean[] given = new boolean[n];
        boolean[] title = new boolean[n];
        boolean[] organisation = new boolean[n];
        boolean[] speech = new boolean[n];
        for (int i = 0; i < n; i++) {
            String token = sentence.tokens().get(i).text();
            given[i] = givenNames.contains(token);
            int cues = CUES.get(token);
            title[i] = (cues & TITLE) != 0;
            organisation[i] = (cues & ORGANISATION) != 0;
            speech[i] = (cues & SPEECH) != 0;
        }
        List<List<String>> features = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>(2);
            if (given[i]) {
                f.add("given");
            }
            if (title[i]) {
                f.add("title");
            }
            if (organisation[i]) {
                f.add("org");
            }
            if (i > 0) {
                if (given[i - 1]) {
                    f.add("prev=given");
                }
                if (title[i - 1]) {
                    f.add("prev=title");
                }
                if (organisation[i - 1]) {
                    f.add("prev=org");
                }
                if (speech[i - 1]) {
                    f.add("prev=speech");
                }
            }
            if (i + 1 < n) {
                if (organisation[i + 1]) {
                    f.add("next=org");
                }
                if (speech[i + 1]) {
                    f.add("next=speech");
                }
            }
            features.add(f);
        }
        for (TextAnalysis.CatalogueMatch m : matches) {
            if (m.sentenceIndex() != sentence.index()) {
                continue;
            }
            String[] catalogue = CATALOGUE_FEATURES.computeIfAbsent(entities.get(m.target().entityIndex()).type(),
                    type -> new String[] {"cat=B-" + type, "cat=I-" + type, "catd=" + type});
            for (int i = m.firstToken(); i <= m.lastToken() && i < n; i++) {
                features.get(i).add(catalogue[m.target().derived() ? 2 : i == m.firstToken() ? 0 : 1]);
            }
        }
        String[][] result = new String[n][];
        for (int i = 0; i < n; i++) {
            result[i] = features.get(i).toArray(String[]::new);
        }
        return result;
    }
}
