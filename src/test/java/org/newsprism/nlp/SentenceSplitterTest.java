package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void nullEmptyAndBlankGiveNoSentences() {
        assertEquals(List.of(), sentences(null));
        assertEquals(List.of(), sentences(""));
        assertEquals(List.of(), sentences(" \n\n \t"));
    }

    @Test
    void splitsAtSentenceEndsBeforeUpperCaseDigitsAndQuotes() {
        assertEquals(List.of("Merz kam.", "Er sprach!", "Wer weiß?", "„Nie“, sagte er.", "2025 war gut."),
                sentences("Merz kam. Er sprach! Wer weiß? „Nie“, sagte er. 2025 war gut."));
        assertEquals(List.of("He said: \"We will win.\"", "Then he left."),
                sentences("He said: \"We will win.\" Then he left."));
    }

    @Test
    void keepsAbbreviationsInitialsAndOrdinalsInsideTheSentence() {
        assertEquals(List.of("Dr. Merz kam am 3. Mai nach Berlin.", "Er traf z.B. Mr. Smith und John F. Kennedy."),
                sentences("Dr. Merz kam am 3. Mai nach Berlin. Er traf z.B. Mr. Smith und John F. Kennedy."));
        assertEquals(List.of("The U.S. Senate voted."), sentences("The U.S. Senate voted."));
    }

    @Test
    void blankLinesAlwaysSplitAndLowerCaseContinues() {
        assertEquals(List.of("Überschrift ohne Punkt", "Der Text beginnt. und geht weiter"),
                sentences("Überschrift ohne Punkt\n\nDer Text beginnt. und geht weiter"));
    }

    @Test
    void offsetsAreUtf16IndicesOfTrimmedSentences() {
        String text = "  Ein Satz 😀. Noch einer.  ";
        List<int[]> spans = splitter.split(text);
        assertEquals(2, spans.size());
        assertEquals(2, spans.get(0)[0]);
        assertEquals(text.indexOf("Noch"), spans.get(1)[0]);
        assertEquals(text.lastIndexOf('.') + 1, spans.get(1)[1]);
    }
}
