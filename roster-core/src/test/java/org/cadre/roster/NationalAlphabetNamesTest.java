package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cadre.roster.fixtures.SyntheticPeople;
import org.cadre.roster.names.DuplicateCandidate;
import org.cadre.roster.names.DuplicateFinder;
import org.cadre.roster.names.NameKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names written in the national Cyrillic alphabets of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan
 * against the same names as their passports write them in Latin: every letter reaches its usual Latin
 * letter, and every pair is found as a duplicate candidate (which needs the two records in a common
 * block, so the first letters of their words must agree). Every name is fictional.
 */
class NationalAlphabetNamesTest {

    /** Country, the name in its national alphabet, the same name as a passport writes it. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                // Kazakh: Ә Ғ Қ Ң Ө Ұ Ү Һ І
                Arguments.of("KZ", "Нұрлан Әбілқасымов", "Nurlan Abilkasymov"),
                Arguments.of("KZ", "Қайрат Жұмабаев", "Kairat Zhumabayev"),
                Arguments.of("KZ", "Әсел Серікқызы", "Asel Serikkyzy"),
                Arguments.of("KZ", "Ғалымжан Өтегенов", "Galymzhan Otegenov"),
                Arguments.of("KZ", "Үміт Тілеуова", "Umit Tileuova"),
                Arguments.of("KZ", "Айгерім Нұрғалиева", "Aigerim Nurgaliyeva"),
                Arguments.of("KZ", "Ерғали Қожахметов", "Yergali Kozhakhmetov"),
                Arguments.of("KZ", "Іңкәр Сәрсенбай", "Inkar Sarsenbai"),
                Arguments.of("KZ", "Шыңғыс Әуезов", "Shyngys Auezov"),
                Arguments.of("KZ", "Ғабит Һадиев", "Gabit Hadiyev"),
                Arguments.of("KZ", "Жәнібек Мұқанов", "Zhanibek Mukanov"),
                // Kyrgyz: Ң Ө Ү
                Arguments.of("KG", "Айгүл Өмүрбекова", "Aigul Omurbekova"),
                Arguments.of("KG", "Мээрим Түгөлбаева", "Meerim Tugolbaeva"),
                Arguments.of("KG", "Чыңгыз Жээнбеков", "Chyngyz Jeenbekov"),
                Arguments.of("KG", "Бакыт Төрөбаев", "Bakyt Torobaev"),
                Arguments.of("KG", "Гүлнара Сыдыкова", "Gulnara Sydykova"),
                // Tajik: Ғ Ӣ Қ Ӯ Ҳ Ҷ
                Arguments.of("TJ", "Ҷамшед Ҳасанов", "Jamshed Hasanov"),
                Arguments.of("TJ", "Ҷамшед Ҳасанов", "Dzhamshed Khasanov"),
                Arguments.of("TJ", "Фирӯза Ҷӯраева", "Firuza Juraeva"),
                Arguments.of("TJ", "Ғафур Қодиров", "Ghafur Qodirov"),
                Arguments.of("TJ", "Зарина Раҳимӣ", "Zarina Rahimi"),
                Arguments.of("TJ", "Шӯҳрат Назаров", "Shuhrat Nazarov"),
                Arguments.of("TJ", "Мирзоҷон Ҳакимов", "Mirzojon Hakimov"),
                Arguments.of("TJ", "Нилуфар Ҷалолова", "Nilufar Jalolova"),
                // Uzbek Cyrillic: Ў Қ Ғ Ҳ, and the Uzbek Latin of Х (x) and Ж (j)
                Arguments.of("UZ", "Ўткир Қодиров", "O'tkir Qodirov"),
                Arguments.of("UZ", "Ғайрат Ўринов", "G'ayrat O'rinov"),
                Arguments.of("UZ", "Хуршид Ҳамидов", "Xurshid Hamidov"),
                Arguments.of("UZ", "Дилноза Тўхтаева", "Dilnoza To'xtayeva"),
                Arguments.of("UZ", "Жасур Ёқубов", "Jasur Yoqubov"),
                Arguments.of("UZ", "Шоҳжаҳон Эргашев", "Shohjahon Ergashev"),
                Arguments.of("UZ", "Нодира Ғуломова", "Nodira G'ulomova"),
                Arguments.of("UZ", "Улуғбек Сўфиев", "Ulug'bek So'fiyev"));
    }

    private static Person person(String id, String country, String nativeName, String latinName) {
        Person.Builder b = Person.builder(id, Country.of(country));
        return (nativeName != null ? b.nativeName(nativeName) : b.latinName(latinName)).build();
    }

    @ParameterizedTest(name = "{1} / {2}")
    @MethodSource("pairs")
    void a_name_in_its_national_alphabet_is_found_against_its_passport_spelling(String country, String nativeName, String latinName) {
        Person a = person("a", country, nativeName, null);
        Person b = person("b", country, null, latinName);

        assertThat(NameKey.of(nativeName).tokens()).as("the same words").isEqualTo(NameKey.of(latinName).tokens());
        // Candidates are compared only within a block, so finding the pair proves they share one.
        assertThat(DuplicateFinder.candidates(List.of(a, b))).extracting(DuplicateCandidate::score).containsExactly(1.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void every_pair_is_found_among_a_thousand_other_people(long seed) {
        List<Person> people = new ArrayList<>(SyntheticPeople.people(seed, 1_000));
        List<Arguments> all = pairs().toList();
        for (int i = 0; i < all.size(); i++) {
            Object[] p = all.get(i).get();
            people.add(person("n" + i, (String) p[0], (String) p[1], null));
            people.add(person("l" + i, (String) p[0], null, (String) p[2]));
        }
        java.util.Collections.shuffle(people, new java.util.Random(seed));

        Set<String> found = DuplicateFinder.candidates(people).stream().map(c -> c.first() + "/" + c.second()).collect(Collectors.toSet());

        for (int i = 0; i < all.size(); i++) {
            assertThat(found).as("seed %d: %s", seed, all.get(i).get()[1]).contains("l" + i + "/n" + i);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // Kazakh
        "Әба, aba", "әба, aba", "Ғба, gba", "ғба, gba", "Қба, kba", "қба, kba", "Ңба, nba", "ңба, nba", "Өба, oba", "өба, oba",
        "Ұба, uba", "ұба, uba", "Үба, uba", "үба, uba", "Һба, hba", "һба, hba", "Іба, iba", "іба, iba",
        // Tajik
        "Ҷба, zba", "ҷба, zba", "Ҳба, hba", "ҳба, hba", "Ӣба, iba", "ӣба, iba", "Ӯба, uba", "ӯба, uba",
        // Uzbek
        "Ўба, oba", "ўба, oba", "Ёқуб, okub",
        // Ж, Ҷ and Дж as Uzbek and Kyrgyz passports write them (j) and as "zh", "dzh" and ICU write them; Й as y
        "Жба, zba", "Zhba, zba", "Dzhba, zba", "Djba, zba", "Jba, zba", "Джба, zba", "Йба, iba", "Yba, iba",
    })
    void every_letter_of_the_national_alphabets_becomes_its_usual_latin_letter(String word, String token) {
        assertThat(NameKey.of(word).tokens()).containsExactly(token);
    }
}
