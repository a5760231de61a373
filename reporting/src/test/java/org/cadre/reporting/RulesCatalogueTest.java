package org.cadre.reporting;

import org.cadre.curriculum.fixtures.RuleCatalogue;
import org.junit.jupiter.api.Test;

class RulesCatalogueTest {

    @Test
    void docs_rules_md_lists_every_report_period_refusal() throws Exception {
        RuleCatalogue.assertCatalogues(PeriodRefusal.all(), "org.cadre.reporting");
    }
}
