package org.cadre.server.values;

import java.time.Instant;

/**
 * A live session as an administrator sees it: its id (not the token, which is never stored), when it began
 * and when it was last used.
 */
public record SessionInfo(String id, Instant createdAt, Instant lastSeenAt) {}
