/**
 * The small shared kernel every Cadre module builds on: argument checks that name the offending field
 * ({@link org.cadre.kernel.Require}). Domain types check their input once, at construction; a failed
 * check throws {@link IllegalArgumentException} whose message starts with the field name.
 */
package org.cadre.kernel;
