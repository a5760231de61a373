/**
 * The store: jOOQ over an embedded SQLite file by default, PostgreSQL when one machine is not enough.
 * {@link org.cadre.server.store.Database} opens either, applies the Flyway migrations in
 * {@code db/migration} and checks the connection settings; the stores ({@link
 * org.cadre.server.store.Organisations}, {@link org.cadre.server.store.People}) map rows to the domain
 * types of roster-core, write the audit log in the same transaction as the change, and refuse stale
 * versions with {@link org.cadre.server.store.StaleVersionException}. Table classes are generated from
 * the migrations at build time into {@code org.cadre.server.store.schema}. SQL lives only here.
 */
package org.cadre.server.store;
