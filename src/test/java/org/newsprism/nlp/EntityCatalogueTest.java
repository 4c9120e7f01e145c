package org.newsprism.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsprism.config.ConfigLoader;
import org.newsprism.config.InvalidSettingsException;

class EntityCatalogueTest {
    private static final String HEADER = "id\ttype\tname\taliases\tderived";

    private static EntityCatalogue of(String... rows) {
        List<String> lines = new java.util.ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        return new EntityCatalogue(EntityCatalogue.parse("test.tsv", lines));
    }

    @Test
    void shippedCatalogueLoadsWithTheSeedEntities() {
        EntityCatalogue catalogue = EntityCatalogue.load(ConfigLoader.defaults().config().nlp().entities().catalogue());
        List<String> ids = catalogue.entities().stream().map(Entity::id).toList();
        for (String id : List.of("vladimir-putin", "volodymyr-zelensky", "donald-trump", "steve-witkoff", "friedrich-merz",
                "ursula-von-der-leyen", "mark-rutte", "ukraine", "russia", "united-states", "nato", "european-union",
                "alaska", "washington-dc", "brussels", "istanbul", "kyiv", "moscow", "cnn", "fox-news")) {
            assertTrue(ids.contains(id), id);
        }
    }

    @Test
    void shippedGivenNamesAndPlacesLoadWithoutOrdinaryWords() {
        var entities = ConfigLoader.defaults().config().nlp().entities();
        EntityCatalogue catalogue = EntityCatalogue.load(entities.catalogue(), entities.givenNames());
        // the list alone: the catalogue's persons add their first words (Mark Rutte brings "Mark")
        java.util.Set<String> given = EntityCatalogue.load(List.of(), entities.givenNames()).givenNames();
        for (String name : List.of("Angelika", "Wolodymyr", "Sergej", "Mehmet", "Giuseppe", "Małgorzata", "Frank")) {
            assertTrue(given.contains(name), name);
        }
        for (String word : List.of("Mark", "Will", "August", "Juli", "Nur", "Roman", "Paris", "Grant", "Hope")) {
            assertFalse(given.contains(word), word);
        }
        Map<String, EntityCatalogue.SurfaceForm> forms = catalogue.surfaceForms(true, false);
        assertEquals("geo-de-luneburg", catalogue.entities().get(forms.get("Lüneburg").target().entityIndex()).id());
        assertTrue(forms.containsKey("Lüneburgs"));
        for (String word : List.of("Mitte", "Wetter", "Weil", "Brand", "Roth", "Wolken")) {
            assertFalse(forms.containsKey(word), word + " is an ordinary word or a surname, not a place");
        }
    }

    @Test
    void givenNameListsSkipCommentsAndBlankLinesAndMissingFilesFail() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("given", ".txt");
        try {
            java.nio.file.Files.writeString(file, "# comment\n\n  Anna \nJürgen\n");
            EntityCatalogue catalogue = EntityCatalogue.load(List.of(), List.of(file.toString()));
            assertEquals(java.util.Set.of("Anna", "Jürgen"), catalogue.givenNames());
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThrows(InvalidSettingsException.class,
                () -> EntityCatalogue.load(List.of(), List.of("/nonexistent/given-names.txt")));
    }

    @Test
    void surfaceFormsIncludeGenitivesAndCapitalisedDerivedForms() {
        Map<String, EntityCatalogue.SurfaceForm> forms = of(
                "vladimir-putin\tPER\tVladimir Putin\tWladimir Putin|Putin\t",
                "russia\tLOC\tRussia\tRussland|USA\trussische|Russen").surfaceForms(true, false);
        assertTrue(forms.containsKey("Putins"));
        assertTrue(forms.containsKey("Wladimir Putins"));
        assertTrue(forms.containsKey("Russlands"));
        assertFalse(forms.containsKey("USAs"), "acronyms take no genitive s");
        assertTrue(forms.get("Russische").target().derived());
        assertFalse(forms.get("Russland").target().derived());
        assertFalse(of("x\tPER\tX\tPutin\t").surfaceForms(false, false).containsKey("Putins"));
    }

    @Test
    void possessiveFormsAreGeneratedOnRequestAndEndBeforeTheirApostrophe() {
        EntityCatalogue catalogue = of("donald-trump\tPER\tDonald Trump\tDonald Trump|Trump\t",
                "mcdonalds\tORG\tMcDonald's\tMcDonald's\t");
        Map<String, EntityCatalogue.SurfaceForm> forms = catalogue.surfaceForms(false, true);
        assertTrue(forms.containsKey("Trump's"));
        assertTrue(forms.containsKey("Donald Trump\u2019s"));
        assertEquals("McDonald's", forms.get("McDonald's").text(), "an explicit alias is no generated possessive");
        assertFalse(catalogue.surfaceForms(false, false).containsKey("Trump's"));
        assertEquals(5, EntityCatalogue.withoutPossessive("Trump's", 0, 7));
        assertEquals(5, EntityCatalogue.withoutPossessive("Trump\u2019s", 0, 7));
        assertEquals(6, EntityCatalogue.withoutPossessive("Trumps", 0, 6));
    }

    @Test
    void explicitAliasesWinOverGeneratedFormsAndLaterEntitiesWinClashes() {
        EntityCatalogue catalogue = of(
                "hans\tPER\tHans\tHan\t",
                "hans-family\tORG\tHans Family\tHans\t",
                "a\tORG\tA\tShared\t",
                "b\tORG\tB\tShared\t");
        Map<String, EntityCatalogue.SurfaceForm> forms = catalogue.surfaceForms(true, false);
        assertEquals("hans-family", catalogue.entities().get(forms.get("Hans").target().entityIndex()).id());
        assertEquals("b", catalogue.entities().get(forms.get("Shared").target().entityIndex()).id());
    }

    @Test
    void keysTreatHyphensAndSpacesAlike() {
        assertEquals("EU Kommission", EntityCatalogue.key("EU-Kommission"));
        assertEquals("EU Kommission", EntityCatalogue.key(" EU  Kommission "));
    }

    @Test
    void malformedRowsNameFileLineAndRule() {
        assertEquals("nlp.entities.catalogue = test.tsv line 2: type PERSON must be one of PER, ORG, LOC, MISC",
                assertThrows(InvalidSettingsException.class, () -> of("x\tPERSON\tX\tX\t")).getMessage());
        assertEquals("nlp.entities.catalogue = test.tsv line 2: expected 5 tab-separated columns, found 3",
                assertThrows(InvalidSettingsException.class, () -> of("x\tPER\tX")).getMessage());
        assertEquals("nlp.entities.catalogue = test.tsv line 2: id Bad Id must match [a-z0-9][a-z0-9-]*",
                assertThrows(InvalidSettingsException.class, () -> of("Bad Id\tPER\tX\tX\t")).getMessage());
        assertTrue(assertThrows(InvalidSettingsException.class,
                () -> EntityCatalogue.parse("t.tsv", List.of("wrong header"))).getMessage().contains("header"));
    }
}
