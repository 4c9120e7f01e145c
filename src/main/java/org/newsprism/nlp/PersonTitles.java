package org.newsprism.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Titles, offices and roles that stand before a person's name but are not part of it ("Präsident
 * Harald Strutz", "Kremlchef Wladimir Putin", "Miss Parker", "Löwen-Keeper Hofmann"). The recogniser
 * sometimes includes them in a person span; {@link ArticleAnnotator} trims them off, so the mention is
 * the name alone (as in GermEval's annotation rules) and one person keeps one id.
 *
 * <p>A token is a title when it is one of a fixed list of words (honorifics, nobility, clergy, ranks,
 * offices) or a compound ending in an office word ("Bundeskanzler", "Außenministerin", "Kremlchef",
 * "Regierungssprecher", "EU-Kommissarin"). Case matters: only capitalised words count. Reads no
 * configuration.
 */
public final class PersonTitles {
    private PersonTitles() {}

    private static final Set<String> WORDS = Set.of(
            "Herr", "Herrn", "Frau", "Dr", "Dr.", "Prof", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss",
            "Sir", "Dame", "Lady", "Lord", "Monsieur", "Madame", "Signor", "Señor", "Don",
            "Kaiser", "Kaiserin", "König", "Königin", "Prinz", "Prinzessin", "Kronprinz", "Kronprinzessin",
            "Fürst", "Fürstin", "Graf", "Gräfin", "Freiherr", "Baron", "Baronin", "Zar", "Zarin", "Sultan", "Emir",
            "Scheich", "Papst", "Kardinal", "Bischof", "Erzbischof", "Pfarrer", "Pfarrerin", "Pastor", "Pastorin",
            "Abt", "Äbtissin", "Imam", "Rabbiner", "Ayatollah", "Pater", "Bruder", "Schwester",
            "General", "Generalin", "Oberst", "Major", "Hauptmann", "Leutnant", "Admiral", "Feldmarschall",
            "Präsident", "Präsidentin", "Kanzler", "Kanzlerin", "Premier", "Premierministerin", "Premierminister",
            "Minister", "Ministerin", "Senator", "Senatorin", "Gouverneur", "Gouverneurin", "Bürgermeister",
            "Bürgermeisterin", "Oberbürgermeister", "Oberbürgermeisterin", "Landrat", "Landrätin", "Abgeordnete",
            "Abgeordneter", "Botschafter", "Botschafterin", "Sondergesandter", "Sondergesandte", "Gesandter",
            "Diktator", "Machthaber", "Staatschef", "Staatschefin", "Regierungschef", "Regierungschefin",
            "Vorsitzende", "Vorsitzender", "Sprecher", "Sprecherin", "Direktor", "Direktorin", "Generaldirektor",
            "Intendant", "Intendantin", "Chef", "Chefin", "CEO", "CFO", "Gründer", "Gründerin", "Trainer",
            "Trainerin", "Coach", "Kapitän", "Kapitänin", "Stürmer", "Stürmerin", "Torwart", "Torhüterin",
            "Torhüter", "Keeper", "Verteidiger", "Mittelfeldspieler", "Richter", "Richterin", "Staatsanwalt",
            "Staatsanwältin", "Anwalt", "Anwältin", "Kommissar", "Kommissarin", "Professor", "Professorin",
            "Autor", "Autorin", "Regisseur", "Regisseurin", "Sänger", "Sängerin", "Schauspieler", "Schauspielerin",
            "Kollege", "Kollegin", "Parteifreund", "Parteifreundin", "Weltmeister", "Weltmeisterin", "Olympiasieger",
            "Olympiasiegerin");

    /** Endings of compound office words: "Bundeskanzler", "Kremlchef", "Außenministerin". */
    private static final List<String> ENDINGS = List.of(
            "kanzler", "kanzlerin", "präsident", "präsidentin", "minister", "ministerin", "chef", "chefin",
            "sprecher", "sprecherin", "vorsitzende", "vorsitzender", "kommissar", "kommissarin", "gesandter",
            "gesandte", "bürgermeister", "bürgermeisterin", "direktor", "direktorin", "trainer", "trainerin",
            "keeper", "torwart", "kapitän", "senator", "senatorin", "sekretär", "sekretärin", "beauftragte",
            "beauftragter", "manager", "managerin");

    /** Whether {@code token} is a title, office or role word (not part of a name). */
    public static boolean isTitle(String token) {
        if (token == null || token.isEmpty() || !Character.isUpperCase(token.codePointAt(0))) {
            return false;
        }
        if (WORDS.contains(token)) {
            return true;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (String ending : ENDINGS) {
            // a compound: something before the office word ("Bundes" + "kanzler", "Löwen-" + "keeper")
            if (lower.length() > ending.length() + 2 && lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
