/**
 * The JSON shapes of the web API and of the files {@code cadre check} reads: plain records that Jackson
 * maps, each converting to and from the domain. A conversion never stops at the first bad field: it
 * collects every invalid field with its path ({@code modules[1].sessions[0].minutes}) and the reason, and
 * never repeats the value sent, since a value may be a person's name.
 */
package org.cadre.documents;
