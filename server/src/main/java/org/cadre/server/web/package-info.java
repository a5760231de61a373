/**
 * The web API (in progress): {@link org.cadre.server.web.CadreApp} builds the Javalin application from
 * its dependencies, with every route in one table. Handlers parse, call the library or a store, and
 * respond; errors are RFC 9457 problem documents ({@link org.cadre.server.web.Problem}). The contract is
 * {@code docs/openapi.yaml}, served at {@code /openapi.yaml}, with Swagger UI at {@code /docs}.
 */
package org.cadre.server.web;
