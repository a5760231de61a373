package org.cadre.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: a stable {@code type}, a short {@code title}, the HTTP {@code status}, a
 * {@code detail} for a person, and, where there are any, the invalid fields ({@code errors}) or the
 * rules' {@code findings}. Never a stack trace, never SQL, never a value the client sent.
 */
public record Problem(String type, String title, int status, String detail, List<String> errors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FindingView> findings) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** The most errors or findings a problem lists; a last line counts the rest. */
    public static final int MAX_LISTED = 100;

    public Problem {
        errors = listed(errors);
        if (findings.size() > MAX_LISTED) {
            findings = List.copyOf(findings.subList(0, MAX_LISTED));
        }
    }

    /**
     * The first {@link #MAX_LISTED} of the errors, and a last line counting the rest: what an answer lists,
     * a problem document or a page.
     *
     * @param errors every error
     * @return at most {@code MAX_LISTED + 1} lines
     */
    public static List<String> listed(List<String> errors) {
        if (errors.size() <= MAX_LISTED) {
            return errors;
        }
        List<String> first = new java.util.ArrayList<>(errors.subList(0, MAX_LISTED));
        first.add("... and " + (errors.size() - MAX_LISTED) + " more");
        return List.copyOf(first);
    }

    public Problem(String type, String title, int status, String detail, List<String> errors) {
        this(type, title, status, detail, errors, List.of());
    }

    static Problem of(String code, String title, int status, String detail) {
        return new Problem("https://cadre.example/problems/" + code, title, status, detail, List.of());
    }

    static Problem invalid(String detail, List<String> errors) {
        return new Problem("https://cadre.example/problems/invalid-fields", "Invalid fields", 400, detail, errors);
    }
}
