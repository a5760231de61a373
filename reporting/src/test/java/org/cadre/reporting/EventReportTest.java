package org.cadre.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadre.curriculum.ItemCode;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.CsvRenderer;
import org.cadre.reporting.render.HtmlRenderer;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.EventRoster;
import org.cadre.roster.PersonId;
import org.cadre.roster.TestScore;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

class EventReportTest {

    private static final EventRoster ALMATY = DemoRoster.almatyTot();
    private static final EventReport INTERNAL = EventReports.of(ALMATY, Disclosure.forAudience(Audience.INTERNAL));

    @Test
    void the_demo_report_states_what_the_seed_description_states() {
        EventReport r = INTERNAL;

        assertThat(r.participants().get()).isEqualTo(26);
        assertThat(r.participantsByCountryAndSex().rows()).containsExactly("KZ", "TJ", "UZ");
        assertThat(r.participantsByCountryAndSex().rowTotals()).extracting(Cell::get).containsExactly(18L, 4L, 4L);
        assertThat(r.participantsByCountryAndSex().total().get()).isEqualTo(26);
        assertThat(r.trainers().get()).isEqualTo(4);
        assertThat(r.event().courseDays()).isEqualTo(5);
        assertThat(r.event().programme()).isEqualTo(
                "Improving migration governance and access to services for displaced Afghans in Pakistan and Central Asia");
        assertThat(r.event().donor()).isEqualTo("Immigration, Refugees and Citizenship Canada (IRCC)");
        assertThat(r.event().sdgs()).containsExactlyInAnyOrder(16, 11, 17);
    }

    @Test
    void the_implementer_is_the_international_organisation_on_the_roster_and_otherwise_not_recorded() {
        var nationalOnly = ALMATY.organisations().values().stream()
                .filter(o -> o.kind() != org.cadre.roster.Organisation.Kind.INTERNATIONAL_ORGANISATION).toList();

        assertThat(EventReports.implementer(ALMATY)).isEqualTo("International Organization for Migration");
        assertThat(EventReports.implementer(EventRoster.builder(ALMATY.event(), ALMATY.programme(), ALMATY.curriculum())
                .organisations(nationalOnly).build())).isEqualTo("not recorded");
        // The same roster with every enrolment of the international organisation's people declined.
        var international = ALMATY.organisations().values().stream()
                .filter(o -> o.kind() == org.cadre.roster.Organisation.Kind.INTERNATIONAL_ORGANISATION).map(o -> o.id()).toList();
        var declined = ALMATY.enrolments().stream().map(e -> international.contains(e.nominatedBy().orElse(null))
                || ALMATY.people().get(e.person()).organisation().filter(international::contains).isPresent()
                        ? new org.cadre.roster.Enrolment(e.person(), e.event(), e.role(), e.nominatedBy(), com.google.common.collect.ImmutableList.of(
                                new org.cadre.roster.Enrolment.StatusChange(org.cadre.roster.EnrolmentStatus.NOMINATED, ALMATY.event().courseDays().first().minusDays(9)),
                                new org.cadre.roster.Enrolment.StatusChange(org.cadre.roster.EnrolmentStatus.DECLINED, ALMATY.event().courseDays().first().minusDays(7))))
                        : e).toList();
        assertThat(declined).anySatisfy(e -> assertThat(e.status()).isEqualTo(org.cadre.roster.EnrolmentStatus.DECLINED));
        assertThat(EventReports.implementer(ALMATY.toBuilder().replaceEnrolments(declined).build())).isEqualTo("not recorded");
    }

    @Test
    void json_csv_and_html_state_the_same_reach() throws Exception {
        JsonNode json = JsonRenderer.mapper().readTree(JsonRenderer.render(INTERNAL));
        String csv = CsvRenderer.reach(INTERNAL, "IOM");
        String html = HtmlRenderer.event(INTERNAL, java.util.Locale.ENGLISH);

        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records.get(0).toList()).isEqualTo(CsvRenderer.HEADER);
        assertThat(records.get(1).toList()).isEqualTo(CsvRenderer.HXL);
        JsonNode table = json.get("participantsByCountryAndSex");
        for (int r = 0; r < 3; r++) {
            CSVRecord line = records.get(2 + r);
            assertThat(line.get(3)).isEqualTo(table.get("rows").get(r).asText());
            for (int c = 0; c < 4; c++) {
                assertThat(line.get(4 + c)).isEqualTo(table.get("cells").get(r).get(c).get("value").asText());
            }
            assertThat(line.get(8)).isEqualTo(table.get("rowTotals").get(r).get("value").asText());
        }
        // The HTML table of the same figures: one row per country, cells then the row total.
        String htmlTable = html.substring(html.indexOf("<table data-table=\"participantsByCountryAndSex\">"));
        htmlTable = htmlTable.substring(0, htmlTable.indexOf("</table>"));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr><td>[^<]+</td>((?:<td>\\d+</td>){5})</tr>").matcher(htmlTable);
        for (int r = 0; r < 3; r++) {
            assertThat(row.find()).isTrue();
            List<String> htmlCells = java.util.Arrays.stream(row.group(1).replace("<td>", "").split("</td>")).toList();
            assertThat(htmlCells).isEqualTo(records.get(2 + r).toList().subList(4, 9));
        }
        assertThat(htmlTable).contains("<tr class=\"total\"><th>Total</th><td>");
        assertThat(html).contains("<div class=\"figure\"><small>Participants:</small> <span>26</span></div>")
                .contains("<div class=\"figure\"><small>Trainers:</small> <span>4</span></div>")
                .contains("<div class=\"figure\"><small>Course days:</small> <span>5</span></div>")
                .contains("SDG 11, SDG 16, SDG 17").contains(INTERNAL.event().donor()).contains(INTERNAL.event().programme());
        assertThat(records.get(5).get(3)).isEqualTo("total");
        assertThat(records.get(5).get(8)).isEqualTo("26").isEqualTo(json.get("participants").get("value").asText());
        assertThat(json.get("event").get("firstDay").asText()).isEqualTo("2023-10-23");
    }

    @Test
    void the_donor_report_publishes_no_count_from_1_to_4_and_marks_what_it_withholds() throws Exception {
        EventReport donor = EventReports.of(ALMATY, Disclosure.forAudience(Audience.DONOR));

        assertThat(donor.participants().get()).isEqualTo(26);
        assertThat(donor.trainers().suppressed()).isTrue();
        assertThat(donor.participantsByCountryAndSex().rowTotals().get(0).get()).isEqualTo(18);
        assertThat(donor.participantsByCountryAndSex().rowTotals().get(1).suppressed()).isTrue();
        assertThat(donor.feedback().trainers()).isEmpty();
        assertThat(donor.feedback().revisionCandidates()).allSatisfy(c -> assertThat(c.comments()).isEmpty());
        assertThat(donor.notes()).anySatisfy(n -> assertThat(n.text()).startsWith("\"withheld\": a figure left out to protect individuals"));
        String json = JsonRenderer.render(donor);
        JsonNode tree = JsonRenderer.mapper().readTree(json);
        assertThat(tree.findValues("value")).filteredOn(JsonNode::isIntegralNumber)
                .allSatisfy(v -> assertThat(v.asLong() == 0 || v.asLong() >= 5).as("published count %s", v).isTrue());
        assertThat(json).doesNotContain("Farkhod").doesNotContain("Абдуллоев").doesNotContain("Bellini");
    }

    /**
     * The attackers' review of session 17: the post-test mean of 18.85 of 20 over the 26 pairs, pass mark 14, leaves
     * room for at most 4 below the pass mark (26 x 20 - 7 x 5 < 26 x 18.845), so it showed that the withheld count of
     * officers below it was small; the public report's 349 of 364 attendance marks, with a minimum of 80 % of 14
     * sessions, left room for at most 5 below the minimum, under its k of 10.
     */
    @Test
    void the_demo_reports_withhold_the_mean_and_the_marks_that_would_bound_a_small_count() {
        EventReport donor = EventReports.of(ALMATY, Disclosure.forAudience(Audience.DONOR));
        EventReport publicReport = EventReports.of(ALMATY, Disclosure.forAudience(Audience.PUBLIC));

        assertThat(donor.knowledge().reachedPassMark().numerator().suppressed()).isTrue();
        assertThat(donor.knowledge().post().suppressed()).isTrue();
        assertThat(donor.knowledge().post().n().get()).isEqualTo(26);
        assertThat(donor.knowledge().pre().value()).isPresent();
        assertThat(donor.notes()).anySatisfy(n -> assertThat(n.text()).startsWith("A mean shown as withheld beside its n").contains("below 5"));
        assertThat(HtmlRenderer.event(donor, java.util.Locale.ENGLISH)).contains("withheld (n = 26) / 20").doesNotContain("&lt;k (n = 26)")
                .contains("The mean ratings of these sessions are withheld, so they are not weighed here: M1.S1");
        // A withheld share's numerator is a word, not "<k", which read as fewer than five of 26 certified.
        assertThat(donor.certification().certified().numerator().suppressed()).isTrue();
        assertThat(HtmlRenderer.event(donor, java.util.Locale.ENGLISH)).contains("Certified: withheld / 26").doesNotContain("&lt;k / ");
        assertThat(HtmlRenderer.event(donor, java.util.Locale.forLanguageTag("ru"))).contains("скрыто / 26");
        // Every session whose mean is withheld is named, those whose n is withheld too.
        String html = HtmlRenderer.event(donor, java.util.Locale.ENGLISH);
        String unweighed = html.substring(html.indexOf("so they are not weighed here: "));
        unweighed = unweighed.substring(0, unweighed.indexOf("</p>"));
        var withheld = donor.feedback().sessions().stream().filter(s -> s.rating().suppressed()).toList();
        assertThat(withheld).anySatisfy(s -> assertThat(s.rating().n().suppressed()).isTrue());
        for (var s : withheld) {
            assertThat(unweighed).contains(s.session());
        }
        assertThat(EventReports.of(ALMATY, Disclosure.forAudience(Audience.INTERNAL)).notes()).noneSatisfy(n -> assertThat(n.text()).contains("withheld"));
        assertThat(publicReport.certification().unmetCriteria().get("certification.attendance-below-minimum").suppressed()).isTrue();
        assertThat(publicReport.attendance().numerator().suppressed()).isTrue();
        assertThat(donor.attendance().text()).isEqualTo("349 of 364 (95.9 %)");
        for (EventReport r : List.of(donor, publicReport)) {
            var ledger = EventReportLedger.of(ALMATY, r);
            assertThat(org.cadre.reporting.disclosure.audit.Audit.ranges(ledger)).as(r.audience())
                    .filteredOn(x -> x.trueValue() > 0 && x.trueValue() < r.k())
                    .allSatisfy(x -> assertThat(x.max()).as(x.cell()).isGreaterThanOrEqualTo(r.k()));
        }
    }

    @Test
    void knowledge_uses_pairs_only_counts_the_unpaired_and_computes_gain_by_hand() {
        PersonId a = PersonId.of("p-kz-01");
        PersonId b = PersonId.of("p-kz-02");
        PersonId c = PersonId.of("p-kz-03");
        EventRoster roster = ALMATY.toBuilder().replaceTests(List.of(
                test(a, TestScore.Phase.PRE, 10), test(a, TestScore.Phase.POST, 16),
                test(b, TestScore.Phase.PRE, 20), test(b, TestScore.Phase.POST, 20),
                test(c, TestScore.Phase.PRE, 8))).build();

        EventReport.Knowledge k = EventReports.of(roster, Disclosure.forAudience(Audience.INTERNAL)).knowledge();

        assertThat(k.pairs().get()).isEqualTo(2);
        assertThat(k.unpairedExcluded().get()).isEqualTo(1);
        assertThat(k.pre().value().orElseThrow()).isEqualByComparingTo("15.00");
        assertThat(k.post().value().orElseThrow()).isEqualByComparingTo("18.00");
        // A gains (16 - 10) / (20 - 10) = 0.6; B started at the maximum and is left out of the gain.
        assertThat(k.normalisedGain().value().orElseThrow()).isEqualByComparingTo("0.60");
        assertThat(k.normalisedGain().n().get()).isEqualTo(1);
        assertThat(k.reachedPassMark().text()).isEqualTo("2 of 2 (100.0 %)");
    }

    @Test
    void attendance_publishes_its_denominator() {
        // 26 participants x 14 sessions = 364 marks expected.
        assertThat(INTERNAL.attendance().denominator().get()).isEqualTo(364);
        assertThat(INTERNAL.attendance().text()).isEqualTo("349 of 364 (95.9 %)");
        assertThat(INTERNAL.attendanceBySession()).hasSize(14)
                .allSatisfy(s -> assertThat(s.attended().denominator().get()).isEqualTo(26));
    }

    @Test
    void certification_counts_the_unmet_criteria() {
        EventReport.CertificationSummary c = INTERNAL.certification();

        assertThat(c.certified().text()).isEqualTo("24 of 26 (92.3 %)");
        assertThat(c.unmetCriteria().get("certification.attendance-below-minimum").get()).isEqualTo(1);
        assertThat(c.unmetCriteria().get("certification.post-test-below-pass-mark").get()).isEqualTo(1);
        assertThat(c.unmetCriteria().get("certification.practice-teaching-missing").get()).isZero();
    }

    @Test
    void the_green_border_session_is_the_first_revision_candidate_with_its_comments() {
        List<EventReport.RevisionCandidate> candidates = INTERNAL.feedback().revisionCandidates();

        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0).code()).isEqualTo("M2.S4");
        assertThat(candidates.get(0).rating().value().orElseThrow()).isLessThan(new BigDecimal("3.50"));
        assertThat(candidates.get(0).comments()).contains("Two hours is not enough for green-border strategies.");
        assertThat(INTERNAL.feedback().trainers()).hasSize(4);
    }

    /**
     * Each score counts in the band its label names: the labels read 0-4, 5-9, 10-14, 15-20 for a test of 20 points,
     * but 10 was counted in "5-9" and 15 in "10-14" (the newcomer's review of session 14).
     */
    @Test
    void a_score_counts_in_the_band_whose_label_holds_it() {
        int[] pre = {0, 4, 5, 9, 10, 14, 15, 20};
        List<TestScore> tests = new java.util.ArrayList<>();
        for (int i = 0; i < pre.length; i++) {
            PersonId p = PersonId.of("p-kz-0" + (i + 1));
            tests.add(test(p, TestScore.Phase.PRE, pre[i]));
            tests.add(test(p, TestScore.Phase.POST, 10 + i));
        }
        EventRoster roster = ALMATY.toBuilder().replaceTests(tests).build();

        org.cadre.reporting.disclosure.Table bands = EventReports.of(roster, Disclosure.forAudience(Audience.INTERNAL)).knowledge()
                .scoreDistribution().orElseThrow();

        // The bands meet at the pass mark, 14 of 20: equal bands had put 10-14 together, below the mark and at it.
        assertThat(bands.rows()).containsExactly("0-6", "7-13", "14-16", "17-20");
        assertThat(List.of(bands.get("0-6", "pre").get(), bands.get("7-13", "pre").get(), bands.get("14-16", "pre").get(),
                bands.get("17-20", "pre").get())).containsExactly(3L, 2L, 2L, 1L);
        // Post: 10 to 17, four of them below the pass mark.
        assertThat(List.of(bands.get("0-6", "post").get(), bands.get("7-13", "post").get(), bands.get("14-16", "post").get(),
                bands.get("17-20", "post").get())).containsExactly(0L, 4L, 3L, 1L);
        // The same people before and after: the table has totals of its columns (the pairs), and the page shows no row's
        // sum of its pre- and post-test counts as if it counted people.
        assertThat(bands.columnTotals()).extracting(org.cadre.reporting.disclosure.Cell::get).containsExactly(8L, 8L);
    }

    /** Without a pass mark in the test's range, four bands of equal width; bounds that meet make fewer. */
    @Test
    void score_bands_meet_at_the_pass_mark_when_there_is_one() {
        assertThat(EventReports.scoreBands(List.of(), 20, 0).rows()).containsExactly("0-4", "5-9", "10-14", "15-20");
        assertThat(EventReports.scoreBands(List.of(), 20, 21).rows()).containsExactly("0-4", "5-9", "10-14", "15-20");
        assertThat(EventReports.scoreBands(List.of(), 20, 1).rows()).containsExactly("0", "1-10", "11-20");
        assertThat(EventReports.scoreBands(List.of(), 20, 20).rows()).containsExactly("0-9", "10-19", "20");
        assertThat(EventReports.scoreBands(List.of(), 2, 2).rows()).containsExactly("0", "1", "2");
        assertThat(EventReports.scoreBands(List.of(), 0, 0).rows()).containsExactly("0");
    }

    /**
     * An event of one module reports knowledge by outcome for that module's outcomes only: another module's outcome read
     * 0.0 % before and after, as if it had been taught and not learnt (the newcomer's review of session 14).
     */
    @Test
    void an_event_of_one_module_reports_only_that_modules_outcomes() {
        org.cadre.curriculum.Module second = ALMATY.curriculum().modules().get(1);
        EventRoster oneModule = ALMATY.toBuilder().event(ALMATY.event().toBuilder()
                .modules(com.google.common.collect.ImmutableSet.of(second.code())).build()).build();

        List<String> whole = EventReports.of(ALMATY, Disclosure.forAudience(Audience.INTERNAL)).knowledge().perOutcome().stream()
                .map(EventReport.OutcomeKnowledge::outcome).toList();
        List<String> part = EventReports.of(oneModule, Disclosure.forAudience(Audience.INTERNAL)).knowledge().perOutcome().stream()
                .map(EventReport.OutcomeKnowledge::outcome).toList();

        assertThat(part).isNotEmpty().containsExactlyInAnyOrderElementsOf(second.outcomes().stream().map(o -> o.value())
                .filter(whole::contains).toList());
        assertThat(part).hasSizeLessThan(whole.size());
    }

    /**
     * A delivered outcome that no test question assesses is listed as such, not skipped: the ToT's LO5 (delivering a
     * session) is scored by micro-teaching, and the table by outcome left it out without a word. With its practical task
     * assessing another outcome only, it is said to be assessed by nothing.
     */
    @Test
    void an_outcome_no_test_question_assesses_is_listed_as_untested_not_skipped() {
        EventReport.Knowledge k = EventReports.of(ALMATY, Disclosure.forAudience(Audience.DONOR)).knowledge();

        assertThat(k.perOutcome()).extracting(EventReport.OutcomeKnowledge::outcome).doesNotContain("LO5");
        assertThat(k.untestedOutcomes()).containsExactly(new EventReport.UntestedOutcome("LO5",
                ALMATY.curriculum().outcomes().stream().filter(o -> o.code().value().equals("LO5")).findFirst().orElseThrow().statement(),
                true));
        // At an event that records no practice-teaching rubric the task assesses nothing: the cascade on the same package.
        assertThat(EventReports.of(DemoRoster.dushanbeCascade(), Disclosure.forAudience(Audience.DONOR)).knowledge().untestedOutcomes())
                .extracting(EventReport.UntestedOutcome::outcome, EventReport.UntestedOutcome::byPracticalTask)
                .containsExactly(org.assertj.core.api.Assertions.tuple("LO5", false));
        // Every outcome the event delivers is in one list or the other.
        List<String> both = new java.util.ArrayList<>(k.perOutcome().stream().map(EventReport.OutcomeKnowledge::outcome).toList());
        k.untestedOutcomes().forEach(o -> both.add(o.outcome()));
        assertThat(both).containsExactlyInAnyOrderElementsOf(ALMATY.curriculum().outcomes().stream().map(o -> o.code().value()).toList());

        var items = ALMATY.curriculum().assessment().items().stream()
                .map(i -> i.kind() == org.cadre.curriculum.ItemKind.PRACTICAL_TASK
                        ? org.cadre.curriculum.AssessmentItem.task(i.code().value(), i.prompt(), i.maxPoints(), "LO4") : i)
                .toArray(org.cadre.curriculum.AssessmentItem[]::new);
        org.cadre.curriculum.Curriculum noTask = ALMATY.curriculum().toBuilder()
                .assessment(org.cadre.curriculum.AssessmentBlueprint.of(ALMATY.curriculum().assessment().passMark(), items)).build();
        EventRoster.Builder rebuilt = EventRoster.builder(ALMATY.event(), ALMATY.programme(), noTask)
                .organisations(ALMATY.organisations().values()).people(ALMATY.people().values()).enrolments(ALMATY.enrolments())
                .attendance(ALMATY.attendance()).tests(ALMATY.tests()).practice(ALMATY.practice()).feedback(ALMATY.feedback())
                .pool(ALMATY.pool());
        ALMATY.rubric().ifPresent(rebuilt::rubric);

        assertThat(EventReports.of(rebuilt.build(), Disclosure.forAudience(Audience.DONOR)).knowledge().untestedOutcomes())
                .extracting(EventReport.UntestedOutcome::outcome, EventReport.UntestedOutcome::byPracticalTask)
                .containsExactly(org.assertj.core.api.Assertions.tuple("LO5", false));
    }

    private static TestScore test(PersonId p, TestScore.Phase phase, int total) {
        // Spread the total over Q1..Q10 (2 points each).
        java.util.Map<ItemCode, Integer> points = new java.util.LinkedHashMap<>();
        int left = total;
        for (int i = 1; i <= 10; i++) {
            int v = Math.min(2, left);
            points.put(ItemCode.of("Q" + i), v);
            left -= v;
        }
        return TestScore.of(p, phase, points);
    }


    /**
     * The evidence certification needs and the event records for nobody is named: the demo cascade recorded no post-test
     * and no practice teaching; the ToT records both; an event where some miss a post-test but others have one names none.
     */
    @Test
    void certification_names_the_evidence_recorded_for_nobody() {
        assertThat(EventReports.of(DemoRoster.dushanbeCascade(), Disclosure.forAudience(Audience.DONOR)).certification().notRecorded())
                .containsExactly("certification.post-test-missing", "certification.practice-teaching-missing");
        EventRoster tot = DemoRoster.almatyTot();
        assertThat(EventReports.of(tot, Disclosure.forAudience(Audience.INTERNAL)).certification().notRecorded()).isEmpty();
        assertThat(EventReports.of(tot, Disclosure.forAudience(Audience.INTERNAL)).certification().assessed()).isTrue();
        // Every post-test but one taken out: still recorded for someone.
        var onePost = tot.tests().stream().filter(t -> t.phase() == org.cadre.roster.TestScore.Phase.POST).findFirst().orElseThrow();
        EventRoster fewer = withTests(tot, tot.tests().stream().filter(t -> t.phase() == org.cadre.roster.TestScore.Phase.PRE || t == onePost)
                .collect(com.google.common.collect.ImmutableList.toImmutableList()));
        assertThat(EventReports.of(fewer, Disclosure.forAudience(Audience.INTERNAL)).certification().notRecorded()).isEmpty();
        EventRoster none = withTests(tot, tot.tests().stream().filter(t -> t.phase() == org.cadre.roster.TestScore.Phase.PRE)
                .collect(com.google.common.collect.ImmutableList.toImmutableList()));
        assertThat(EventReports.of(none, Disclosure.forAudience(Audience.INTERNAL)).certification().notRecorded())
                .containsExactly("certification.post-test-missing");
    }


    private static EventRoster withTests(EventRoster r, com.google.common.collect.ImmutableList<org.cadre.roster.TestScore> tests) {
        return new EventRoster(r.event(), r.programme(), r.curriculum(), r.organisations(), r.people(), r.enrolments(), r.attendance(),
                tests, r.rubric(), r.practice(), r.feedback(), r.pool());
    }

}
