package org.cadre.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a text may hold to be stored and published: no character XML 1.0 cannot carry (C0 controls other
 * than tab, line feed and carriage return; U+FFFE and U+FFFF; a lone surrogate), which would break the
 * IATI and HTML outputs and which PostgreSQL refuses (NUL); and no more characters than its column holds.
 * Checked on every string of a JSON document (by the field's name, wherever it stands) and on every cell
 * of a roster CSV, before anything is read further.
 */
public final class Texts {

    /** The longest text of any field; the columns of shorter ones are listed in {@link #LIMITS}. */
    public static final int LONGEST = 4000;

    /** Fields whose column is shorter than {@link #LONGEST}, by name (the last part of the field's path). */
    public static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("nativeName", 400), Map.entry("latinName", 400), Map.entry("native_name", 400), Map.entry("latin_name", 400),
            Map.entry("rank", 200), Map.entry("name", 200), Map.entry("title", 400), Map.entry("donor", 400), Map.entry("city", 200),
            Map.entry("zone", 64), Map.entry("audience", 1000), Map.entry("owners", 400), Map.entry("statement", 1000),
            Map.entry("prompt", 1000), Map.entry("reason", 1000), Map.entry("note", 1000), Map.entry("version", 40),
            Map.entry("previous", 40), Map.entry("languages", 35), Map.entry("comment", LONGEST), Map.entry("password", 1000),
            Map.entry("username", 64), Map.entry("id", 64), Map.entry("person", 64), Map.entry("event", 64),
            Map.entry("programme", 64), Map.entry("curriculum", 80), Map.entry("nominatedBy", 64), Map.entry("trainersFrom", 64),
            Map.entry("code", 64), Map.entry("session", 64), Map.entry("author", 64), Map.entry("trainer", 64),
            Map.entry("assessor", 64), Map.entry("task", 64), Map.entry("organisation", 64), Map.entry("person_id", 64),
            Map.entry("nominated_by", 64), Map.entry("programmes", 64),
            Map.entry("trainers", 64));

    /** The most characters the languages of a package or an event take in all (their column, joined by commas). */
    public static final int LANGUAGES_IN_ALL = 200;

    private Texts() {}

    /** Every string of the document that cannot be stored, as {@code path: reason} (never the text itself). */
    public static List<String> check(JsonNode document) {
        List<String> errors = new ArrayList<>();
        walk(document, "", null, errors);
        return errors.size() > 100 ? List.copyOf(errors.subList(0, 100)) : errors;
    }

    private static void walk(JsonNode node, String path, String name, List<String> errors) {
        if (node.isTextual()) {
            problem(node.textValue(), name).ifPresent(p -> errors.add((path.isEmpty() ? "body" : path) + ": " + p));
        } else if (node.isObject()) {
            node.properties().forEach(f -> {
                java.util.Optional<String> key = problem(f.getKey(), null);
                if (key.isPresent()) {
                    // Said as it is: too long, or a character (a long name read "a character that cannot be stored").
                    errors.add((path.isEmpty() ? "body" : path) + ": a field name " + (key.get().startsWith("must") ? key.get()
                            : "holds a character that cannot be stored"));
                } else {
                    walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getKey(), errors);
                }
            });
        } else if (node.isArray()) {
            int total = 0;
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", name, errors);
                total += node.get(i).isTextual() ? node.get(i).textValue().length() + 1 : 0;
            }
            if ("languages".equals(name) && total - 1 > LANGUAGES_IN_ALL) {
                errors.add(path + ": must take at most " + LANGUAGES_IN_ALL + " characters in all");
            }
        }
    }

    /** Why the text cannot be stored in the field of that name, if it cannot. */
    public static java.util.Optional<String> problem(String text, String field) {
        int max = field == null ? LONGEST : LIMITS.getOrDefault(field, LONGEST);
        if (text.codePointCount(0, text.length()) > max) {
            return java.util.Optional.of("must be at most " + max + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            boolean noncharacter = c == '\uFFFE' || c == '\uFFFF';
            boolean loneSurrogate = Character.isHighSurrogate(c) ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || noncharacter || loneSurrogate) {
                return java.util.Optional.of("holds a character that cannot be stored or published (a control character, "
                        + "U+FFFE, U+FFFF or a lone surrogate)");
            }
        }
        return java.util.Optional.empty();
    }
}
