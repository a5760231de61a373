package org.cadre.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cadre.finding.Finding;
import org.cadre.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {

    private final EmbeddingExample.Outcome outcome = EmbeddingExample.run();

    @Test
    void the_package_passes_its_checks() {
        assertTrue(outcome.packageFindings().isEmpty(), () -> "findings: " + outcome.packageFindings());
    }

    @Test
    void the_event_check_finds_the_officer_entered_in_two_scripts_and_nothing_else() {
        List<Finding> findings = outcome.eventFindings().all();
        assertEquals(List.of("person.likely-duplicate"), findings.stream().map(Finding::code).toList(), findings::toString);
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("event/course-dostyk-2025/person/p-2", findings.get(0).subject());
        assertTrue(findings.get(0).message().contains("p-4"), findings.get(0)::message);
    }

    @Test
    void the_report_counts_five_participants_present_at_both_sessions_and_paired_tests() {
        assertEquals(5, outcome.report().participants().get());
        assertEquals("10 of 10 (100.0 %)", outcome.report().attendance().text());
        assertEquals(5, outcome.report().knowledge().pairs().get());
    }

    @Test
    void main_prints_the_figures_and_writes_the_html_report(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        EmbeddingExample.main(new String[] {html.toString()});
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"), () -> page.substring(0, Math.min(80, page.length())));
        assertTrue(page.contains("Document security course"), "the event's title is on the page");
        assertFalse(page.contains("<script"), "the report is self-contained and runs no script");
    }
}
