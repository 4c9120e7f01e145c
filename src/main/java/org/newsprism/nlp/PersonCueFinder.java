package org.newsprism.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds persons in a language without a trained entity model ({@code nlp.entities.discovery.person-cues}, English by
 * default) by the two cues English news gives for nearly every new name: a given name followed by capitalised words
 * ("Debbie Wasserman Schultz", "Kenneth Feld") or an honorific or office before them ("Mr. Manafort", "Sen. Ted
 * Cruz", "President Obama"). The name is the capitalised run after the title, or from the given name on, with
 * initials ("John J. Parker"), particles ("Ludwig van Beethoven") and suffixes ("Jr.") inside it; a possessive
 * ("Clinton’s") ends it. Runs that hold a place or institution word ("Kennedy Center", "Madison Square Garden",
 * "Metropolitan Police") or a weekday or month are not persons; nor is an all-capitals word ("JK"). A given name alone is no cue: "Hillary" may be anyone.
 *
 * <p>In: one sentence's tokens. Out: person spans as {@link EntityRecognizer.Found} (type PER, probability 1), which
 * {@link ArticleAnnotator} treats like a model's: the catalogue wins where they overlap, and a bare surname later in
 * the article ("Feld said") becomes a mention of the full name. Given names come from
 * {@code nlp.entities.given-names} and the catalogue's persons.
 */
public final class PersonCueFinder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> givenNames;

    public PersonCueFinder(Set<String> givenNames) {
        this.givenNames = Set.copyOf(givenNames);
    }

    /**
     * Honorifics and offices written before an English name (without their full stop: the tokenizer splits it off).
     * Words that also begin names of things are left out ("General Assembly", "Major League", "Father Christmas").
     */
    private static final Set<String> TITLES = Set.of(
            "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Rev", "Reverend",
            "Sen", "Senator", "Rep", "Representative", "Congressman", "Congresswoman", "Gov", "Governor", "President",
            "Vice-President", "Secretary", "Speaker", "Mayor", "Judge", "Justice", "Chancellor", "Minister", "Ambassador",
            "Commissioner", "Chairman", "Chairwoman", "Sheriff", "Detective", "Officer", "Coach", "Gen", "Lt", "Col",
            "Colonel", "Capt", "Captain", "Sgt", "Sergeant", "Adm", "Admiral", "Maj", "King", "Queen", "Prince",
            "Princess", "Pope", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Imam", "Sheikh", "Ayatollah");

    /** Lower-case words that may stand inside a name ("Ludwig van Beethoven", "Bashar al Assad"). */
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "le", "la", "bin", "ibn", "al",
            "el", "ter", "ten", "y");

    private static final Set<String> SUFFIXES = Set.of("Jr", "Sr", "II", "III", "IV");

    /** Capitalised words that are no part of a name: function words at a sentence's start, days, months. */
    private static final Set<String> NOT_NAMES = Set.of(
            "The", "A", "An", "And", "But", "Or", "Of", "In", "On", "At", "To", "For", "From", "By", "With", "As", "If",
            "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "This", "That", "These",
            "Those", "There", "Here", "When", "While", "After", "Before", "Since", "Yet", "So", "Not", "No", "Yes",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "June", "July", "August", "September", "October", "November", "December");

    /** Words that make a capitalised run a place, a building, an institution, a prize or a law. */
    private static final Set<String> NON_PERSON_WORDS = Set.of(
            "street", "st", "square", "avenue", "road", "boulevard", "park", "garden", "gardens", "memorial",
            "airport", "station", "bridge", "hall", "tower", "building", "center", "centre", "river", "lake",
            "mountain", "island", "islands", "county", "city", "valley", "beach", "hotel", "stadium", "arena",
            "prize", "award", "awards", "act", "law", "plan", "doctrine", "day", "house", "hospital", "museum",
            "library", "church", "cathedral", "foundation", "institute", "university", "college", "school", "company",
            "group", "monitor", "times", "post", "journal", "news", "show", "festival", "trophy", "cup", "democrats",
            "republicans", "party", "police", "department", "ministry", "office", "court", "council", "committee",
            "agency", "authority", "service", "image", "photo", "caption", "copyright", "tv", "radio", "channel");

    /** The persons in one sentence's tokens, as token spans. */
    public List<EntityRecognizer.Found> find(String[] tokens) {
        List<EntityRecognizer.Found> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            int start = nameStart(tokens, i);
            if (start < 0) {
                i++;
                continue;
            }
            int end = nameEnd(tokens, start);
            boolean afterTitle = start > i;
            if (end >= start && (afterTitle || end > start) && isPerson(tokens, start, end)) {
                found.add(new EntityRecognizer.Found(start, end, "PER", 1.0));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Where a name cued at token {@code i} begins: after a title (and its full stop), at a given name; else −1. */
    private int nameStart(String[] tokens, int i) {
        if (isTitle(tokens[i])) {
            int next = i + 1 < tokens.length && tokens[i + 1].equals(".") ? i + 2 : i + 1;
            return next < tokens.length && isNameWord(tokens[next]) ? next : -1;
        }
        return givenNames.contains(tokens[i]) && isNameWord(tokens[i]) ? i : -1;
    }

    /** A title, with or without its full stop ("Mr", "Mr."): tokenizers differ in splitting it off. */
    private static boolean isTitle(String token) {
        return TITLES.contains(withoutFullStop(token));
    }

    private static String withoutFullStop(String token) {
        return token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
    }

    /** The last token of the capitalised run from {@code start}: name words, initials, particles and suffixes. */
    private static int nameEnd(String[] tokens, int start) {
        int end = start;
        if (isPossessive(tokens[start])) {
            return start;
        }
        int j = start + 1;
        while (j < tokens.length) {
            if (isInitial(tokens, j)) {
                j += 2; // "J" "."
                continue;
            }
            boolean particle = PARTICLES.contains(tokens[j]) && j + 1 < tokens.length && isNameWord(tokens[j + 1]);
            if (particle) {
                j++;
                continue;
            }
            if (isNameWord(tokens[j]) || SUFFIXES.contains(withoutFullStop(tokens[j]))) {
                end = j;
                j++;
                if (isPossessive(tokens[end])) {
                    break;
                }
                continue;
            }
            break;
        }
        return end;
    }

    /** A single capital letter followed by its full stop, inside a name ("John J. Parker"). */
    private static boolean isInitial(String[] tokens, int j) {
        return j + 2 < tokens.length && tokens[j].length() == 1 && Character.isUpperCase(tokens[j].charAt(0))
                && tokens[j + 1].equals(".") && isNameWord(tokens[j + 2]);
    }

    /** A capitalised word that may be part of a name: not all capitals, not a function word, day, month or title. */
    static boolean isNameWord(String token) {
        String word = withoutPossessive(token);
        if (word.length() < 2 || !Character.isUpperCase(word.codePointAt(0)) || NOT_NAMES.contains(word)
                || isTitle(word) || word.equals(word.toUpperCase(Locale.ROOT))) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '’') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPerson(String[] tokens, int start, int end) {
        for (int i = start; i <= end; i++) {
            if (NON_PERSON_WORDS.contains(withoutPossessive(tokens[i]).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return !NameCues.isOrganisationWord(withoutPossessive(tokens[end]));
    }

    private static boolean isPossessive(String token) {
        return EntityCatalogue.withoutPossessive(token, 0, token.length()) < token.length();
    }

    private static String withoutPossessive(String token) {
        return token.substring(0, EntityCatalogue.withoutPossessive(token, 0, token.length()));
    }
}
