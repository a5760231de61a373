package org.cadre.documents;

import com.google.common.collect.ImmutableList;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.kernel.InvalidValue;

/**
 * Collects invalid fields while a request is converted to domain values: each step runs under the path
 * of the field it reads, and a step that throws is recorded as {@code path: reason} and yields null.
 */
public final class Fields {

    private final List<String> errors = new ArrayList<>();

    /** The value the step builds, or null with the failure recorded under {@code path}. */
    public <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            errors.add(located(path, e, false));
            return null;
        }
    }

    /**
     * The whole record the step builds (an event from its checked fields), or null with the failure
     * recorded under the field the domain names ("Event.maxParticipants must be positive" is
     * {@code maxParticipants: must be positive}), or under {@code name} when it names none.
     */
    public <T> T document(String name, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            errors.add(located(name, e, true));
            return null;
        }
    }

    /**
     * As {@link #each(String, List, Function)}, each element converted with its own path ({@code agenda[2]}), so that the
     * conversion names each field at fault at its path ({@code agenda[2].start}), every one of them, not only the first.
     *
     * @param convert the element and its path to the value, or null when it recorded a fault
     */
    public <D, T> ImmutableList<T> eachAt(String path, List<D> items, java.util.function.BiFunction<D, String, T> convert) {
        if (items == null) {
            return ImmutableList.of();
        }
        ImmutableList.Builder<T> out = ImmutableList.builder();
        for (int i = 0; i < items.size(); i++) {
            D item = items.get(i);
            String at = path + "[" + i + "]";
            if (item == null) {
                errors.add(at + ": is required");
                continue;
            }
            int before = errors.size();
            T value = at(at, () -> convert.apply(item, at));
            if (value != null && errors.size() == before) {
                out.add(value);
            }
        }
        return out.build();
    }

    /** Converts every element under {@code path[i]}; null elements are recorded as missing. */
    public <D, T> ImmutableList<T> each(String path, List<D> items, Function<D, T> convert) {
        return eachAt(path, items, (item, at) -> convert.apply(item));
    }

    /** Records that a required field is absent. */
    public <T> T require(String path, T value) {
        if (value == null) {
            errors.add(path + ": is required");
        }
        return value;
    }

    /** The value, or a failure of the step it is read in: "{@code field} is required". */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValue(field, "is required");
        }
        return value;
    }

    public void add(String path, String reason) {
        errors.add(path + ": " + reason);
    }

    /** Records failures found elsewhere, each already named as {@code path: reason} (an item's, by {@link SentItems}). */
    public void addAll(List<String> located) {
        errors.addAll(located);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public ImmutableList<String> errors() {
        return ImmutableList.copyOf(errors);
    }

    /** Throws {@link InvalidFields} when any field was invalid. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors());
        }
    }

    private static final Pattern TYPE_FIELD = Pattern.compile("((?:[A-Z][A-Za-z0-9]*\\.)+)([a-z][A-Za-z0-9]*)(?:\\[\\d+\\])?");
    private static final Pattern TYPE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*");

    /**
     * {@code path: reason}, in the API's words, from what the refusal says of itself
     * ({@link InvalidValue#subject()} and {@link InvalidValue#reason()}, which never hold the value a client
     * sent, as it may be a person's name): the domain refuses {@code Session.minutes} because it {@code must not
     * be negative}; the API says {@code modules[0]: minutes must not be negative} (or, for a whole document,
     * {@code minutes: must not be negative}), without Java's names for types. A refusal that says nothing of
     * itself in these terms (a date beyond computing, another library's check) is named by its kind only.
     */
    static String located(String path, RuntimeException e, boolean document) {
        if (e instanceof DateTimeException) {
            return path + ": is not a valid date, time, zone or period";
        }
        if (e instanceof ArithmeticException) {
            return path + ": is too large to compute with";
        }
        if (!(e instanceof InvalidValue invalid)) {
            return path + ": is not valid";
        }
        String subject = invalid.subject();
        String reason = invalid.reason();
        if (subject.isEmpty()) {
            return path + ": " + reason;
        }
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]$", "");
        Matcher typeField = TYPE_FIELD.matcher(subject);
        if (typeField.matches()) {
            // The field the domain names is the path's own (DateRange.last at courseDays.last): said once.
            return document ? typeField.group(2) + ": " + reason
                    : typeField.group(2).equals(last) ? path + ": " + reason : path + ": " + typeField.group(2) + " " + reason;
        }
        boolean verb = reason.matches("(is|are|must|should|has|have|needs|cannot|may) .*");
        if (verb && (TYPE.matcher(subject).matches() || subject.equals(last))) {
            return path + ": " + reason; // "Country is required", "version must look like ..."
        }
        return path + ": " + subject + " " + reason;
    }

    /**
     * What a refusal says of itself, in the API's words and without the value sent: an
     * {@link InvalidValue}'s subject and reason; for anything else only its kind.
     */
    static String reason(RuntimeException e) {
        if (e instanceof InvalidValue v) {
            return v.subject().isEmpty() ? v.reason() : v.subject() + " " + v.reason();
        }
        if (e instanceof DateTimeException) {
            return "is not a valid date, time, zone or period";
        }
        return "is not valid";
    }

    /** Invalid fields, each named with its path and reason. */
    public static final class InvalidFields extends RuntimeException {
        private final ImmutableList<String> errors;

        public InvalidFields(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = ImmutableList.copyOf(errors);
        }

        public ImmutableList<String> errors() {
            return errors;
        }
    }
}
