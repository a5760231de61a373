package org.cadre.server.web.pages;

import org.cadre.roster.PersonId;

/**
 * A person as a delivery page lists them: the id and the name in the script recorded, the other beside it.
 *
 * @param id the person's id
 * @param name the name to show ({@link View#name})
 */
public record Someone(PersonId id, String name) {}
