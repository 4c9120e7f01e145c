package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonCueFinderTest {
    private final PersonCueFinder finder = new PersonCueFinder(Set.of("Kenneth", "Debbie", "John", "Ludwig", "Hillary",
            "Lincoln", "Christian", "Robert", "Metropolitan", "JK"));

    /** The found names as the tokens they cover, joined by spaces. */
    private List<String> names(String sentence) {
        String[] tokens = sentence.split(" ");
        return finder.find(tokens).stream()
                .map(f -> String.join(" ", List.of(tokens).subList(f.firstToken(), f.lastToken() + 1))).toList();
    }

    @Test
    void aGivenNameStartsARunOfCapitalisedWords() {
        assertEquals(List.of("Kenneth Feld", "Debbie Wasserman Schultz"),
                names("Kenneth Feld met Debbie Wasserman Schultz in Philadelphia ."));
    }

    @Test
    void aTitleCuesTheNameAfterIt() {
        assertEquals(List.of("Manafort", "Ted Cruz", "Obama"),
                names("Mr . Manafort , Sen . Ted Cruz and President Obama spoke ."));
        assertEquals(List.of("Patrick"), names("Dr. Patrick spoke ."), "a title may keep its full stop");
    }

    @Test
    void initialsParticlesAndSuffixesStayInsideTheName() {
        assertEquals(List.of("John J . Parker", "Ludwig van Beethoven", "Robert Kennedy Jr"),
                names("John J . Parker played Ludwig van Beethoven for Robert Kennedy Jr ."));
    }

    @Test
    void aPossessiveEndsTheName() {
        assertEquals(List.of("Hillary Clinton’s", "Trump's"), names("Hillary Clinton’s aides met Mr . Trump's lawyers ."));
    }

    @Test
    void givenNamesAloneDaysPlacesAndInstitutionsAreNotPersons() {
        assertEquals(List.of(), names("Hillary said on Friday that the Lincoln Memorial and Christian Democrats matter ."));
        assertEquals(List.of(), names("Kenneth Friday , The President , and Mr . NATO ."));
        assertEquals(List.of(), names("Image copyright Metropolitan Police Image caption : the JK Wrangler ."));
        assertEquals(List.of(), names("The General Assembly met ."));
    }
}
