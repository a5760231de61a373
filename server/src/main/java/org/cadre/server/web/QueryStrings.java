package org.cadre.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Query strings as the API and the pages read them. The raw query is checked before anything reads it: a name or
 * value that is not percent-encoded as a query must be (a {@code %} followed by two hexadecimal digits, the bytes
 * UTF-8) is refused naming it. Read leniently, such a
 * parameter was dropped without a word, and {@code ?audience=donor%} gave the default audience, the internal report,
 * to someone who meant to pass the donor's on (the attacker's review of session 20).
 */
public final class QueryStrings {

    private QueryStrings() {}

    /**
     * A day the query gives as {@code field}, read as the report's period reads it: none when not given (nor when given
     * empty, if {@code emptyIsNone}: a form sends its empty fields), else refused naming the field and why. Not stripped:
     * {@code " 2023-01-01"} (a "+" in a query is a space) is refused.
     */
    public static org.cadre.server.app.Outcome<Optional<java.time.LocalDate>> day(String field, String text, boolean emptyIsNone) {
        if (text == null || emptyIsNone && text.isEmpty()) {
            return org.cadre.server.app.Outcome.done(Optional.empty());
        }
        Optional<String> problem = org.cadre.documents.Dates.problem(text);
        return problem.isPresent() ? org.cadre.server.app.Outcome.refused(org.cadre.server.app.Outcome.Refusal.INVALID,
                "A date is not valid.", List.of(field + ": " + problem.get())) : org.cadre.server.app.Outcome.done(org.cadre.documents.Dates.tryParse(text));
    }

    /**
     * A query parameter's name as an error names it: as sent when it is written as a parameter's name is (ASCII letters,
     * digits, "_", "-" and ".", a letter first, at most 64), else "(a parameter)", so that what a client typed in another
     * script or with spaces, which could be a person's name, is not repeated. {@code page-size} is named ("(a parameter)"
     * hid which of several was meant: the newcomer's review of session 21).
     */
    public static String shown(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}") ? name : "(a parameter)";
    }

    /**
     * The names of the parameters sent, leaving out a stray separator ({@code ?audience=donor&}, {@code ?&audience=donor}:
     * an empty name with no value names nothing, and was refused as "(a parameter)" (the newcomer's review of session 21)).
     * An empty name with a value ({@code ?=donor}) is kept, to be refused.
     */
    public static java.util.Set<String> names(java.util.Map<String, List<String>> sent) {
        java.util.Set<String> names = new java.util.TreeSet<>(sent.keySet());
        if (sent.getOrDefault("", List.of()).stream().allMatch(String::isEmpty)) {
            names.remove("");
        }
        return names;
    }

    /** The errors of a raw query string (as sent, still encoded), one per parameter that does not decode; empty when all do. */
    public static List<String> problems(String rawQuery) {
        List<String> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            Optional<String> decodedName = decode(name);
            if (decodedName.isEmpty() || decode(value).isEmpty()) {
                String shown = decodedName.map(QueryStrings::shown).orElse("(a parameter)");
                out.add(shown + ": is not encoded as a query must be: a % is followed by two hexadecimal digits, and the bytes are UTF-8");
            }
        }
        return out;
    }

    /** The text a query's name or value stands for, or empty when it is not strictly percent-encoded UTF-8. */
    static Optional<String> decode(String encoded) {
        byte[] bytes = new byte[encoded.length() * 3];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes[n++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    return Optional.empty(); // a raw surrogate cannot come from a decoded request line
                }
                for (byte b : raw) {
                    bytes[n++] = b;
                }
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
