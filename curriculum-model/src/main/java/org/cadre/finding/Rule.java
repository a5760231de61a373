package org.cadre.finding;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A named business rule over some input {@code T}: a stable code, a severity, a one-line meaning in
 * domain words, and the logic. Modules list their rules in one enum (for example
 * {@code CurriculumRule}) so that the catalogue in {@code docs/rules.md} can be checked against code.
 *
 * @param <T> what the rule looks at
 */
public interface Rule<T> extends RuleInfo {

    /**
     * Reports every violation in {@code input}; reports nothing when the rule holds.
     *
     * @param input what the rule looks at
     * @param report where each violation goes
     */
    void check(T input, Report report);

    /** Where a rule reports what it found; the code and severity come from the rule itself. */
    @FunctionalInterface
    interface Report {
        /**
         * Reports one violation.
         *
         * @param subject what it is about, such as {@code event/tot-almaty-2023/person/p-kz-01}
         * @param message for a person: what is wrong
         */
        void finding(String subject, String message);
    }

    /**
     * Runs every rule on the input and returns all findings together.
     *
     * @param <T> what the rules look at
     * @param rules the rules, such as {@code CurriculumRule.all()}
     * @param input what they look at
     * @return every finding of every rule, in {@link Finding#ORDER}
     */
    static <T> Findings checkAll(List<? extends Rule<? super T>> rules, T input) {
        ImmutableList.Builder<Finding> found = ImmutableList.builder();
        for (Rule<? super T> rule : rules) {
            rule.check(input, (subject, message) -> found.add(rule.finding(subject, message)));
        }
        return Findings.copyOf(found.build());
    }
}
