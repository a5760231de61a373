package org.cadre.roster;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cadre.finding.Finding;

/**
 * What makes a roster import safe to send twice: an idempotency key the client chooses, and the hash of
 * what it asks (the event, the day and the file). The same key with the same request gets the first answer
 * again and changes nothing; the same key with another request is refused.
 */
public final class ImportRequest {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private ImportRequest() {}

    /**
     * Why the key cannot be used, if it cannot: 1-128 letters, digits, '.', '_', ':' or '-'.
     *
     * @param key the key as the client sent it
     * @return the refusal, or empty when the key may be used
     */
    public static Optional<Finding> keyRefusal(String key) {
        return KEY.matcher(key).matches() ? Optional.empty()
                : Optional.of(RosterCommand.IDEMPOTENCY_KEY.finding("import", "1-128 letters, digits, '.', '_', ':' or '-'"));
    }

    /**
     * Why a key used before cannot be used for this request, if the earlier request was another one.
     *
     * @param earlierHash the hash of the request first sent under the key
     * @param hash the hash of this request
     * @return the refusal, or empty when it is the same request
     */
    public static Optional<Finding> reuseRefusal(String earlierHash, String hash) {
        return earlierHash.equals(hash) ? Optional.empty()
                : Optional.of(RosterCommand.IDEMPOTENCY_KEY.finding("import", "was used with another request (another file, event or day nominated); use a new key for a new request"));
    }

    /**
     * The request's hash (SHA-256, hex): the event, the day nominated and the file's bytes.
     *
     * @param event the event imported into
     * @param on the day nominated
     * @param file the file's bytes as sent
     * @return the hash, 64 hexadecimal digits
     */
    public static String hash(EventId event, LocalDate on, byte[] file) {
        return Hashing.sha256().newHasher().putString(event.value(), StandardCharsets.UTF_8).putString(on.toString(), StandardCharsets.UTF_8)
                .putBytes(file).hash().toString();
    }
}
