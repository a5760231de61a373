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
 * A module of a Training Support Package (for example "Combating Migrants' Smuggling on a State
 * Border"). Note that this type shares its simple name with {@link java.lang.Module}: import it by name.
 *
 * @param outcomes the learning outcomes the module aims at
 * @param prerequisites modules a participant should have completed first
 * @param settings where on the border the content applies
 * @param sessions in teaching order
 */
public record Module(ModuleCode code, String title, ImmutableSet<OutcomeCode> outcomes,
        ImmutableSet<ModuleCode> prerequisites, ImmutableSet<BorderSetting> settings,
        ImmutableList<Session> sessions) {

    /**
     * Checks the module on its own; references to outcomes and prerequisites are checked by the rules.
     *
     * @param code unique within the curriculum
     * @param title the module's title; not blank, stripped
     * @param outcomes the learning outcomes the module aims at; copied
     * @param prerequisites modules to complete first; copied
     * @param settings where on the border the content applies; copied
     * @param sessions in teaching order; copied
     * @throws IllegalArgumentException if a value is missing or the title blank
     */
    public Module {
        Require.present(code, "Module.code");
        title = Require.text(title, "Module.title");
        outcomes = Require.set(outcomes, "Module.outcomes");
        prerequisites = Require.set(prerequisites, "Module.prerequisites");
        settings = Require.set(settings, "Module.settings");
        sessions = Require.list(sessions, "Module.sessions");
    }

    /** {@return the planned contact time of all its sessions, in minutes} */
    public long minutes() {
        return sessions.stream().mapToLong(Session::minutes).sum();
    }

    /**
     * This module with its sessions replaced (a revision).
     *
     * @param sessions the new sessions, in teaching order
     * @return a new module; this one is unchanged
     */
    public Module withSessions(java.util.List<Session> sessions) {
        return new Module(code, title, outcomes, prerequisites, settings, ImmutableList.copyOf(sessions));
    }

    /**
     * Starts a module; outcomes, prerequisites, settings and sessions are added to the builder.
     *
     * @param code unique within the curriculum, such as {@code M2}
     * @param title the module's title
     * @return the builder
     * @throws IllegalArgumentException if the code is malformed
     */
    public static Builder builder(String code, String title) {
        return new Builder(ModuleCode.of(code), title);
    }

    /** Builds a module step by step; {@link #build()} checks it. */
    public static final class Builder {
        private final ModuleCode code;
        private final String title;
        private final Set<OutcomeCode> outcomes = new LinkedHashSet<>();
        private final Set<ModuleCode> prerequisites = new LinkedHashSet<>();
        private final Set<BorderSetting> settings = new LinkedHashSet<>();
        private final List<Session> sessions = new ArrayList<>();

        private Builder(ModuleCode code, String title) {
            this.code = code;
            this.title = title;
        }

        /**
         * Adds learning outcomes the module aims at.
         *
         * @param outcomes outcome codes, such as {@code LO1}
         * @return this builder
         * @throws IllegalArgumentException if a code is malformed
         */
        public Builder outcomes(String... outcomes) {
            Arrays.stream(outcomes).map(OutcomeCode::of).forEach(this.outcomes::add);
            return this;
        }

        /**
         * Adds modules a participant should complete first.
         *
         * @param modules module codes
         * @return this builder
         * @throws IllegalArgumentException if a code is malformed
         */
        public Builder prerequisites(String... modules) {
            Arrays.stream(modules).map(ModuleCode::of).forEach(prerequisites::add);
            return this;
        }

        /**
         * Adds the border settings the content applies to.
         *
         * @param settings air, land or sea crossing points, the green border, inland
         * @return this builder
         */
        public Builder settings(BorderSetting... settings) {
            this.settings.addAll(Arrays.asList(settings));
            return this;
        }

        /**
         * Adds a session after those added so far.
         *
         * @param session the session
         * @return this builder
         */
        public Builder session(Session session) {
            sessions.add(session);
            return this;
        }

        /**
         * Builds the module.
         *
         * @return the module
         * @throws IllegalArgumentException if the title is blank
         */
        public Module build() {
            return new Module(code, title, ImmutableSet.copyOf(outcomes), ImmutableSet.copyOf(prerequisites),
                    ImmutableSet.copyOf(settings), ImmutableList.copyOf(sessions));
        }
    }
}
