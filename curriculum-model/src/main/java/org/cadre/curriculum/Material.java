package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * A handout, slide deck or case file used in a session, with a version of its own (materials are
 * revised more often than the package).
 */
public record Material(String title, String version) {

    public Material {
        title = Require.text(title, "Material.title");
        version = Require.text(version, "Material.version");
    }

    public static Material of(String title, String version) {
        return new Material(title, version);
    }
}
