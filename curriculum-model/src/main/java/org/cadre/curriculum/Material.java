package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * A handout, slide deck or case file used in a session, with a version of its own (materials are
 * revised more often than the package).
 */
public record Material(String title, String version) {

    /**
     * Checks the material.
     *
     * @param title the material's title, such as "Participant handbook, chapter 2"; not blank, stripped
     * @param version the material's own version as its authors write it ("1.0", "2023-10"); not blank, stripped
     * @throws IllegalArgumentException if a value is missing or blank
     */
    public Material {
        title = Require.text(title, "Material.title");
        version = Require.text(version, "Material.version");
    }

    /**
     * A material and its version.
     *
     * @param title the material's title
     * @param version the material's own version
     * @return the material
     * @throws IllegalArgumentException if a value is missing or blank
     */
    public static Material of(String title, String version) {
        return new Material(title, version);
    }
}
