package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * {@link Person#toString} is written out for speed, and must stay the record's usual text: the audit log holds it
 * for every person created. Compared with that text built from the record's components, over seeded people with
 * every optional value present or absent.
 */
class PersonTextTest {

    /** What a record's own {@code toString} gives: {@code Name[a=..., b=...]}, each component's own text. */
    private static String recordText(Record r) throws Exception {
        StringJoiner parts = new StringJoiner(", ", r.getClass().getSimpleName() + "[", "]");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            parts.add(c.getName() + "=" + c.getAccessor().invoke(r));
        }
        return parts.toString();
    }

    @Test
    void the_text_is_the_records_usual_one_for_every_shape_of_person() throws Exception {
        Random rnd = new Random(20231023L);
        Country[] countries = {Country.KAZAKHSTAN, Country.of("TJ"), Country.of("UZ"), Country.of("KG")};
        for (int i = 0; i < 500; i++) {
            Person.Builder b = Person.builder("p-" + i, countries[rnd.nextInt(countries.length)]).sex(Sex.values()[rnd.nextInt(Sex.values().length)]);
            int shape = rnd.nextInt(3);
            if (shape != 1) {
                b.nativeName("Айгүл Сәрсенбаева " + i);
            }
            if (shape != 0) {
                b.latinName("Aigul Sarsenbayeva " + i);
            }
            if (rnd.nextBoolean()) {
                b.organisation(OrganisationId.of("org-" + rnd.nextInt(5)));
            }
            if (rnd.nextBoolean()) {
                b.rank("Captain");
            }
            Person p = b.build();

            assertThat(p.toString()).isEqualTo(recordText(p));
        }
    }
}
