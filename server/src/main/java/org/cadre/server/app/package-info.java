/**
 * The application layer: one class per staff action, called by every door (the web API, the command
 * line, the pages). A use case takes the acting user and plain values, checks permission and scope,
 * calls the library and the store, and returns an {@link org.cadre.server.app.Outcome}; it never sees
 * HTTP or picocli. Start with {@link org.cadre.server.app.UseCases}, which builds them all, and
 * {@link org.cadre.server.app.Directory}; refusals are listed in {@code docs/rules.md}.
 */
package org.cadre.server.app;
