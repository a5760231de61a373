package org.cadre.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.curriculum.CurriculumDiff.Element;
import org.cadre.curriculum.CurriculumDiff.Kind;
import org.cadre.curriculum.SemanticVersion.Bump;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.curriculum.fixtures.RandomCurricula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CurriculumDiffTest {

    @Test
    void the_demo_revision_reads_as_one_added_and_one_lengthened_session() {
        CurriculumDiff diff = CurriculumDiff.between(DemoCurricula.almatyTot(), DemoCurricula.revisedAfterAlmaty());

        assertThat(diff.lines()).containsExactly(
                "~ session M2.S4 \"Green border areas: strategies against irregular crossings\": minutes '120' -> '150'",
                "+ session M2.S7 \"Document fraud at air border crossing points: hands-on examination\"");
        assertThat(VersionPolicy.requiredBump(diff)).isEqualTo(Bump.MINOR);
    }

    @Test
    void removed_outcomes_and_modules_are_listed_by_kind_then_code() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum v2 = v1.toBuilder().removeOutcome("LO6").removeModule("M1").build();

        CurriculumDiff diff = CurriculumDiff.between(v1, v2);

        assertThat(diff.changes()).extracting(c -> c.element() + " " + c.code() + " " + c.kind()).containsExactly(
                "OUTCOME LO6 REMOVED", "MODULE M1 REMOVED", "SESSION M1.S1 REMOVED", "SESSION M1.S2 REMOVED",
                "SESSION M1.S3 REMOVED");
    }

    @Test
    void a_moved_session_shows_its_old_and_new_module() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Module m1 = v1.module(ModuleCode.of("M1")).orElseThrow();
        Module m3 = v1.module(ModuleCode.of("M3")).orElseThrow();
        Session moved = m3.sessions().get(3);
        Curriculum v2 = v1.toBuilder()
                .replaceModule(m1.withSessions(com.google.common.collect.ImmutableList.<Session>builder()
                        .addAll(m1.sessions()).add(moved).build()))
                .replaceModule(m3.withSessions(m3.sessions().stream().filter(s -> !s.equals(moved)).toList()))
                .build();

        CurriculumDiff diff = CurriculumDiff.between(v1, v2);

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.CHANGED);
            assertThat(c.element()).isEqualTo(Element.SESSION);
            assertThat(c.fields()).extracting(CurriculumDiff.FieldChange::toString).containsExactly("module 'M3' -> 'M1'");
        });
        assertThat(VersionPolicy.requiredBump(diff)).isEqualTo(Bump.MINOR);
    }

    @Test
    void the_diff_of_different_packages_includes_the_package_fields() {
        CurriculumDiff diff = CurriculumDiff.between(DemoCurricula.almatyTot(),
                DemoCurricula.almatyTot().toBuilder().title("Countering migrant smuggling").languages("kk").build());

        assertThat(diff.changes()).singleElement().satisfies(c -> assertThat(c.fields())
                .extracting(CurriculumDiff.FieldChange::field).containsExactly("languages", "title"));
        assertThat(VersionPolicy.requiredBump(diff)).isEqualTo(Bump.PATCH);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void the_diff_of_a_version_with_itself_is_empty(long seed) {
        Curriculum c = RandomCurricula.edited(RandomCurricula.wellFormed(seed), seed);

        assertThat(CurriculumDiff.between(c, c).isEmpty()).as("seed %d", seed).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void the_diff_back_is_the_exact_inverse_of_the_diff_forth(long seed) {
        Curriculum a = RandomCurricula.wellFormed(seed);
        Curriculum b = RandomCurricula.edited(a, seed + 1);

        CurriculumDiff forth = CurriculumDiff.between(a, b);
        CurriculumDiff back = CurriculumDiff.between(b, a);

        assertThat(back).as("seed %d", seed).isEqualTo(forth.inverse());
        assertThat(forth.inverse().inverse()).as("seed %d", seed).isEqualTo(forth);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void the_diff_names_exactly_the_edits_made_and_the_same_inputs_give_the_same_lines(long seed) {
        Curriculum a = RandomCurricula.wellFormed(seed);
        RecordedEdits edits = RecordedEdits.apply(a, seed + 1);

        CurriculumDiff diff = CurriculumDiff.between(a, edits.result());

        assertThat(diff.changes()).extracting(CurriculumDiffTest::described).as("seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(edits.expected());
        assertThat(CurriculumDiff.between(a, edits.result()).lines()).as("seed %d", seed).isEqualTo(diff.lines());
    }

    /** A change as the edits record it: element, code, kind and each changed field with its values. */
    private static String described(CurriculumDiff.Change c) {
        return c.element() + " " + c.code() + " " + c.kind() + c.fields().stream()
                .map(f -> " " + f.field() + "='" + f.before() + "'->'" + f.after() + "'").sorted().collect(java.util.stream.Collectors.joining());
    }

    /**
     * Random edits of a package, each on an element no earlier edit touched, with the change each must
     * show in a diff: retitled, lengthened, removed and added sessions, reworded and removed outcomes,
     * added and retitled modules, a question's points, the package's title, pass mark and attendance share.
     */
    private record RecordedEdits(Curriculum result, java.util.List<String> expected) {

        static RecordedEdits apply(Curriculum c, long seed) {
            java.util.Random rnd = new java.util.Random(seed);
            Curriculum.Builder b = c.toBuilder();
            java.util.List<String> expected = new java.util.ArrayList<>();
            java.util.Set<String> touched = new java.util.HashSet<>();
            java.util.TreeMap<String, String> packageFields = new java.util.TreeMap<>();
            int edits = 1 + rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                Curriculum now = b.build();
                java.util.List<Module> modules = now.modules().stream().filter(m -> !touched.contains("module " + m.code())).toList();
                java.util.List<Session> sessions = now.modules().stream().flatMap(m -> m.sessions().stream())
                        .filter(s -> !touched.contains("session " + s.code())).toList();
                switch (rnd.nextInt(11)) {
                    case 0, 1, 2 -> {
                        if (sessions.isEmpty()) {
                            continue;
                        }
                        Session s = sessions.get(rnd.nextInt(sessions.size()));
                        Module m = now.modules().stream().filter(x -> x.sessions().contains(s)).findFirst().orElseThrow();
                        touched.add("session " + s.code());
                        int kind = rnd.nextInt(3);
                        Session changed = switch (kind) {
                            case 0 -> new Session(s.code(), s.title() + " (revised)", s.minutes(), s.methods(), s.outcomes(), s.materials());
                            case 1 -> new Session(s.code(), s.title(), s.minutes() + 15 * (1 + rnd.nextInt(4)), s.methods(), s.outcomes(), s.materials());
                            default -> null;
                        };
                        java.util.List<Session> kept = new java.util.ArrayList<>(m.sessions());
                        if (changed == null) {
                            kept.remove(s);
                            expected.add("SESSION " + s.code() + " REMOVED");
                        } else {
                            kept.set(kept.indexOf(s), changed);
                            expected.add(kind == 0 ? "SESSION " + s.code() + " CHANGED title='" + s.title() + "'->'" + changed.title() + "'"
                                    : "SESSION " + s.code() + " CHANGED minutes='" + s.minutes() + "'->'" + changed.minutes() + "'");
                        }
                        b.replaceModule(m.withSessions(kept));
                    }
                    case 3 -> {
                        if (now.modules().isEmpty()) {
                            continue;
                        }
                        Module m = now.modules().get(rnd.nextInt(now.modules().size()));
                        String code = m.code() + ".N" + e;
                        java.util.List<Session> more = new java.util.ArrayList<>(m.sessions());
                        more.add(Session.builder(code, "New session").minutes(60).methods(DeliveryMethod.DISCUSSION).build());
                        b.replaceModule(m.withSessions(more));
                        touched.add("session " + code);
                        expected.add("SESSION " + code + " ADDED");
                    }
                    case 4 -> {
                        java.util.List<LearningOutcome> outcomes = now.outcomes().stream().filter(o -> !touched.contains("outcome " + o.code())).toList();
                        if (outcomes.isEmpty()) {
                            continue;
                        }
                        LearningOutcome o = outcomes.get(rnd.nextInt(outcomes.size()));
                        touched.add("outcome " + o.code());
                        b.removeOutcome(o.code().value());
                        if (rnd.nextBoolean()) {
                            String statement = o.statement() + ", in writing";
                            b.outcome(new LearningOutcome(o.code(), statement, o.level(), o.domain()));
                            expected.add("OUTCOME " + o.code() + " CHANGED statement='" + o.statement() + "'->'" + statement + "'");
                        } else {
                            expected.add("OUTCOME " + o.code() + " REMOVED");
                        }
                    }
                    case 5 -> {
                        String code = "MX" + e;
                        b.module(Module.builder(code, "Added module").build());
                        touched.add("module " + code);
                        expected.add("MODULE " + code + " ADDED");
                    }
                    case 6 -> {
                        if (modules.isEmpty()) {
                            continue;
                        }
                        Module m = modules.get(rnd.nextInt(modules.size()));
                        touched.add("module " + m.code());
                        b.replaceModule(new Module(m.code(), m.title() + " II", m.outcomes(), m.prerequisites(), m.settings(), m.sessions()));
                        expected.add("MODULE " + m.code() + " CHANGED title='" + m.title() + "'->'" + m.title() + " II'");
                    }
                    case 7 -> {
                        java.util.List<AssessmentItem> items = now.assessment().items().stream()
                                .filter(i -> !touched.contains("item " + i.code())).toList();
                        if (items.isEmpty()) {
                            continue;
                        }
                        AssessmentItem i = items.get(rnd.nextInt(items.size()));
                        touched.add("item " + i.code());
                        AssessmentItem more = new AssessmentItem(i.code(), i.kind(), i.prompt(), i.outcomes(), i.maxPoints() + 1 + rnd.nextInt(3));
                        java.util.List<AssessmentItem> all = new java.util.ArrayList<>(now.assessment().items());
                        all.set(all.indexOf(i), more);
                        b.assessment(new AssessmentBlueprint(com.google.common.collect.ImmutableList.copyOf(all), now.assessment().passMark()));
                        expected.add("ASSESSMENT_ITEM " + i.code() + " CHANGED maxPoints='" + i.maxPoints() + "'->'" + more.maxPoints() + "'");
                    }
                    case 8 -> {
                        if (!touched.add("package title")) {
                            continue;
                        }
                        b.title(c.title() + " (2nd edition)");
                        packageFields.put("title", "'" + c.title() + "'->'" + c.title() + " (2nd edition)'");
                    }
                    case 9 -> {
                        if (!touched.add("package pass mark")) {
                            continue;
                        }
                        int passMark = c.assessment().passMark() + 1 + rnd.nextInt(3);
                        b.assessment(new AssessmentBlueprint(now.assessment().items(), passMark));
                        packageFields.put("assessment.passMark", "'" + c.assessment().passMark() + "'->'" + passMark + "'");
                    }
                    default -> {
                        if (!touched.add("package attendance")) {
                            continue;
                        }
                        CertificationCriteria cc = now.certification();
                        double share = cc.minAttendanceShare() >= 0.5 ? 0.25 : 0.75;
                        b.certification(new CertificationCriteria(share, cc.postTestPassMark(), cc.practiceTeachingRequired(),
                                cc.certificateValidity()));
                        packageFields.put("certification.minAttendanceShare", "'" + plain(cc.minAttendanceShare()) + "'->'" + plain(share) + "'");
                    }
                }
            }
            if (!packageFields.isEmpty()) {
                expected.add("PACKAGE package CHANGED" + packageFields.entrySet().stream().map(f -> " " + f.getKey() + "=" + f.getValue())
                        .sorted().collect(java.util.stream.Collectors.joining()));
            }
            return new RecordedEdits(b.build(), expected);
        }

        private static String plain(double value) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void a_revision_numbered_by_the_policy_passes_and_one_step_less_fails(long seed) {
        Curriculum a = RandomCurricula.wellFormed(seed);
        Curriculum edited = RandomCurricula.edited(a, seed + 1);
        Bump required = VersionPolicy.requiredBump(CurriculumDiff.between(a, edited));
        if (required == Bump.NONE) {
            return; // the random edit happened to change nothing; other seeds cover the property
        }
        Curriculum right = edited.toBuilder().version(step(a.version(), required)).build();

        assertThat(CurriculumCheck.of(right).revising(a).run().codes()).as("seed %d", seed)
                .doesNotContain("curriculum.version-bump-too-small", "curriculum.version-not-increased");
        if (required != Bump.PATCH) {
            Bump smaller = Bump.values()[required.ordinal() - 1];
            Curriculum tooSmall = edited.toBuilder().version(step(a.version(), smaller)).build();
            assertThat(CurriculumCheck.of(tooSmall).revising(a).run().codes()).as("seed %d", seed)
                    .contains("curriculum.version-bump-too-small");
        }
    }

    private static String step(SemanticVersion v, Bump bump) {
        return switch (bump) {
            case MAJOR -> (v.major() + 1) + ".0.0";
            case MINOR -> v.major() + "." + (v.minor() + 1) + ".0";
            case PATCH -> v.major() + "." + v.minor() + "." + (v.patch() + 1);
            case NONE -> v.toString();
        };
    }
}
