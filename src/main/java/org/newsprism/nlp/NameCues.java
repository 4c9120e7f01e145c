package org.newsprism.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word lists that hint at a name nearby, for the entity recogniser's features ({@link NerFeatures}):
 * organisation heads, the words that name the kind of organisation ("Weingärtnergenossenschaft",
 * "Verlag", "Universität", "GmbH", "FC"), and speech words that stand next to a speaker ("sagte
 * Winkler", "so Müller", "Winkler erklärte"). They are hints the model weighs, never rules. Reads no
 * configuration.
 */
public final class NameCues {
    private NameCues() {}

    /** Legal forms and club prefixes, matched exactly (case matters: "AG", not "ag"). */
    private static final Set<String> ORGANISATION_WORDS = Set.of(
            "GmbH", "AG", "KG", "KGaA", "OHG", "GbR", "eG", "e.V.", "eV", "SE", "Inc", "Inc.", "Ltd", "Ltd.", "Corp",
            "Corp.", "Co.", "LLC", "plc", "PLC", "S.A.", "SA", "N.V.", "NV", "Holding", "FC", "SV", "TSV", "VfB",
            "VfL", "TuS", "SC", "SpVgg", "BSC", "FSV", "TSG", "SG", "Union", "Club", "Team", "Partei", "Bank");

    /**
     * Lower-case endings of organisation words, alone ("Verlag") or as the head of a compound
     * ("Weingärtnergenossenschaft", "Landgericht", "Bundesamt"); the word must be capitalised.
     */
    private static final List<String> ORGANISATION_HEADS = List.of(
            "verband", "verbände", "verein", "vereine", "vereinigung", "partei", "bank", "gesellschaft",
            "genossenschaft", "institut", "universität", "hochschule", "akademie", "stiftung", "verlag", "klinik",
            "klinikum", "krankenhaus", "werke", "werk", "gruppe", "konzern", "ministerium", "amt", "behörde",
            "gericht", "rat", "kommission", "theater", "museum", "orchester", "philharmonie", "gymnasium",
            "schule", "club", "klub", "bund", "kammer", "agentur", "zentrale", "zentrum", "center", "fraktion",
            "gewerkschaft", "kirche", "gemeinde", "armee", "polizei", "redaktion", "zeitung", "rundfunk",
            "fernsehen", "sender", "union", "liga", "mannschaft", "betriebe", "unternehmen", "holding",
            "versicherung", "sparkasse", "brauerei", "kaserne", "bibliothek", "archiv", "festival",
            "company", "corporation", "association", "university", "institute", "foundation", "group", "council",
            "committee", "society", "agency", "bureau", "college", "school", "records", "airlines", "motors");

    /** Verbs and words of saying next to a speaker ("sagte Winkler", "so Müller", "Winkler erklärte"). */
    private static final Set<String> SPEECH_WORDS = Set.of(
            "sagte", "sagt", "sagten", "sagen", "erklärte", "erklärt", "erklärten", "betonte", "betont", "meinte",
            "meint", "so", "laut", "berichtete", "berichtet", "ergänzte", "fügte", "kritisierte", "forderte",
            "warnte", "bestätigte", "bestätigt", "räumte", "verwies", "kündigte", "schrieb", "schreibt",
            "sprach", "antwortete", "erläuterte", "unterstrich", "versicherte", "teilte", "erzählte", "glaubt",
            "glaubte", "findet", "fand", "zufolge", "said", "says", "told", "added", "according", "explained",
            "wrote", "stated");

    /** Whether {@code token} names a kind of organisation: a legal form, a club prefix or an organisation head. */
    public static boolean isOrganisationWord(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        if (ORGANISATION_WORDS.contains(token)) {
            return true;
        }
        if (!Character.isUpperCase(token.codePointAt(0))) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (String head : ORGANISATION_HEADS) {
            if (lower.endsWith(head)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code token} is a word of saying that often stands next to a speaker's name. */
    public static boolean isSpeechWord(String token) {
        return token != null && SPEECH_WORDS.contains(token.toLowerCase(Locale.ROOT));
    }
}
