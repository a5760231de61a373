/**
 * The {@code cadre} command line ({@link org.cadre.server.Cadre}); later the web API and the store.
 */
package org.cadre.server;
