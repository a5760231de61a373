package org.cadre.server.web;

import org.cadre.finding.Finding;

/** A rule finding as the API shows it; {@code severity} is {@code error}, {@code warning} or {@code info}. */
public record FindingView(String severity, String code, String subject, String message) {
    static FindingView of(Finding f) {
        return new FindingView(org.cadre.documents.Labels.of(f.severity()), f.code(), f.subject(), f.message());
    }
}
