package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every word of the pages exists in every language, with the same placeholders. */
class MessagesTest {

    @Test
    void every_language_has_every_key() {
        for (String lang : Messages.LANGUAGES) {
            assertThat(Messages.of(lang).texts().keySet()).as(lang).isEqualTo(Messages.of("en").texts().keySet());
        }
    }

    @Test
    void a_text_and_its_translation_take_the_same_arguments() {
        Pattern argument = Pattern.compile("\\{(\\d)");
        Messages en = Messages.of("en");
        for (String lang : Messages.LANGUAGES) {
            Messages other = Messages.of(lang);
            en.texts().forEach((key, text) -> assertThat(arguments(argument, other.texts().get(key))).as(lang + " " + key)
                    .isEqualTo(arguments(argument, text)));
        }
    }

    /** Every sex a record may hold is said in words on a person's page and a pair of likely duplicates (not "not-recorded"). */
    @Test
    void every_sex_has_its_words_in_every_language() {
        for (String lang : Messages.LANGUAGES) {
            for (org.cadre.roster.Sex sex : org.cadre.roster.Sex.values()) {
                assertThat(Messages.of(lang).texts()).as(lang + " " + sex).containsKey("sex." + org.cadre.documents.Labels.of(sex));
            }
        }
    }

    private static java.util.Set<String> arguments(Pattern p, String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
