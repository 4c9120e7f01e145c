package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lexicon files shipped in {@code conf/lexicons} keep the shape {@code conf/lexicons/NOTES.md} promises: a
 * header, lower-case terms without duplicates, valences on VADER's scale, known modifier kinds, and no German
 * modifier word also listed as a polar word (the scorer would count it twice), and verb-form files with four forms
 * per infinitive.
 */
class LexiconFilesTest {
    private static final Path DIR = Path.of("conf/lexicons");

    private static List<String[]> rows(String file, String header) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
        assertEquals(header, lines.get(0), file + ": header");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            assertEquals(header.split("\t").length, cols.length, file + " line " + (i + 1) + ": columns");
            rows.add(cols);
        }
        return rows;
    }

    private static List<String> files(String prefix) throws IOException {
        try (Stream<Path> paths = Files.list(DIR)) {
            return paths.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(prefix) && f.endsWith(".tsv"))
                    .sorted().toList();
        }
    }

    private static void termsAreLowerCaseAndUnique(String file, List<String[]> rows) {
        Set<String> seen = new HashSet<>();
        for (String[] row : rows) {
            String term = row[0];
            assertEquals(term.strip().toLowerCase(Locale.ROOT), term, file + ": term " + term + " must be lower case");
            assertTrue(seen.add(term), file + ": " + term + " is listed twice");
        }
    }

    @Test
    void polarityFilesHoldLowerCaseTermsWithValencesOnVadersScale() throws IOException {
        List<String> files = files("sentiment-");
        assertTrue(files.size() >= 5, "lexicon files found: " + files);
        for (String file : files) {
            List<String[]> rows = rows(file, "term\tvalence");
            termsAreLowerCaseAndUnique(file, rows);
            for (String[] row : rows) {
                double valence = Double.parseDouble(row[1]);
                assertTrue(valence >= -4 && valence <= 4, file + ": " + row[0] + " " + valence + " is off the -4..4 scale");
            }
        }
    }

    @Test
    void modifierFilesUseKnownKindsAndGermanModifiersAreNoPolarWords() throws IOException {
        Set<String> kinds = Set.of("negation", "intensifier", "dampener", "contrast", "shifter");
        Set<String> germanPolar = new HashSet<>();
        for (String file : files("sentiment-de")) {
            rows(file, "term\tvalence").forEach(row -> germanPolar.add(row[0]));
        }
        for (String file : Stream.concat(files("modifiers-").stream(), files("shifters-").stream()).toList()) {
            List<String[]> rows = rows(file, "term\tkind\tweight");
            termsAreLowerCaseAndUnique(file, rows);
            for (String[] row : rows) {
                assertTrue(kinds.contains(row[1]), file + ": " + row[0] + " has kind " + row[1]);
                Double.parseDouble(row[2]);
                if (file.endsWith("-de.tsv") && file.startsWith("modifiers-")) {
                    assertTrue(!germanPolar.contains(row[0]), file + ": " + row[0] + " is also a polar word");
                }
            }
        }
    }
}
