package org.cadre.server.security;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Locale;
import org.cadre.kernel.Require;
import org.cadre.roster.Country;
import org.cadre.roster.ProgrammeId;

/**
 * A user of the web API: a role, and for every role but admin a scope of countries and programmes
 * outside which the user sees and changes nothing.
 *
 * @param passwordHash a slow salted hash, never the password
 */
public record UserAccount(String username, String passwordHash, Role role, ImmutableSortedSet<Country> countries,
        ImmutableSortedSet<ProgrammeId> programmes, boolean disabled) {

    public UserAccount {
        Require.code(username, "UserAccount.username");
        passwordHash = Require.text(passwordHash, "UserAccount.passwordHash");
        Require.present(role, "UserAccount.role");
        countries = ImmutableSortedSet.copyOf(Require.present(countries, "UserAccount.countries"));
        programmes = ImmutableSortedSet.copyOf(Require.present(programmes, "UserAccount.programmes"));
    }

    /** The roles, spelled in the API as {@code admin}, {@code coordinator}, {@code trainer}, {@code m-and-e}, {@code donor-viewer}. */
    public enum Role {
        ADMIN, COORDINATOR, TRAINER, M_AND_E, DONOR_VIEWER;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Role parse(String label) {
            for (Role r : values()) {
                if (r.label().equals(label)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("role must be admin, coordinator, trainer, m-and-e or donor-viewer, was '" + label + "'");
        }
    }
}
