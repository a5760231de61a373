package org.cadre.server.web.pages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.cadre.roster.Person;
import org.cadre.server.security.UserAccount;

/**
 * What every page's frame needs: the words in the reader's language, who is signed in, the form token, the
 * address of the page (for the language switch to come back to) and its title.
 *
 * @param t the words in the reader's language
 * @param user the signed-in user; empty on the sign-in page
 * @param csrf the token every form of this session sends back
 * @param path the page's own address, path and query
 * @param title the page's title, in the reader's language
 */
public record View(Messages t, Optional<UserAccount> user, String csrf, String path, String title) {

    /** The text of {@code key} in the reader's language. */
    public String t(String key, Object... args) {
        return t.get(key, args);
    }

    public String lang() {
        return t.lang();
    }

    /** The language the switch on every page offers. */
    public String otherLang() {
        return t.lang().equals("en") ? "ru" : "en";
    }

    public boolean signedIn() {
        return user.isPresent();
    }

    public String username() {
        return user.map(UserAccount::username).orElse("");
    }

    public boolean isAdmin() {
        return can().manageUsers();
    }

    /** What the signed-in user's role allows (nothing before sign-in): the pages offer only that. */
    public org.cadre.server.app.SignIn.Abilities can() {
        return user.map(org.cadre.server.app.SignIn::abilities)
                .orElse(new org.cadre.server.app.SignIn.Abilities(false, false, false, false, false, false, false, false));
    }

    /** The label of a value in the reader's language ({@code status.confirmed}), else the value's own label. */
    public String label(String kind, String value) {
        return t.label(kind + "." + value, value);
    }

    /** The label of an enumerated value in the reader's language ({@code status.confirmed}). */
    public String label(String kind, Enum<?> value) {
        return label(kind, org.cadre.documents.Labels.of(value));
    }

    /**
     * Where on the page the agenda slot a finding's subject names is ({@code event/X/session/M1.S1} is at
     * {@code #agenda-M1.S1}), or empty when the subject is no session; a finding about a person is placed by
     * {@link #person}.
     */
    public static String anchor(String subject) {
        String[] parts = subject == null ? new String[0] : subject.split("/");
        if (parts.length < 3) {
            return "";
        }
        return switch (parts[parts.length - 2]) {
            case "agenda", "session", "slot", "attendance-session" -> id("agenda", parts[parts.length - 1]);
            default -> "";
        };
    }

    /**
     * The person a finding's subject is about ({@code event/X/attendance/KZ-001} is about {@code KZ-001}), if it is
     * about a person: an enrolment, a person, a trainer, a participant, their certification, test, practice or
     * attendance.
     */
    public static Optional<String> person(String subject) {
        String[] parts = subject == null ? new String[0] : subject.split("/");
        if (parts.length < 3) {
            return Optional.empty();
        }
        return switch (parts[parts.length - 2]) {
            case "enrolment", "person", "trainer", "participant", "certification", "test", "practice", "attendance" ->
                    Optional.of(parts[parts.length - 1]);
            default -> Optional.empty();
        };
    }

    /** The roster's people by id, as the roster shows them (their id when the record is not readable). */
    public static java.util.Map<String, String> names(java.util.List<org.cadre.server.app.Enrolling.Entry> roster) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        roster.forEach(en -> names.put(en.enrolment().value().person().value(),
                en.person().map(View::name).orElse(en.enrolment().value().person().value())));
        return names;
    }

    /**
     * The person an error is about, when it begins with the id of someone on the roster ({@code rm-2: cannot move ...}),
     * so the page can name them instead.
     */
    public static Optional<String> about(String error, java.util.Map<String, String> names) {
        int colon = error.indexOf(": ");
        return colon > 0 && names.containsKey(error.substring(0, colon)) ? Optional.of(error.substring(0, colon)) : Optional.empty();
    }

    /** How many different lines of a file the errors name ({@code line 5: ...}); 0 when none is about a line. */
    public static int linesIn(java.util.List<String> errors) {
        return (int) errors.stream().map(e -> LINE.matcher(e)).filter(java.util.regex.Matcher::lookingAt).map(m -> m.group(1)).distinct().count();
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("line (\\d{1,9}):");

    /** An id for an element about a record ({@code enrolment-KZ-001}): only letters, digits, _ and -. */
    public static String id(String kind, String value) {
        return (kind + "-" + value).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A day written as the reader's language writes it. */
    public String date(LocalDate day) {
        return date(t, day);
    }

    /** A day written as {@code t}'s language writes it. */
    public static String date(Messages t, LocalDate day) {
        return day == null ? "" : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.locale()));
    }

    /**
     * A person's name in the script it was recorded in, the other script beside it where both are recorded:
     * {@code Абдуллоев Фарход (Farkhod Abdulloev)}.
     */
    public static String name(Person p) {
        if (p == null) {
            return "";
        }
        if (p.nativeName().isPresent() && p.latinName().isPresent() && !p.nativeName().get().equals(p.latinName().get())) {
            return p.nativeName().get() + " (" + p.latinName().get() + ")";
        }
        return p.nativeName().or(p::latinName).orElse(p.id().value());
    }
}
