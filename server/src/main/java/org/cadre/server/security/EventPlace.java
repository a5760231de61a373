package org.cadre.server.security;

import org.cadre.roster.Country;
import org.cadre.roster.EventId;
import org.cadre.roster.ProgrammeId;

/** Where an event is held and under which programme: what a user's scope is judged by for the people enrolled in it. */
public record EventPlace(EventId event, ProgrammeId programme, Country country) {}
