package org.cadre.server.values;

/** A domain value as stored, with the version an update must name. */
public record Versioned<T>(T value, int version) {}
