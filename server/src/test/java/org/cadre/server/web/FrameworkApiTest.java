package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadre.curriculum.fixtures.ApiWords;
import org.cadre.roster.Country;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results frameworks over HTTP: a programme's framework read and replaced as one document, refused with
 * every invalid field by its path, scoped like the programme; the programme report built on the stored
 * framework of its own programme (none without one), as CSV with HXL too; and the report's period (and the
 * IATI activity's) taken from the request, else the programme, else its events. Every exchange is checked
 * against docs/openapi.yaml.
 */
class FrameworkApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO = DemoRoster.PROGRAMME.value();
    private static Database db;
    private static Javalin app;
    private static ApiClient api;
    private static String kz;
    private static String mn;
    private static String trainer;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-framework").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        Users users = new Users(db, audit);
        user(users, "kz", UserAccount.Role.COORDINATOR, "KZ");
        user(users, "mn", UserAccount.Role.COORDINATOR, "MN");
        user(users, "kz-trainer", UserAccount.Role.TRAINER, "KZ");
        app = CadreApp.create(db).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
        kz = api.login("kz", "pw");
        mn = api.login("mn", "pw");
        trainer = api.login("kz-trainer", "pw");
    }

    private static void user(Users users, String name, UserAccount.Role role, String country) {
        users.add(new UserAccount(name, Passwords.hash("pw".toCharArray(), 1_000), role, ImmutableSortedSet.of(Country.of(country)),
                ImmutableSortedSet.of(), false), "test");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    /** A new programme of Kazakhstan, optionally with a period. */
    private static String programme(String id, String start, String end) throws Exception {
        String period = start == null ? "" : ", \"start\": \"" + start + "\", \"end\": \"" + end + "\"";
        HttpResponse<String> created = api.send("POST", "/api/v1/programmes", kz, "{\"id\": \"" + id + "\", \"title\": \"Second programme\","
                + " \"donor\": \"Donor\", \"countries\": [\"KZ\"], \"sdgs\": [16]" + period + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private static final String SECOND_FRAMEWORK = """
            {"indicators": [
              {"id": "B1", "title": "Customs officers trained", "metric": "officials-trained", "baseline": 0,
               "targets": [{"first": "2025-01-01", "last": "2025-12-31", "value": 40}, {"value": 120}]},
              {"id": "B2", "title": "Risk-profiling procedures adopted", "measure": "count", "baseline": 1,
               "targets": [{"first": "2025-01-01", "last": "2025-12-31", "value": 3}],
               "actuals": [{"first": "2025-01-01", "last": "2025-12-31", "value": 2, "note": "Order No. 7 of the customs committee"}]}
            ]}""";

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void a_programme_without_a_framework_has_the_empty_one_at_version_0_and_a_report_without_indicators() throws Exception {
        String id = programme("kz-bare", "2025-01-01", "2025-12-31");

        HttpResponse<String> framework = api.send("GET", "/api/v1/programmes/" + id + "/framework", kz, null);
        HttpResponse<String> report = api.send("GET", "/api/v1/programmes/" + id + "/report", kz, null);

        assertThat(framework.statusCode()).isEqualTo(200);
        assertThat(framework.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(json(framework).get("indicators")).isEmpty();
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(json(report).get("indicators")).as("not the demo's").isEmpty();
        assertThat(report.body()).contains("No results framework is recorded");
    }

    @Test
    void a_coordinator_stores_a_framework_from_the_version_read_and_reads_it_back() throws Exception {
        String path = "/api/v1/programmes/" + programme("kz-stored", "2025-01-01", "2026-12-31") + "/framework";

        HttpResponse<String> unversioned = api.send("PUT", path, kz, SECOND_FRAMEWORK);
        HttpResponse<String> first = api.send("PUT", path, kz, SECOND_FRAMEWORK, null, "\"0\"");
        HttpResponse<String> stale = api.send("PUT", path, kz, SECOND_FRAMEWORK, null, "\"0\"");
        HttpResponse<String> read = api.send("GET", path, kz, null);
        HttpResponse<String> again = api.send("PUT", path, kz, read.body(), null, read.headers().firstValue("ETag").orElseThrow());

        assertThat(unversioned.statusCode()).isEqualTo(428);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(read).get("indicators")).hasSize(2);
        assertThat(json(read).get("indicators").get(0).get("measure").asText()).as("the metric's").isEqualTo("count");
        assertThat(json(read).get("indicators").get(1).get("actuals").get(0).get("note").asText()).isEqualTo("Order No. 7 of the customs committee");
        assertThat(json(read).get("indicators").get(0).get("targets").get(1).get("first").isNull()).as("the whole programme's target").isTrue();
        assertThat(again.statusCode()).as("what GET answers is what PUT takes: %s", again.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(json(again)).isEqualTo(json(read));
        assertThat(new AuditLog(Clock.systemUTC()).of(db, "results-framework", "kz-stored")).extracting(AuditLog.Entry::actor)
                .containsExactly("kz", "kz");
    }

    @Test
    void a_framework_that_does_not_hold_together_is_refused_with_422_naming_each_field_by_its_path() throws Exception {
        String path = "/api/v1/programmes/" + programme("kz-invalid", null, null) + "/framework";
        String broken = """
                {"indicators": [
                  {"id": "X1", "title": "Trained", "metric": "officers-trained", "baseline": 0},
                  {"id": "X2", "title": "Women", "metric": "women-share", "baseline": 10,
                   "targets": [{"first": "2025-12-31", "last": "2025-01-01", "value": 30}]},
                  {"id": "X3", "title": "Certified", "metric": "certified-trainers", "baseline": 0,
                   "targets": [{"first": "2025-01-01", "last": "2025-12-31", "value": 5}, {"first": "2025-06-01", "last": "2026-05-31", "value": 8}]},
                  {"id": "X4", "title": "Procedures", "baseline": 0},
                  {"id": "X5", "title": "Trained", "metric": "officials-trained", "baseline": 0,
                   "actuals": [{"first": "2025-01-01", "last": "2025-12-31", "value": 3}]},
                  {"id": "X6", "title": "Posts", "measure": "percentage", "baseline": 0, "targets": [{"first": "2025-01-01", "value": 130}]}
                ]}""";

        HttpResponse<String> refused = api.send("PUT", path, kz, broken, null, "\"0\"");
        HttpResponse<String> after = api.send("GET", path, kz, null);

        assertThat(refused.statusCode()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        json(refused).get("errors").forEach(e -> errors.add(e.asText()));
        assertThat(errors).containsExactly(
                "indicators[0].metric: must be one of officials-trained, women-share, tot-certification-rate, post-test-pass-rate, "
                        + "certified-trainers, cascade-officers",
                "indicators[1].targets[0].last: must not be before first (2025-12-31)",
                "indicators[2].targets[1].first: must not fall in the period of targets[0] (2025-01-01 to 2025-12-31): "
                        + "the periods of targets must not overlap",
                "indicators[3].measure: is required for a custom indicator (one without a metric): count or percentage",
                "indicators[4].actuals: must be empty for a standard indicator: its actuals are computed from the data",
                "indicators[5].targets[0].last: is required (a period names its first and last day)");
        ApiWords.check(errors);
        assertThat(json(after).get("indicators")).as("nothing was stored").isEmpty();
    }

    /**
     * A figure is read as written: one too small to be zero is refused for its decimals, not stored as 0 (it was read as a
     * double first: the attacker's review of session 23), and one too large is refused for its size, at once.
     */
    @Test
    void a_figure_is_read_as_written_however_small_or_large() throws Exception {
        String path = "/api/v1/programmes/" + programme("kz-figures", null, null) + "/framework";
        for (String baseline : List.of("5e-999999999", "0.000000000000000000001", "1e999999999", "100000000000.5")) {
            HttpResponse<String> refused = api.send("PUT", path, kz, "{\"indicators\": [{\"id\": \"C1\", \"title\": \"Posts\", "
                    + "\"measure\": \"count\", \"baseline\": " + baseline + "}]}", null, "\"0\"");
            assertThat(refused.statusCode()).as(baseline + ": " + refused.body()).isEqualTo(422);
            assertThat(json(refused).get("errors").get(0).asText()).as(baseline).startsWith("indicators[0].baseline: must ");
        }
        HttpResponse<String> exact = api.send("PUT", path, kz, "{\"indicators\": [{\"id\": \"C1\", \"title\": \"Posts\", "
                + "\"measure\": \"count\", \"baseline\": 12345678901.2345}]}", null, "\"0\"");
        assertThat(exact.statusCode()).as(exact.body()).isEqualTo(200);
        assertThat(api.send("GET", path, kz, null).body()).contains("\"baseline\":12345678901.2345");
    }

    /**
     * A framework sent under {@code If-Match: *} asks for no particular version, so writers at once are each applied in turn,
     * not told "changed since the version you read" (three of six were: the attacker's review of session 23).
     */
    @Test
    void frameworks_sent_at_once_under_any_version_are_each_applied() throws Exception {
        String path = "/api/v1/programmes/" + programme("kz-any", null, null) + "/framework";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "{\"indicators\": [{\"id\": \"C1\", \"title\": \"Posts " + i + "\", \"measure\": \"count\", \"baseline\": " + i + "}]}";
                sent.add(pool.submit(() -> api.send("PUT", path, kz, body, null, "*")));
            }
            for (var response : sent) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(api.send("GET", path, kz, null).headers().firstValue("ETag")).hasValue("\"6\"");
    }

    @Test
    void a_programme_outside_the_scope_answers_exactly_as_a_missing_one() throws Exception {
        HttpResponse<String> outside = api.send("GET", "/api/v1/programmes/" + DEMO + "/framework", mn, null);
        HttpResponse<String> missing = api.send("GET", "/api/v1/programmes/no-such-programme/framework", mn, null);
        HttpResponse<String> putOutside = api.send("PUT", "/api/v1/programmes/" + DEMO + "/framework", mn, SECOND_FRAMEWORK, null, "*");
        HttpResponse<String> putMissing = api.send("PUT", "/api/v1/programmes/no-such-programme/framework", mn, SECOND_FRAMEWORK, null, "*");
        HttpResponse<String> byTrainer = api.send("PUT", "/api/v1/programmes/" + DEMO + "/framework", trainer, SECOND_FRAMEWORK, null, "*");

        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.body()).isEqualTo(missing.body()).doesNotContain("I1").doesNotContain("Border officials");
        assertThat(putOutside.statusCode()).isEqualTo(404);
        assertThat(putOutside.body()).isEqualTo(putMissing.body());
        assertThat(byTrainer.statusCode()).as("a trainer reads but does not write records").isEqualTo(403);
        assertThat(json(api.send("GET", "/api/v1/programmes/" + DEMO + "/framework", kz, null)).get("indicators"))
                .as("the demo's framework is unchanged").hasSize(6);
    }

    @Test
    void each_programme_report_shows_its_own_stored_framework_with_the_target_and_actual_of_its_period() throws Exception {
        String id = programme("kz-second", "2025-01-01", "2026-12-31");
        String path = "/api/v1/programmes/" + id;
        assertThat(api.send("PUT", path + "/framework", kz, SECOND_FRAMEWORK, null, "\"0\"").statusCode()).isEqualTo(200);

        JsonNode year = json(api.send("GET", path + "/report?from=2025-01-01&to=2025-12-31", kz, null));
        JsonNode whole = json(api.send("GET", path + "/report", kz, null));
        JsonNode demo = json(api.send("GET", "/api/v1/programmes/" + DEMO + "/report", kz, null));

        assertThat(year.get("indicators").findValuesAsText("id")).containsExactly("B1", "B2");
        assertThat(year.toString()).doesNotContain("Border officials trained on countering migrant smuggling");
        JsonNode trained = year.get("indicators").get(0);
        assertThat(trained.get("target").decimalValue()).isEqualByComparingTo("40");
        assertThat(trained.get("targetPeriod").get("first").asText()).isEqualTo("2025-01-01");
        assertThat(trained.get("count").get("value").asLong()).as("computed from this programme's events: none").isZero();
        JsonNode procedures = year.get("indicators").get(1);
        assertThat(procedures.get("kind").asText()).isEqualTo("custom");
        assertThat(procedures.get("reported").decimalValue()).isEqualByComparingTo("2");
        assertThat(procedures.get("note").asText()).isEqualTo("Order No. 7 of the customs committee");
        // Over the programme's whole period: the whole programme's target, and no actual was entered for it.
        assertThat(whole.get("from").asText()).isEqualTo("2025-01-01");
        assertThat(whole.get("to").asText()).isEqualTo("2026-12-31");
        assertThat(whole.get("indicators").get(0).get("target").decimalValue()).isEqualByComparingTo("120");
        assertThat(whole.get("indicators").get(0).get("targetPeriod").isNull()).isTrue();
        assertThat(whole.get("indicators").get(1).get("target").isNull()).as("no target for these two years").isTrue();
        assertThat(whole.get("indicators").get(1).get("reported").isNull()).as("not reported").isTrue();
        // The demo programme keeps the demo's framework, stored for it by the demo data alone.
        assertThat(demo.get("indicators").findValuesAsText("id")).containsExactly("I1", "I2", "I3", "I4", "I5", "I6");
        assertThat(demo.get("indicators").get(0).get("count").get("value").asLong()).isEqualTo(42);
    }

    @Test
    void the_programme_report_comes_as_csv_with_hxl_holding_the_cells_the_json_publishes() throws Exception {
        String query = "/api/v1/programmes/" + DEMO + "/report?audience=donor";
        JsonNode report = json(api.send("GET", query, kz, null));
        HttpResponse<String> byFormat = api.send("GET", query + "&format=csv", kz, null);
        HttpResponse<String> byAccept = api.send("GET", query, kz, null, "text/csv");

        assertThat(byFormat.statusCode()).isEqualTo(200);
        assertThat(byFormat.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/csv"));
        assertThat(byAccept.body()).isEqualTo(byFormat.body());
        List<CSVRecord> lines = CSVFormat.RFC4180.parse(new StringReader(byFormat.body().substring(1))).getRecords();
        assertThat(lines.get(1).get(0)).isEqualTo("#org +impl");
        assertThat(lines.get(1).toList()).contains("#reached +f", "#indicator +code", "#indicator +target");
        JsonNode t = report.get("officialsBySexAndCountry");
        List<String> total = new ArrayList<>();
        t.get("columnTotals").forEach(c -> total.add(c.get("suppressed").asBoolean() ? "withheld" : c.get("value").asText()));
        total.add(t.get("total").get("suppressed").asBoolean() ? "withheld" : t.get("total").get("value").asText());
        CSVRecord totalLine = lines.stream().filter(l -> l.get(5).equals("total")).findFirst().orElseThrow();
        assertThat(totalLine.toList().subList(6, 11)).isEqualTo(total);
        assertThat(totalLine.get(0)).isEqualTo("International Organization for Migration");
        List<String> indicatorIds = lines.stream().filter(l -> l.get(4).equals("indicator")).map(l -> l.get(11)).toList();
        assertThat(indicatorIds).isEqualTo(report.get("indicators").findValuesAsText("id"));
        assertThat(byFormat.body()).doesNotContain("Seitkaliyev");
    }

    @Test
    void the_iati_period_is_the_one_asked_for_else_the_programmes_else_its_events_course_days() throws Exception {
        String withPeriod = programme("kz-period", "2024-04-01", "2027-03-31");
        String bare = programme("kz-nothing", null, null);

        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String demo = api.send("GET", "/api/v1/programmes/" + DEMO + "/report?format=iati", kz, null).body();
        java.time.Instant after = java.time.Instant.now();
        // Stamped with the moment it was made, not the day's midnight (the newcomer's review of session 22).
        java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("generated-datetime=\"([^\"]+)\"").matcher(demo);
        assertThat(stamp.find()).isTrue();
        assertThat(java.time.Instant.parse(stamp.group(1))).isBetween(before, after);
        assertThat(demo).contains("last-updated-datetime=\"" + stamp.group(1) + "\"");
        String asked = api.send("GET", "/api/v1/programmes/" + DEMO + "/report?format=iati&from=2023-01-01&to=2023-12-31", kz, null).body();
        String own = api.send("GET", "/api/v1/programmes/" + withPeriod + "/report?format=iati", kz, null).body();
        HttpResponse<String> none = api.send("GET", "/api/v1/programmes/" + bare + "/report", kz, null);

        assertThat(demo).as("the demo's events: the ToT's first day to the cascade's last")
                .contains("<activity-date iso-date=\"2023-10-23\" type=\"1\"/>").contains("<activity-date iso-date=\"2024-03-15\" type=\"3\"/>")
                .contains("<period-start iso-date=\"2023-10-23\"/>").doesNotContain("1900-01-01").doesNotContain("9999");
        assertThat(asked).contains("<activity-date iso-date=\"2023-01-01\" type=\"1\"/>").contains("<period-end iso-date=\"2023-12-31\"/>");
        assertThat(own).contains("<activity-date iso-date=\"2024-04-01\" type=\"1\"/>").contains("<activity-date iso-date=\"2027-03-31\" type=\"3\"/>");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("report.period-unknown").contains("name it with from and to");
    }

    @Test
    void a_programmes_period_is_set_through_its_document_both_days_or_neither() throws Exception {
        programme("kz-dated", "2024-01-01", "2025-12-31");

        HttpResponse<String> read = api.send("GET", "/api/v1/programmes/kz-dated", kz, null);
        HttpResponse<String> halfDated = api.send("POST", "/api/v1/programmes", kz, "{\"id\": \"kz-half\", \"title\": \"Half\","
                + " \"donor\": \"Donor\", \"countries\": [\"KZ\"], \"start\": \"2024-01-01\"}");
        HttpResponse<String> backwards = api.send("POST", "/api/v1/programmes", kz, "{\"id\": \"kz-back\", \"title\": \"Back\","
                + " \"donor\": \"Donor\", \"countries\": [\"KZ\"], \"start\": \"2024-01-01\", \"end\": \"2023-01-01\"}");
        HttpResponse<String> undated = api.change("PUT", "/api/v1/programmes/kz-dated", kz, "{\"id\": \"kz-dated\", \"title\": \"Second programme\","
                + " \"donor\": \"Donor\", \"countries\": [\"KZ\"], \"sdgs\": [16]}");

        assertThat(json(read).get("start").asText()).isEqualTo("2024-01-01");
        assertThat(json(read).get("end").asText()).isEqualTo("2025-12-31");
        assertThat(halfDated.statusCode()).isEqualTo(400);
        assertThat(halfDated.body()).contains("end: is required with start");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("end: must not be before start");
        assertThat(undated.statusCode()).as(undated.body()).isEqualTo(200);
        assertThat(json(undated).get("start").isNull()).isTrue();
        assertThat(new org.cadre.server.store.Programmes(db, new AuditLog(Clock.systemUTC())).get(ProgrammeId.of("kz-dated"))
                .orElseThrow().value().period()).isEmpty();
    }
}
