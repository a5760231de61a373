package org.cadre.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static final Finding WARNING = new Finding(Severity.WARNING, "curriculum.module-without-sessions", "m/M4", "has no sessions");
    private static final Finding ERROR_B = new Finding(Severity.ERROR, "curriculum.outcome-not-taught", "o/LO7", "no session covers it");
    private static final Finding ERROR_A = new Finding(Severity.ERROR, "curriculum.duplicate-code", "s/S1", "used twice");

    @Test
    void findings_are_ordered_errors_first_then_by_code() {
        assertThat(Findings.of(WARNING, ERROR_B, ERROR_A).all()).containsExactly(ERROR_A, ERROR_B, WARNING);
    }

    @Test
    void errors_are_told_apart_from_warnings() {
        Findings findings = Findings.of(WARNING, ERROR_B);

        assertThat(findings.hasErrors()).isTrue();
        assertThat(findings.errors()).containsExactly(ERROR_B);
        assertThat(Findings.of(WARNING).hasErrors()).isFalse();
    }

    @Test
    void findings_print_one_per_line() {
        assertThat(Findings.of(WARNING, ERROR_A)).hasToString(
                "ERROR curriculum.duplicate-code s/S1: used twice\n"
                        + "WARNING curriculum.module-without-sessions m/M4: has no sessions");
        assertThat(Findings.none()).hasToString("no findings");
    }

    @Test
    void a_rule_check_collects_every_violation_with_the_rules_code_and_severity() {
        Rule<List<Integer>> positive = new Rule<>() {
            public String code() { return "test.negative-number"; }
            public Severity severity() { return Severity.ERROR; }
            public String meaning() { return "Numbers are not negative."; }
            public void check(List<Integer> in, Report report) {
                in.stream().filter(i -> i < 0).forEach(i -> report.finding("number/" + i, "is negative"));
            }
        };

        Findings findings = Rule.checkAll(List.of(positive), List.of(3, -1, 4, -5));

        assertThat(findings.all()).extracting(Finding::subject).containsExactly("number/-1", "number/-5");
        assertThat(findings.codes()).containsExactly("test.negative-number");
    }

    @Test
    void a_finding_needs_a_well_formed_code_and_text() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Finding(Severity.ERROR, "No Code", "s", "m"))
                .withMessageContaining("code must look like 'area.rule-name'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Finding(Severity.ERROR, "a.b", " ", "m"))
                .withMessage("subject must not be blank");
    }
}
