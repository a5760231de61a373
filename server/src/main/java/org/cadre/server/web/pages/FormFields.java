package org.cadre.server.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.documents.Texts;

/**
 * What every form sent to a page must be before any handler reads it, as the API's reader holds its documents:
 * no text a column cannot hold or a report cannot publish ({@link Texts}), and no field sent twice (but the
 * ones a form sends as a list).
 */
final class FormFields {

    /** Fields a form sends once per ticked box. */
    static final Set<String> LISTS = Set.of("person", "programme");

    private FormFields() {}

    /** Every field that cannot be taken, as {@code field: reason} (never the value). */
    static List<String> problems(Map<String, List<String>> fields) {
        List<String> problems = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (name.equals(PageKit.CSRF_FIELD)) {
                return;
            }
            if (values.size() > 1 && !LISTS.contains(name)) {
                problems.add(sentTwice(name));
                return;
            }
            // A grid's field is named kind:person:item; its column is the item's.
            String column = name.contains(":") ? name.substring(name.lastIndexOf(':') + 1) : name;
            for (String value : values) {
                Texts.problem(value, column).ifPresent(p -> problems.add(shown(name) + ": " + p));
            }
        });
        return problems;
    }

    /**
     * The one value of a field that other forms send as a list ({@link #LISTS}), where this form takes one:
     * sent more than once, the form is refused naming it, as any other field sent twice is.
     */
    static String one(io.javalin.http.Context ctx, String name) {
        List<String> values = ctx.formParams(name);
        if (values.size() > 1) {
            throw new PageProblem(org.cadre.server.app.Outcome.refused(org.cadre.server.app.Outcome.Refusal.INVALID,
                    UNREADABLE, List.of(sentTwice(name))));
        }
        return values.isEmpty() ? "" : values.get(0);
    }

    /** The refusal of a field (or a file) sent more than once, naming it. */
    static String sentTwice(String name) {
        return shown(name) + ": is sent more than once; send it once";
    }

    /** What a form with fields that cannot be taken is answered. */
    static final String UNREADABLE = "The form has fields that cannot be taken; nothing was changed.";

    /** A field's name as an error names it: cut short, and only the characters a name is made of. */
    private static String shown(String name) {
        if (name.indexOf(':') >= 0) {
            // A grid's cell (kind:person:column): the person and the column are the request's, not a field's
            // name; the cell is named by its kind alone, and no one sent is named back.
            return "a cell of the form";
        }
        String clean = name.replaceAll("[^A-Za-z0-9_.:\\- ]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
