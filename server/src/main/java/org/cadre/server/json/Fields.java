package org.cadre.server.json;

import com.google.common.collect.ImmutableList;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | ArithmeticException e) {
            errors.add(path + ": " + reason(e));
            return null;
        }
    }

    /** Converts every element under {@code path[i]}; null elements are recorded as missing. */
    public <D, T> ImmutableList<T> each(String path, List<D> items, Function<D, T> convert) {
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
            T value = at(at, () -> convert.apply(item));
            if (value != null && errors.size() == before) {
                out.add(value);
            }
        }
        return out.build();
    }

    /** Records that a required field is absent. */
    public <T> T require(String path, T value) {
        if (value == null) {
            errors.add(path + ": is required");
        }
        return value;
    }

    public void add(String path, String reason) {
        errors.add(path + ": " + reason);
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

    /**
     * The domain's reason without the value it quotes: the domain says {@code "... must be a code ..., was
     * 'x'"}, and what a client sent may be a person's name, which must never come back in an error.
     */
    static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "is invalid" : e.getMessage();
        int was = message.indexOf(", was ");
        if (was >= 0) {
            message = message.substring(0, was);
        }
        message = message.replaceAll("'[^']*'", "the value").replaceAll("\"[^\"]*\"", "the value");
        // "Session.minutes must not be negative" -> "must not be negative", "CurriculumId is required" ->
        // "is required": the path already names the field, and a Java name is no word of the API.
        String[] words = message.split(" ", 2);
        if (words.length == 2 && (words[0].matches("[A-Z][A-Za-z0-9]*(\\.[A-Za-z0-9\\[\\]]+)+")
                || words[0].matches("[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+"))) {
            message = words[1];
        }
        if (e instanceof DateTimeException) {
            message = "is not a valid date, time or zone";
        }
        return message;
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
