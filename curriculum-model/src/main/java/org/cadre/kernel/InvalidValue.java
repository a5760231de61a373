package org.cadre.kernel;

/**
 * A value refused at construction: what it is ({@code Session.minutes}, {@code PersonId}), and why, in words a
 * person reads ({@code must not be negative}). The message adds the value where that helps a developer; a door
 * that answers a person builds its answer from {@link #subject()} and {@link #reason()}, which never hold the
 * value (a value may be a person's name).
 */
public final class InvalidValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What was refused. */
    private final String subject;
    /** Why, without the value. */
    private final String reason;

    /**
     * @param subject the type and field refused ({@code Session.minutes}), a type ({@code PersonId}), or empty
     *     when the caller knows what it was (a field of a document)
     * @param reason why, completing "subject ...": {@code is required}, {@code must not be negative}
     * @param shown the value as the message shows it ({@code -5}, {@code 'x'}), or null to show none
     */
    public InvalidValue(String subject, String reason, String shown) {
        this(subject, reason, (subject.isEmpty() ? reason : subject + " " + reason) + (shown == null ? "" : ", was " + shown), true);
    }

    private InvalidValue(String subject, String reason, String message, boolean unused) {
        super(message);
        this.subject = subject;
        this.reason = reason;
    }

    /**
     * A refusal whose reason was written with the value in it ({@code "'M9' is not in this curriculum"},
     * {@code "must be positive, was P0D"}): the message keeps it, {@link #reason()} names it "the value".
     *
     * @param subject the type and field refused, as for the constructor
     * @param written the reason as written, quoting the value in single or double quotes or after {@code , was}
     * @return the refusal
     */
    public static InvalidValue quoting(String subject, String written) {
        int was = written.indexOf(", was ");
        String bare = (was >= 0 ? written.substring(0, was) : written).replaceAll("'[^']*'", "the value")
                .replaceAll("\"[^\"]*\"", "the value");
        return new InvalidValue(subject, bare, subject.isEmpty() ? written : subject + " " + written, true);
    }

    /**
     * A refusal that names no value.
     *
     * @param subject the type and field refused, a type, or empty
     * @param reason why, completing "subject ..."
     */
    public InvalidValue(String subject, String reason) {
        this(subject, reason, null);
    }

    /** {@return what was refused: {@code Type.field}, {@code Type}, or empty} */
    public String subject() {
        return subject;
    }

    /** {@return why, without the value} */
    public String reason() {
        return reason;
    }
}
