package org.cadre.curriculum;

import static org.cadre.finding.Severity.ERROR;
import static org.cadre.finding.Severity.WARNING;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cadre.curriculum.SemanticVersion.Bump;
import org.cadre.finding.Rule;
import org.cadre.finding.RuleInfo;
import org.cadre.finding.Severity;

/**
 * Every rule a Training Support Package is checked against, in one place. Each constant's code is
 * stable and catalogued in {@code docs/rules.md}.
 */
public enum CurriculumRule implements Rule<CurriculumCheck>, RuleInfo.Specified {

    /** Codes of competences, outcomes, modules, sessions and assessment items are unique. */
    DUPLICATE_CODE("curriculum.duplicate-code", ERROR,
            "Two competences, outcomes, modules, sessions or assessment items share a code.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Curriculum c = in.curriculum();
            duplicates(in, "competence", c.competences().stream().map(Competence::code), report);
            duplicates(in, "outcome", c.outcomes().stream().map(LearningOutcome::code), report);
            duplicates(in, "module", c.modules().stream().map(Module::code), report);
            duplicates(in, "session", c.sessions().map(Session::code), report);
            duplicates(in, "item", c.assessment().items().stream().map(AssessmentItem::code), report);
        }

        private void duplicates(CurriculumCheck in, String kind, Stream<?> codes, Report report) {
            Map<Object, Long> counts = codes.collect(Collectors.groupingBy(Function.identity(),
                    java.util.LinkedHashMap::new, Collectors.counting()));
            counts.forEach((code, n) -> {
                if (n > 1) {
                    report.finding(in.subject(kind, code), "the " + kind + " code '" + code + "' is used " + n + " times");
                }
            });
        }
    },

    /** Competences, modules, sessions and assessment items refer only to outcomes the package defines. */
    UNKNOWN_OUTCOME("curriculum.unknown-outcome", ERROR,
            "A competence, module, session or assessment item refers to a learning outcome the package does not define.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Curriculum c = in.curriculum();
            c.competences().forEach(k -> unknown(in, "competence", k.code(), k.outcomes(), report));
            c.modules().forEach(m -> unknown(in, "module", m.code(), m.outcomes(), report));
            in.sessions().forEach(s -> unknown(in, "session", s.code(), s.outcomes(), report));
            c.assessment().items().forEach(i -> unknown(in, "item", i.code(), i.outcomes(), report));
        }

        private void unknown(CurriculumCheck in, String kind, Object code, Set<OutcomeCode> refs, Report report) {
            for (OutcomeCode ref : refs) {
                if (!in.definedOutcomes().contains(ref)) {
                    report.finding(in.subject(kind, code), "refers to outcome '" + ref + "', which the package does not define");
                }
            }
        }
    },

    /** Module prerequisites name modules of the same package. */
    UNKNOWN_PREREQUISITE("curriculum.unknown-prerequisite", ERROR,
            "A module lists a prerequisite module the package does not contain.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            for (Module m : in.curriculum().modules()) {
                for (ModuleCode p : m.prerequisites()) {
                    if (!in.modulesByCode().containsKey(p)) {
                        report.finding(in.subject("module", m.code()), "prerequisite '" + p + "' is not a module of this package");
                    }
                }
            }
        }
    },

    /** Module prerequisites form no cycle; the finding names the cycle in order. */
    PREREQUISITE_CYCLE("curriculum.prerequisite-cycle", ERROR,
            "Module prerequisites form a cycle, so no module in it can ever be taken first.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            for (List<ModuleCode> cycle : PrerequisiteCycles.find(in.modulesByCode())) {
                String path = cycle.stream().map(ModuleCode::value).collect(Collectors.joining(" -> "))
                        + " -> " + cycle.get(0);
                report.finding(in.subject("module", cycle.get(0)), "prerequisites form a cycle: " + path);
            }
        }
    },

    /** Every learning outcome is covered by at least one session. */
    OUTCOME_NOT_TAUGHT("curriculum.outcome-not-taught", ERROR,
            "A learning outcome is covered by no session.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Set<OutcomeCode> taught = in.sessions().flatMap(s -> s.outcomes().stream()).collect(Collectors.toSet());
            in.curriculum().outcomes().stream().filter(o -> !taught.contains(o.code())).forEach(o ->
                    report.finding(in.subject("outcome", o.code()), "no session covers this outcome"));
        }
    },

    /** Every learning outcome is assessed by at least one assessment item. */
    OUTCOME_NOT_ASSESSED("curriculum.outcome-not-assessed", ERROR,
            "A learning outcome is assessed by no test question or practical task.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Set<OutcomeCode> assessed = in.curriculum().assessment().items().stream()
                    .flatMap(i -> i.outcomes().stream()).collect(Collectors.toSet());
            in.curriculum().outcomes().stream().filter(o -> !assessed.contains(o.code())).forEach(o ->
                    report.finding(in.subject("outcome", o.code()), "no test question or practical task assesses this outcome"));
        }
    },

    /** Every assessment item assesses at least one outcome. */
    ITEM_WITHOUT_OUTCOME("curriculum.item-without-outcome", ERROR,
            "An assessment item is mapped to no learning outcome, so its score means nothing for any outcome.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.curriculum().assessment().items().stream().filter(i -> i.outcomes().isEmpty()).forEach(i ->
                    report.finding(in.subject("item", i.code()), "is mapped to no learning outcome"));
        }
    },

    /** Every session has a planned duration (zero minutes means not planned yet). */
    SESSION_WITHOUT_DURATION("curriculum.session-without-duration", ERROR,
            "A session has a duration of zero minutes.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.sessions().filter(s -> s.minutes() == 0).forEach(s ->
                    report.finding(in.subject("session", s.code()), "has no planned duration (0 minutes)"));
        }
    },

    /** Every session names at least one delivery method. */
    SESSION_WITHOUT_METHOD("curriculum.session-without-method", ERROR,
            "A session names no delivery method (lecture, case study, micro-teaching, ...).") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.sessions().filter(s -> s.methods().isEmpty()).forEach(s ->
                    report.finding(in.subject("session", s.code()), "names no delivery method"));
        }
    },

    /** A module has at least one session. */
    MODULE_WITHOUT_SESSIONS("curriculum.module-without-sessions", WARNING,
            "A module has no sessions yet.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.curriculum().modules().stream().filter(m -> m.sessions().isEmpty()).forEach(m ->
                    report.finding(in.subject("module", m.code()), "has no sessions"));
        }
    },

    /** A session covers only outcomes its module aims at. */
    SESSION_OUTCOME_OUTSIDE_MODULE("curriculum.session-outcome-outside-module", WARNING,
            "A session covers a learning outcome that its module does not list.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            for (Module m : in.curriculum().modules()) {
                for (Session s : m.sessions()) {
                    s.outcomes().stream()
                            .filter(o -> in.definedOutcomes().contains(o) && !m.outcomes().contains(o))
                            .forEach(o -> report.finding(in.subject("session", s.code()),
                                    "covers outcome '" + o + "', which module '" + m.code() + "' does not list"));
                }
            }
        }
    },

    /** Every competence is built by at least one learning outcome. */
    COMPETENCE_WITHOUT_OUTCOMES("curriculum.competence-without-outcomes", WARNING,
            "A competence is mapped to no learning outcome.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.curriculum().competences().stream().filter(k -> k.outcomes().isEmpty()).forEach(k ->
                    report.finding(in.subject("competence", k.code()), "is mapped to no learning outcome"));
        }
    },

    /** Every learning outcome serves at least one competence. */
    OUTCOME_WITHOUT_COMPETENCE("curriculum.outcome-without-competence", WARNING,
            "A learning outcome serves no competence in the competence-to-outcome map.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Set<OutcomeCode> mapped = in.curriculum().competences().stream()
                    .flatMap(k -> k.outcomes().stream()).collect(Collectors.toSet());
            in.curriculum().outcomes().stream().filter(o -> !mapped.contains(o.code())).forEach(o ->
                    report.finding(in.subject("outcome", o.code()), "serves no competence"));
        }
    },

    /** The planned sessions fit the course days at the maximum contact time per day. */
    COURSE_OVERRUN("curriculum.course-overrun", ERROR,
            "The planned sessions need more contact time than the course days offer; the message gives the shortfall in hours.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.course().ifPresent(frame -> {
                long needed = in.curriculum().minutes();
                long offered = frame.capacityMinutes();
                if (needed > offered) {
                    report.finding(in.curriculum().subject(), String.format(Locale.ROOT,
                            "the sessions need %s h but %d days of at most %s h give %s h: %s h short",
                            hours(needed), frame.days(), hours(frame.maxContactMinutesPerDay()), hours(offered),
                            hours(needed - offered)));
                }
            });
        }
    },

    /** No single session is longer than one day's maximum contact time. */
    SESSION_LONGER_THAN_DAY("curriculum.session-longer-than-day", ERROR,
            "A session is longer than the maximum contact time of one course day, so it cannot be placed.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.course().ifPresent(frame -> in.sessions()
                    .filter(s -> s.minutes() > frame.maxContactMinutesPerDay())
                    .forEach(s -> report.finding(in.subject("session", s.code()), String.format(Locale.ROOT,
                            "lasts %s h, more than the %s h of contact time one day allows",
                            hours(s.minutes()), hours(frame.maxContactMinutesPerDay())))));
        }
    },

    /** A revision has a higher version number than the version it revises. */
    VERSION_NOT_INCREASED("curriculum.version-not-increased", ERROR,
            "A revision's version number is not higher than the version it revises.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.previous().ifPresent(prev -> {
                SemanticVersion now = in.curriculum().version();
                if (!now.isAfter(prev.version()) && !in.diffFromPrevious().orElseThrow().isEmpty()) {
                    report.finding(in.curriculum().subject(), "version " + now + " is not higher than " + prev.version()
                            + ", the version it revises");
                }
            });
        }
    },

    /** The version step is at least what {@link VersionPolicy} requires for the changes made. */
    VERSION_BUMP_TOO_SMALL("curriculum.version-bump-too-small", ERROR,
            "The version step (patch, minor, major) is smaller than the changes require under the version policy.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.previous().ifPresent(prev -> {
                Curriculum now = in.curriculum();
                Bump actual = now.version().bumpFrom(prev.version());
                if (actual == Bump.NONE) {
                    return; // reported by VERSION_NOT_INCREASED
                }
                CurriculumDiff diff = in.diffFromPrevious().orElseThrow();
                Bump required = VersionPolicy.requiredBump(diff);
                if (!actual.isAtLeast(required)) {
                    String reasons = diff.changes().stream()
                            .filter(c -> VersionPolicy.requiredBump(c) == required)
                            .map(CurriculumDiff.Change::toString).limit(3)
                            .collect(Collectors.joining("; "));
                    report.finding(now.subject(), prev.version() + " -> " + now.version() + " is a " + actual.label()
                            + " step, but the changes need a " + required.label() + " step: " + reasons);
                }
            });
        }
    },

    /** A revision says which version it revises, and it is the one it is checked against. */
    REVISION_RECORD("curriculum.revision-record", ERROR,
            "A revision has no revision record (previous version and reason), or the record names another version.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            in.previous().ifPresent(prev -> {
                Curriculum now = in.curriculum();
                if (now.revision().isEmpty()) {
                    report.finding(now.subject(), "revises " + prev.version() + " but records no revision (previous version and reason)");
                } else if (!now.revision().get().previous().equals(prev.version())) {
                    report.finding(now.subject(), "its revision record names " + now.revision().get().previous()
                            + " but it is checked as a revision of " + prev.version());
                }
            });
        }
    },

    /** The minimum attendance share for certification lies between 0 and 1. */
    ATTENDANCE_SHARE_OUT_OF_RANGE("curriculum.attendance-share-out-of-range", ERROR,
            "The minimum attendance share for certification is not between 0 and 1.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            double share = in.curriculum().certification().minAttendanceShare();
            if (share < 0 || share > 1) {
                report.finding(in.curriculum().subject() + "/certification",
                        "minimum attendance share must be between 0 and 1 (0.8 = 80 %), was " + share);
            }
        }
    },

    /** The test pass mark and the post-test pass mark for certification lie within the test's points. */
    PASS_MARK_OUT_OF_RANGE("curriculum.pass-mark-out-of-range", ERROR,
            "A pass mark is outside 0 to the knowledge test's maximum points.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Curriculum c = in.curriculum();
            int max = c.assessment().testMaxPoints();
            check(c.assessment().passMark(), max, c.subject() + "/assessment", "test pass mark", report);
            check(c.certification().postTestPassMark(), max, c.subject() + "/certification", "post-test pass mark", report);
        }

        private void check(int mark, int max, String subject, String what, Report report) {
            if (mark < 0 || mark > max) {
                report.finding(subject, what + " " + mark + " is outside the test's range 0.." + max + " points");
            }
        }
    },

    /** A trainer certificate is valid for a positive period. */
    CERTIFICATE_VALIDITY_NOT_POSITIVE("curriculum.certificate-validity-not-positive", ERROR,
            "The validity period of a trainer certificate is zero or negative.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            var validity = in.curriculum().certification().certificateValidity().orElse(java.time.Period.ofDays(1));
            if (validity.isZero() || validity.isNegative()) {
                report.finding(in.curriculum().subject() + "/certification",
                        "certificate validity must be positive, was " + validity);
            }
        }
    },

    /** When certification requires practice teaching, the blueprint has a practical task to score it. */
    PRACTICE_TEACHING_WITHOUT_TASK("curriculum.practice-teaching-without-task", ERROR,
            "Certification requires practice teaching but the assessment blueprint has no practical task.") {
        @Override
        public void check(CurriculumCheck in, Report report) {
            Curriculum c = in.curriculum();
            if (c.certification().practiceTeachingRequired() && c.assessment().itemsOf(ItemKind.PRACTICAL_TASK).isEmpty()) {
                report.finding(c.subject() + "/certification",
                        "practice teaching is required, but no practical task in the assessment blueprint scores it");
            }
        }
    };

    private static final ImmutableList<CurriculumRule> ALL = ImmutableList.copyOf(values());

    private final Spec spec;

    CurriculumRule(String code, Severity severity, String meaning) {
        this.spec = new Spec(code, severity, meaning);
    }

    /** {@return every curriculum rule, in catalogue order (the order of {@code docs/rules.md})} */
    public static ImmutableList<CurriculumRule> all() {
        return ALL;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60)
                : new java.math.BigDecimal(minutes).divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString();
    }

    /** Finds prerequisite cycles by depth-first search; each cycle once, starting at its smallest code. */
    static final class PrerequisiteCycles {
        private PrerequisiteCycles() {}

        static List<List<ModuleCode>> find(Map<ModuleCode, Module> modules) {
            Set<List<ModuleCode>> cycles = new LinkedHashSet<>();
            Map<ModuleCode, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: done
            for (ModuleCode start : modules.keySet()) {
                if (state.containsKey(start)) {
                    continue;
                }
                // Iterative, so a long prerequisite chain cannot overflow the stack.
                Deque<Iterator<ModuleCode>> next = new ArrayDeque<>();
                Map<ModuleCode, Integer> depth = new HashMap<>();
                List<ModuleCode> path = new ArrayList<>();
                state.put(start, 1);
                path.add(start);
                depth.put(start, 0);
                next.push(modules.get(start).prerequisites().iterator());
                while (!next.isEmpty()) {
                    Iterator<ModuleCode> it = next.peek();
                    if (!it.hasNext()) {
                        ModuleCode done = path.remove(path.size() - 1);
                        depth.remove(done);
                        state.put(done, 2);
                        next.pop();
                        continue;
                    }
                    ModuleCode p = it.next();
                    if (!modules.containsKey(p)) {
                        continue; // reported by UNKNOWN_PREREQUISITE
                    }
                    Integer s = state.get(p);
                    if (s == null) {
                        state.put(p, 1);
                        depth.put(p, path.size());
                        path.add(p);
                        next.push(modules.get(p).prerequisites().iterator());
                    } else if (s == 1) {
                        cycles.add(canonical(path.subList(depth.get(p), path.size())));
                    }
                }
            }
            return List.copyOf(cycles);
        }

        /** The cycle rotated to start at its smallest code, so the same cycle always reads the same. */
        private static List<ModuleCode> canonical(List<ModuleCode> cycle) {
            int min = 0;
            for (int i = 1; i < cycle.size(); i++) {
                if (cycle.get(i).compareTo(cycle.get(min)) < 0) {
                    min = i;
                }
            }
            List<ModuleCode> out = new ArrayList<>(cycle.size());
            for (int i = 0; i < cycle.size(); i++) {
                out.add(cycle.get((min + i) % cycle.size()));
            }
            return List.copyOf(out);
        }
    }
}
