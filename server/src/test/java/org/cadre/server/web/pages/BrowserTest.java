package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cadre.roster.Person;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages in a real browser (Debian's headless Chromium through Selenium): a coordinator's whole event,
 * with JavaScript and without, at a phone's and a laptop's width; scope on every page; accessibility and
 * sideways scrolling on every page; form tokens and signing out.
 */
class BrowserTest {

    private static PageFixture server;

    @BeforeAll
    static void start() throws Exception {
        server = new PageFixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_coordinator_delivers_an_event_in_the_browser_with_javascript() throws Exception {
        deliver(true, "browser-js", "bj");
    }

    @Test
    void the_same_event_can_be_delivered_without_javascript() throws Exception {
        deliver(false, "browser-nojs", "bn");
    }

    /**
     * Sign in, import a roster with a bad line and then a good one, seat everyone, mark a session on a phone and a
     * day on a laptop, enter post-test scores and feedback, close the event, certify, and open the donor report.
     */
    private void deliver(boolean javascript, String event, String prefix) throws Exception {
        server.pastEvent(event, 10);
        String suffix = javascript ? "" : "-nojs";
        try (Browser b = new Browser(server.base(), javascript)) {
            b.size(Browser.LAPTOP);
            b.signIn("kz", PageFixture.PASSWORD);
            assertThat(b.text("h1")).isEqualTo("Your events");
            assertThat(b.driver.getPageSource()).contains("Web ToT " + event);

            // A roster with a bad line: every bad line listed, nothing stored.
            b.open("/events/" + event + "/import");
            Path bad = Files.createTempFile("roster", ".csv");
            Files.writeString(bad, PageFixture.roster(prefix, 6).replace(prefix + "-4,KZ,participant", prefix + "-4,XX,participant"),
                    StandardCharsets.UTF_8);
            b.find("#file").sendKeys(bad.toString());
            b.submit("form[action$='/import/check'] button");
            assertThat(b.text("#import-errors")).contains("line 5");
            if (javascript) {
                b.checkPage();
                b.screenshot("import-bad-line-laptop");
            }
            // The good file: checked, then imported.
            Path good = Files.createTempFile("roster", ".csv");
            Files.writeString(good, PageFixture.roster(prefix, 6), StandardCharsets.UTF_8);
            b.find("#file").sendKeys(good.toString());
            b.submit("form[action$='/import/check'] button");
            assertThat(b.text("#import-summary")).contains("It enrols 6 people");
            b.submit("#import-confirm");
            assertThat(b.text(".notice")).isEqualTo("Roster imported: 6 enrolled, 6 new people recorded.");
            // A name that is markup is shown as text (and never run: the page would have no h1 left otherwise).
            assertThat(b.text("#enrolment-" + prefix + "-2")).contains("<script>alert(1)</script> Yerlan Sadykov");

            // Seat everyone: approve, then confirm, all ticked at once.
            for (String to : new String[] {"approved", "confirmed"}) {
                b.all("input[name=person]").forEach(WebElement::click);
                b.submit("button[name=to][value=" + to + "]");
            }
            assertThat(b.all("#roster-table tbody tr .status.confirmed")).as(b.text("main")).hasSize(6);
            if (javascript) {
                b.checkPage();
                b.screenshot("event-laptop");
            }

            // One session on a phone: one tap per person, saved at once.
            b.size(Browser.PHONE);
            b.open("/events/" + event + "/attendance/M1.S1");
            List<String> people = b.all("li.person input[name=person]").stream().map(e -> e.getAttribute("value")).toList();
            assertThat(people).hasSize(6);
            for (String person : people) {
                String mark = person.endsWith("-3") ? "late" : "present";
                b.click("#p-" + person + " button[value=" + mark + "]");
                b.waitFor(d -> "true".equals(b.find("#p-" + person + " button[value=" + mark + "]").getAttribute("aria-pressed")));
            }
            if (javascript) {
                assertThat(b.text("#p-" + people.get(5) + " .saved")).isEqualTo("Saved: Present");
                b.checkPage();
                b.screenshot("attendance-phone");
            }
            b.open("/events/" + event + "/attendance/M1.S1");
            assertThat(b.find("#p-" + prefix + "-3 button[value=late]").getAttribute("aria-pressed")).as("stored").isEqualTo("true");
            assertThat(b.sidewaysOverflow()).isLessThanOrEqualTo(0);

            // The whole first day on a laptop.
            b.size(Browser.LAPTOP);
            b.open("/events/" + event + "/attendance");
            b.submit("h2 a.small");
            List<WebElement> cells = b.all("form.grid select");
            assertThat(cells).hasSizeGreaterThan(6);
            for (WebElement cell : cells) {
                new Select(cell).selectByValue("present");
            }
            b.submit("form.grid button[type=submit]");
            assertThat(b.path()).contains("saved=");
            assertThat(new Select(b.all("form.grid select").get(0)).getFirstSelectedOption().getAttribute("value")).isEqualTo("present");
            if (javascript) {
                b.checkPage();
                b.screenshot("attendance-day-laptop");
            }

            // Post-test scores for everyone, each question at full marks.
            b.open("/events/" + event + "/tests?phase=post");
            for (WebElement input : b.all("input.points")) {
                input.sendKeys(input.getAttribute("max"));
            }
            b.submit("form.grid button[type=submit]");
            assertThat(b.all(".notice")).as(b.text("main")).hasSize(1);
            assertThat(b.text(".notice")).isEqualTo("Scores saved.");
            if (javascript) {
                b.checkPage();
            }

            // Feedback on a session.
            b.open("/events/" + event + "/feedback");
            new Select(b.find("#session")).selectByValue("M1.S1");
            b.find("input[name=rating][value='5']").click();
            b.find("#comment").sendKeys("Useful, with real cases.");
            b.submit("form[action$='/feedback'] button[type=submit]");
            assertThat(b.text(".notice")).isEqualTo("Feedback recorded.");
            if (javascript) {
                b.checkPage();
            }

            // Close the event, then record the certification decisions.
            b.open("/events/" + event);
            b.find("#confirm-close").click();
            b.submit("form[action$='/close'] button");
            assertThat(b.text(".notice")).isEqualTo("The event is closed.");
            b.open("/events/" + event + "/certification");
            assertThat(b.text("#certification-summary")).matches("\\d+ of 6 meet every criterion\\.");
            b.find("#confirm-certify").click();
            b.submit("#certify");
            assertThat(b.text(".notice")).isEqualTo("Certification recorded.");
            if (javascript) {
                b.checkPage();
                b.screenshot("certification-laptop");
            }
            b.signOut();

            // The donor reads the report.
            b.signIn("donor", PageFixture.PASSWORD);
            b.open("/events/" + event + "/reports?audience=donor");
            assertThat(b.text("h1")).isEqualTo("Report: Web ToT " + event);
            b.driver.switchTo().frame(b.find("iframe.report"));
            assertThat(b.driver.findElement(By.tagName("body")).getText()).contains("Web ToT " + event);
            b.driver.switchTo().defaultContent();
            if (javascript) {
                b.checkPage();
                b.screenshot("donor-report-laptop");
            }
            b.signOut();
        }
    }

    @Test
    void a_tajik_coordinator_never_sees_a_kazakh_officer_on_any_page() {
        Set<String> kazakhNames = new LinkedHashSet<>();
        for (Person p : DemoRoster.almatyParticipants()) {
            if (p.country().code().equals("KZ")) {
                p.latinName().ifPresent(kazakhNames::add);
                p.nativeName().ifPresent(kazakhNames::add);
            }
        }
        try (Browser b = new Browser(server.base(), true)) {
            b.signIn("tj", PageFixture.PASSWORD);
            List<String> visited = crawl(b, 60, () -> assertThat(b.driver.getPageSource()).as(b.path()).doesNotContain(kazakhNames));
            assertThat(visited).contains("/", "/events/cascade-dushanbe-2024");
            b.open("/events/tot-almaty-2023");
            assertThat(b.text("h1")).isEqualTo("Not found");
            b.open("/people?q=Serik");
            assertThat(b.driver.getPageSource()).doesNotContain(kazakhNames);
        }
    }

    @Test
    void every_page_an_administrator_reaches_is_accessible_and_fits_a_phone() {
        try (Browser b = new Browser(server.base(), true)) {
            b.size(Browser.PHONE);
            b.open("/login");
            b.checkPage();
            b.screenshot("login-phone");
            b.signIn("admin", PageFixture.PASSWORD);
            List<String> visited = crawl(b, 80, b::checkPage);
            assertThat(visited).hasSizeGreaterThan(10);
            b.open("/");
            b.screenshot("home-phone");
            b.open("/events/tot-almaty-2023");
            b.screenshot("event-phone");
            // In Russian, whose words run longer, the pages still fit a phone.
            b.open("/");
            b.click("form[action='/language'] button");
            b.waitFor(d -> "ru".equals(b.js("return document.documentElement.lang")));
            for (String page : new String[] {"/", "/events/tot-almaty-2023", "/events/tot-almaty-2023/attendance/M1.S1",
                "/events/tot-almaty-2023/attendance/day/2023-10-23", "/events/tot-almaty-2023/tests", "/events/tot-almaty-2023/certification",
                "/people/duplicates", "/pool", "/admin/users"}) {
                b.open(page);
                b.checkPage();
            }
            b.open("/events/tot-almaty-2023/attendance/M1.S1");
            b.screenshot("attendance-phone-ru");
            b.click("form[action='/language'] button");
            b.waitFor(d -> "en".equals(b.js("return document.documentElement.lang")));
            b.size(Browser.LAPTOP);
            b.open("/");
            b.checkPage();
            b.screenshot("home-laptop");
            b.open("/events/tot-almaty-2023/attendance/M1.S1");
            b.checkPage();
            b.screenshot("attendance-laptop");
        }
    }

    /**
     * A tap the server refuses says why in the row tapped, and the row's buttons stay as they were (htmx swaps no
     * error answer unless told to: the attacker's review found a bad tap silent).
     */
    @Test
    void a_refused_tap_says_why_in_its_row() {
        try (Browser b = new Browser(server.base(), true)) {
            b.size(Browser.PHONE);
            b.signIn("kz", PageFixture.PASSWORD);
            b.open("/events/tot-almaty-2023/attendance/M1.S1");
            String person = b.all("li.person input[name=person]").get(0).getAttribute("value");
            String row = "#" + View.id("p", person);
            List<String> pressed = b.all(row + " button").stream().map(e -> e.getAttribute("aria-pressed")).toList();
            b.js("document.querySelector(\"" + row + " button[value=present]\").value = 'maybe'");
            b.click(row + " button[value=maybe]");
            b.waitFor(d -> !b.text(row + " .row-problem").isEmpty());
            assertThat(b.text(row + " .row-problem")).contains("mark: ").doesNotContain("marks[0]");
            assertThat(b.all(row + " button").stream().map(e -> e.getAttribute("aria-pressed")).toList()).isEqualTo(pressed);
            assertThat(b.path()).as("still on the page").endsWith("/attendance/M1.S1");
            b.checkPage();
        }
    }

    @Test
    void a_form_sent_with_a_forged_token_is_refused_and_signing_out_ends_the_session() {
        server.pastEvent("browser-csrf", 10);
        try (Browser b = new Browser(server.base(), true)) {
            b.signIn("kz", PageFixture.PASSWORD);
            b.open("/events/browser-csrf");
            b.find("#confirm-close").click();
            b.js("document.querySelector(\"form[action$='/close'] input[name=_csrf]\").value = 'forged'");
            b.submit("form[action$='/close'] button");
            assertThat(b.text("h1")).isEqualTo("Not allowed");
            assertThat(b.text(".problem")).contains("nothing was changed");
            b.open("/events/browser-csrf");
            assertThat(b.all("form[action$='/close']")).as("still open").hasSize(1);
            String session = b.driver.manage().getCookieNamed("cadre_session").getValue();
            assertThat(b.driver.manage().getCookieNamed("cadre_session").isHttpOnly()).isTrue();
            b.signOut();
            b.open("/");
            assertThat(b.path()).startsWith("/login");
            // The old cookie put back by hand opens nothing: the session died on the server.
            b.driver.manage().addCookie(new org.openqa.selenium.Cookie("cadre_session", session, "/"));
            b.open("/events/browser-csrf");
            assertThat(b.path()).startsWith("/login");
        }
    }

    /**
     * Visits every page linked from the pages reached (same site, GET, no file downloads), up to {@code limit},
     * running {@code check} on each.
     */
    private static List<String> crawl(Browser b, int limit, Runnable check) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> visited = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < limit) {
            String path = queue.poll();
            b.open(path);
            visited.add(path);
            check.run();
            for (WebElement a : b.all("a[href]")) {
                String href = a.getAttribute("href");
                if (href == null || !href.startsWith(server.base())) {
                    continue;
                }
                String p = href.substring(server.base().length()).replaceAll("#.*$", "");
                if (p.isEmpty() || p.contains("/reports/file") || p.startsWith("/webjars") || p.startsWith("/assets")
                        || p.startsWith("/docs") || p.startsWith("/openapi")) {
                    continue;
                }
                if (seen.add(p)) {
                    queue.add(p);
                }
            }
        }
        return visited;
    }
}
