package org.cadre.roster;

import org.cadre.curriculum.fixtures.RuleCatalogue;
import org.cadre.roster.pool.PoolRefusal;
import org.junit.jupiter.api.Test;

class RulesCatalogueTest {

    @Test
    void docs_rules_md_lists_every_event_rule_with_its_severity_meaning_and_test() throws Exception {
        RuleCatalogue.assertCatalogues(EventRule.all(), "org.cadre.roster");
    }

    @Test
    void docs_rules_md_lists_every_certification_reason() throws Exception {
        RuleCatalogue.assertCatalogues(CertificationReason.all(), "org.cadre.roster");
    }

    @Test
    void docs_rules_md_lists_every_trainer_pool_refusal() throws Exception {
        RuleCatalogue.assertCatalogues(PoolRefusal.all(), "org.cadre.roster");
    }

    @Test
    void docs_rules_md_lists_every_event_command_finding() throws Exception {
        RuleCatalogue.assertCatalogues(RosterCommand.all(), "org.cadre.roster");
    }
}
