package org.cadre.server.web.pages;

import java.util.Optional;
import org.cadre.roster.AttendanceMark;

/**
 * One person's row on a session's attendance page.
 *
 * @param who the participant
 * @param mark their mark for the session, if one is recorded
 */
public record MarkRow(Someone who, Optional<AttendanceMark> mark) {}
