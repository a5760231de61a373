package org.cadre.server.web.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the directory pages' forms held, to show them again as typed when a change is refused (never a
 * password), and the refusal's errors sorted by the field they name.
 */
public final class DirectoryForms {

    private DirectoryForms() {}

    /** The evidence form of a trainer's page. */
    public record EvidenceForm(String kind, String on, String event, String note, String promoteTo) {
        static final EvidenceForm EMPTY = new EvidenceForm("", "", "", "", "");
    }

    /**
     * A user's role and scope as typed: on the form that creates a user, and on a user's page.
     *
     * @param countries as typed, codes separated by spaces or commas
     * @param programmes the programmes ticked
     */
    public record UserForm(String username, String role, String countries, List<String> programmes) {
        static final UserForm EMPTY = new UserForm("", "coordinator", "", List.of());

        public boolean ticked(String programme) {
            return programmes.contains(programme);
        }
    }

    /**
     * A refusal's errors ({@code field: reason}) by the field they name, in order; an error that names none of
     * {@code fields} is under the empty key (shown above the form).
     */
    public record FieldErrors(Map<String, List<String>> byField) {

        public static final FieldErrors NONE = new FieldErrors(Map.of());

        /** The refusal's detail (above the form, first) and its errors by the field they name. */
        static FieldErrors of(String detail, List<String> errors, List<String> fields) {
            Map<String, List<String>> byField = new java.util.LinkedHashMap<>();
            byField.computeIfAbsent("", k -> new java.util.ArrayList<>()).add(detail);
            for (String e : errors) {
                int colon = e.indexOf(':');
                String field = colon > 0 && fields.contains(e.substring(0, colon)) ? e.substring(0, colon) : "";
                byField.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(e);
            }
            return new FieldErrors(byField);
        }

        /** The errors about {@code field}. */
        public List<String> of(String field) {
            return byField.getOrDefault(field, List.of());
        }

        /** The errors that name no field of the form. */
        public List<String> general() {
            return of("");
        }

        public boolean has(String field) {
            return !of(field).isEmpty();
        }

        /** The id of the element that holds {@code field}'s errors, for {@code aria-describedby}; empty when none. */
        public Optional<String> described(String form, String field) {
            return has(field) ? Optional.of(form + "-" + field + "-error") : Optional.empty();
        }
    }
}
