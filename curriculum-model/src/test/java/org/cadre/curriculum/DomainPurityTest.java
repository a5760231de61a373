package org.cadre.curriculum;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.time.LocalDate;
import java.util.List;
import org.cadre.curriculum.fixtures.DomainPurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** curriculum-model reads no clock, does no I/O and ignores the default locale. */
class DomainPurityTest {

    static final List<ArchRule> RULES = DomainPurity.rules();
    private static final JavaClasses CLASSES = DomainPurity.mainClassesOf("org.cadre");

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULES")
    void main_code_keeps_the_rule(ArchRule rule) {
        rule.check(CLASSES);
    }

    @Test
    void the_rules_catch_a_class_that_reads_the_clock_writes_a_file_and_lowercases_by_default_locale() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);

        for (ArchRule rule : RULES) {
            assertThatThrownBy(() -> rule.check(offender)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }

    /** Breaks every purity rule once. */
    static final class Offender {
        static String today() throws java.io.IOException {
            java.nio.file.Files.writeString(java.nio.file.Path.of("x"), "y");
            return LocalDate.now().toString().toLowerCase();
        }
    }
}
