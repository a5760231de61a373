package org.cadre.curriculum;

import org.cadre.curriculum.fixtures.RuleCatalogue;
import org.junit.jupiter.api.Test;

class RulesCatalogueTest {

    @Test
    void docs_rules_md_lists_every_curriculum_rule_with_its_severity_meaning_and_test() throws Exception {
        RuleCatalogue.assertCatalogues(CurriculumRule.all(), "org.cadre.curriculum");
    }
}
