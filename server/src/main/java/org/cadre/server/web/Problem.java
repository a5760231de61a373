package org.cadre.server.web;

import java.util.List;

/**
 * An RFC 9457 problem document: a stable {@code type}, a short {@code title}, the HTTP {@code status}, a
 * {@code detail} for a person, and, where there are any, the invalid fields or findings. Never a stack
 * trace, never SQL.
 */
public record Problem(String type, String title, int status, String detail, List<String> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    static Problem of(String code, String title, int status, String detail) {
        return new Problem("https://cadre.example/problems/" + code, title, status, detail, List.of());
    }
}
