package org.cadre.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be, for every account, the first administrator's included: at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH} (the hash's cost grows with it), not only
 * white space, and not the username (in any case). Reasons name the rule, never the password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1000;

    private PasswordPolicy() {}

    /** Every rule the password breaks, as {@code field: reason}; empty when it is acceptable. */
    public static List<String> check(String field, String username, String password) {
        List<String> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(field + ": is required");
            return errors;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            errors.add(field + ": must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            errors.add(field + ": must be at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            errors.add(field + ": must not be only white space");
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            errors.add(field + ": must not be the username");
        }
        return errors;
    }
}
