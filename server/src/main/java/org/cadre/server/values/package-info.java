/**
 * Values every floor of the server shares: a stored record with its version ({@link Versioned}), which the
 * store returns, the use cases pass on and the doors answer as an ETag.
 */
package org.cadre.server.values;
