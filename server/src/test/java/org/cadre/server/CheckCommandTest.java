package org.cadre.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CheckCommandTest {

    @Test
    void check_demo_prints_both_versions_clean_and_the_revision_diff_and_exits_zero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Cadre.run(new PrintWriter(out), new PrintWriter(err), "check", "--demo");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Countering Migrants Smuggling 1.0.0: 3 modules, 14 sessions, 6 outcomes, 24.0 contact hours")
                .contains("+ session M2.S7")
                .doesNotContain("ERROR");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void check_without_a_subject_is_a_usage_error() {
        StringWriter err = new StringWriter();

        int exit = Cadre.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "check");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--demo'");
    }
}
