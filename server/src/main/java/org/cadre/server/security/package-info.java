/**
 * Who may do what: password hashing ({@link org.cadre.server.security.Passwords}), login sessions with
 * hashed bearer tokens ({@link org.cadre.server.store.Sessions}) and login throttling
 * ({@link org.cadre.server.store.LoginThrottle}, stored so that every server instance counts the same attempts).
 */
package org.cadre.server.security;
