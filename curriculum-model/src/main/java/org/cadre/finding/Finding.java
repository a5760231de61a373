package org.cadre.finding;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One result of a rule check.
 *
 * @param severity how much it matters
 * @param code stable, documented rule code such as {@code curriculum.prerequisite-cycle}; see
 *     {@code docs/rules.md}
 * @param subject what the finding is about, as a path such as {@code curriculum/tsp@1.0.0/session/M1.S3}
 * @param message for a person: what is wrong and, where it helps, what to do
 */
public record Finding(Severity severity, String code, String subject, String message) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    /** Errors first, then by code, subject and message: the order reports and tests rely on. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::code)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::message);

    /**
     * Checks the finding's shape, so a rule with a malformed code fails its own tests, not a report.
     *
     * @param severity how much it matters
     * @param code {@code area.rule-name} in lower case, such as {@code enrolment.capacity-exceeded}
     * @param subject what it is about; not blank
     * @param message for a person; not blank
     * @throws NullPointerException if a value is missing
     * @throws IllegalArgumentException if the code is malformed or the subject or message blank
     */
    public Finding {
        requireNonNull(severity, "severity");
        requireNonNull(code, "code");
        requireNonNull(subject, "subject");
        requireNonNull(message, "message");
        checkArgument(CODE.matcher(code).matches(),
                "code must look like 'area.rule-name' in lower case, was '%s'", code);
        checkArgument(!subject.isBlank(), "subject must not be blank");
        checkArgument(!message.isBlank(), "message must not be blank");
    }

    /** {@return whether it is an error: the input cannot be used as it is} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code ERROR code subject: message}. */
    @Override
    public String toString() {
        return severity + " " + code + " " + subject + ": " + message;
    }
}
