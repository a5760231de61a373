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

    public Module {
        Require.present(code, "Module.code");
        title = Require.text(title, "Module.title");
        outcomes = Require.set(outcomes, "Module.outcomes");
        prerequisites = Require.set(prerequisites, "Module.prerequisites");
        settings = Require.set(settings, "Module.settings");
        sessions = Require.list(sessions, "Module.sessions");
    }

    /** Planned contact time of all sessions. */
    public long minutes() {
        return sessions.stream().mapToLong(Session::minutes).sum();
    }

    /** This module with its sessions replaced (a revision). */
    public Module withSessions(java.util.List<Session> sessions) {
        return new Module(code, title, outcomes, prerequisites, settings, ImmutableList.copyOf(sessions));
    }

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

        public Builder outcomes(String... outcomes) {
            Arrays.stream(outcomes).map(OutcomeCode::of).forEach(this.outcomes::add);
            return this;
        }

        public Builder prerequisites(String... modules) {
            Arrays.stream(modules).map(ModuleCode::of).forEach(prerequisites::add);
            return this;
        }

        public Builder settings(BorderSetting... settings) {
            this.settings.addAll(Arrays.asList(settings));
            return this;
        }

        public Builder session(Session session) {
            sessions.add(session);
            return this;
        }

        public Module build() {
            return new Module(code, title, ImmutableSet.copyOf(outcomes), ImmutableSet.copyOf(prerequisites),
                    ImmutableSet.copyOf(settings), ImmutableList.copyOf(sessions));
        }
    }
}
