package org.cadre.curriculum;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cadre.kernel.Require;

/**
 * One teaching session of a module.
 *
 * @param code unique across the whole curriculum
 * @param minutes planned contact time; negative is rejected, zero means "not planned yet" and is
 *     reported by {@link CurriculumRule#SESSION_WITHOUT_DURATION}
 * @param methods how it is taught; an empty set is reported by {@link CurriculumRule#SESSION_WITHOUT_METHOD}
 * @param outcomes the learning outcomes this session covers
 * @param materials what trainers and participants use, each with its own version
 */
public record Session(SessionCode code, String title, int minutes, ImmutableSet<DeliveryMethod> methods,
        ImmutableSet<OutcomeCode> outcomes, ImmutableList<Material> materials) {

    /**
     * Checks the session on its own; zero minutes and no method are rule findings, not refusals.
     *
     * @param code unique across the whole curriculum
     * @param title what the session is about; not blank, stripped
     * @param minutes planned contact time; not negative
     * @param methods how it is taught; copied
     * @param outcomes the learning outcomes it covers; copied
     * @param materials what it uses; copied
     * @throws IllegalArgumentException if a value is missing, the title blank or the minutes negative
     */
    public Session {
        Require.present(code, "Session.code");
        title = Require.text(title, "Session.title");
        Require.nonNegative(minutes, "Session.minutes");
        methods = Require.set(methods, "Session.methods");
        outcomes = Require.set(outcomes, "Session.outcomes");
        materials = Require.list(materials, "Session.materials");
    }

    /**
     * Starts a session; minutes, methods, outcomes and materials are added to the builder.
     *
     * @param code unique across the whole curriculum, such as {@code M1.S3}
     * @param title what the session is about
     * @return the builder
     * @throws IllegalArgumentException if the code is malformed
     */
    public static Builder builder(String code, String title) {
        return new Builder(SessionCode.of(code), title);
    }

    /** Builds a session step by step; {@link #build()} checks it. */
    public static final class Builder {
        private final SessionCode code;
        private final String title;
        private int minutes;
        private final Set<DeliveryMethod> methods = new LinkedHashSet<>();
        private final Set<OutcomeCode> outcomes = new LinkedHashSet<>();
        private final List<Material> materials = new ArrayList<>();

        private Builder(SessionCode code, String title) {
            this.code = code;
            this.title = title;
        }

        /**
         * Sets the planned contact time.
         *
         * @param minutes minutes of teaching; 0 means not planned yet
         * @return this builder
         */
        public Builder minutes(int minutes) {
            this.minutes = minutes;
            return this;
        }

        /**
         * Adds delivery methods.
         *
         * @param methods how the session is taught
         * @return this builder
         */
        public Builder methods(DeliveryMethod... methods) {
            this.methods.addAll(Arrays.asList(methods));
            return this;
        }

        /**
         * Adds learning outcomes the session covers.
         *
         * @param outcomes outcome codes, such as {@code LO2}
         * @return this builder
         * @throws IllegalArgumentException if a code is malformed
         */
        public Builder outcomes(String... outcomes) {
            Arrays.stream(outcomes).map(OutcomeCode::of).forEach(this.outcomes::add);
            return this;
        }

        /**
         * Adds a material the session uses.
         *
         * @param title the material's title
         * @param version the material's own version
         * @return this builder
         * @throws IllegalArgumentException if a value is blank
         */
        public Builder material(String title, String version) {
            materials.add(Material.of(title, version));
            return this;
        }

        /**
         * Builds the session.
         *
         * @return the session
         * @throws IllegalArgumentException if the title is blank or the minutes negative
         */
        public Session build() {
            return new Session(code, title, minutes, ImmutableSet.copyOf(methods), ImmutableSet.copyOf(outcomes),
                    ImmutableList.copyOf(materials));
        }
    }
}
