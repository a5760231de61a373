package org.cadre.roster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.cadre.curriculum.fixtures.DomainPurity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** roster-core reads no clock, does no I/O and ignores the default locale. */
class DomainPurityTest {

    static final List<ArchRule> RULES = DomainPurity.rules();
    private static final JavaClasses CLASSES = DomainPurity.mainClassesOf("org.cadre.roster");

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULES")
    void main_code_keeps_the_rule(ArchRule rule) {
        rule.check(CLASSES);
    }
}
