package org.cadre.server.security;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.Country;
import org.cadre.roster.ProgrammeId;

/**
 * The rules a new user must meet: a well-formed username, a password of at least
 * {@value #MIN_PASSWORD} characters, a known role, valid country codes and programme ids, and a scope
 * for every role but administrator. Every broken rule is reported at once; reasons name the field and
 * the rule but never repeat the value sent (it may be anything, a person's name too).
 */
public final class NewUsers {

    public static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;

    /** The account to store, or the reasons there is none. */
    public record Checked(Optional<UserAccount> account, ImmutableList<String> errors) {}

    private NewUsers() {}

    public static Checked check(String username, String password, String role, List<String> countries, List<String> programmes) {
        List<String> errors = new ArrayList<>();
        if (username == null) {
            errors.add("username: is required");
        } else if (!username.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            errors.add("username: must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit");
        }
        errors.addAll(PasswordPolicy.check("password", username, password));
        UserAccount.Role parsed = role(String.valueOf(role), errors);
        List<Country> scopeCountries = countries(countries, errors);
        List<ProgrammeId> scopeProgrammes = programmes(programmes, errors);
        // A scope given but unreadable is named as such, not also as missing (the newcomer's review of session 13).
        boolean noneGiven = (countries == null || countries.isEmpty()) && (programmes == null || programmes.isEmpty());
        if (parsed != null && parsed != UserAccount.Role.ADMIN && noneGiven) {
            errors.add("countries: a " + parsed.label() + " needs a scope: at least one country or programme");
        }
        if (!errors.isEmpty()) {
            return new Checked(Optional.empty(), ImmutableList.copyOf(errors));
        }
        return new Checked(Optional.of(new UserAccount(username, Passwords.hash(password.toCharArray()), parsed,
                ImmutableSortedSet.copyOf(scopeCountries), ImmutableSortedSet.copyOf(scopeProgrammes), false)), ImmutableList.of());
    }

    /**
     * The role as sent, or null with the error added: read so for a new user and a changed one alike.
     *
     * @param sent the role's label
     * @param errors where the error goes
     * @return the role, or null
     */
    public static UserAccount.Role role(String sent, List<String> errors) {
        try {
            return UserAccount.Role.parse(sent);
        } catch (IllegalArgumentException e) {
            errors.add("role: must be admin, coordinator, trainer, m-and-e or donor-viewer");
            return null;
        }
    }

    /**
     * The countries of a scope as sent, each that is no code left out with one error added for it (their twin texts had
     * drifted apart between a new user and a changed one).
     *
     * @param sent the codes; null for none
     * @param errors where the errors go
     * @return the countries read
     */
    public static List<Country> countries(List<String> sent, List<String> errors) {
        List<Country> out = new ArrayList<>();
        for (String c : sent == null ? List.<String>of() : sent) {
            try {
                out.add(Country.of(c));
            } catch (IllegalArgumentException e) {
                errors.add("countries: each must be an ISO 3166-1 alpha-2 code in upper case, such as KZ");
            }
        }
        return out;
    }

    /**
     * The programmes of a scope as sent, each that is no id left out with one error added for it.
     *
     * @param sent the ids; null for none
     * @param errors where the errors go
     * @return the programmes read
     */
    public static List<ProgrammeId> programmes(List<String> sent, List<String> errors) {
        List<ProgrammeId> out = new ArrayList<>();
        for (String p : sent == null ? List.<String>of() : sent) {
            try {
                out.add(ProgrammeId.of(p));
            } catch (IllegalArgumentException e) {
                errors.add("programmes: each must be a programme id (letters, digits, dots, underscores or hyphens)");
            }
        }
        return out;
    }
}
