package org.cadre.curriculum;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.cadre.kernel.Require;

/**
 * One version of a Training Support Package: what trainers teach from.
 *
 * <p>Construction rejects malformed values (blank titles, negative minutes, malformed codes, EQF levels
 * outside 1-8) with a message naming the field. Whether the parts fit together (references, coverage,
 * cycles, feasibility, version policy) is the job of {@link CurriculumCheck}, which reports every
 * problem at once as findings.
 *
 * @param id stable across versions
 * @param version this version; see {@link VersionPolicy}
 * @param languages BCP 47 tags of the languages the package is published in, such as {@code ru}, {@code en}
 * @param owners the organisations that own the package (for example IOM Kazakhstan and a Border Academy)
 * @param targetAudience who the package is for, in a sentence
 * @param competences the job competences, each mapped to outcomes
 * @param outcomes every learning outcome of the package
 * @param modules in teaching order
 * @param revision why this version exists, if it revises an earlier one
 */
public record Curriculum(CurriculumId id, String title, SemanticVersion version, ImmutableList<String> languages,
        ImmutableList<String> owners, String targetAudience, ImmutableList<Competence> competences,
        ImmutableList<LearningOutcome> outcomes, ImmutableList<Module> modules, AssessmentBlueprint assessment,
        CertificationCriteria certification, Optional<Revision> revision) {

    /**
     * Checks each value on its own and copies the lists; how the parts fit together is left to
     * {@link CurriculumCheck}. Most callers use {@link #builder}.
     *
     * @param id stable across versions
     * @param title the package's title; not blank, stripped
     * @param version this version
     * @param languages BCP 47 tags of the languages the package is published in
     * @param owners the organisations that own the package; none blank
     * @param targetAudience who the package is for; not blank, stripped
     * @param competences the job competences
     * @param outcomes every learning outcome
     * @param modules in teaching order
     * @param assessment what is assessed and the pass mark
     * @param certification what certification requires
     * @param revision why this version exists, if it revises an earlier one
     * @throws IllegalArgumentException if a value is missing, a text blank or a language tag malformed
     */
    public Curriculum {
        Require.present(id, "Curriculum.id");
        title = Require.text(title, "Curriculum.title");
        Require.present(version, "Curriculum.version");
        languages = Require.list(languages, "Curriculum.languages");
        for (String tag : languages) {
            Require.languageTag(tag, "Curriculum.languages");
        }
        owners = Require.list(owners, "Curriculum.owners").stream()
                .map(o -> Require.text(o, "Curriculum.owners")).collect(ImmutableList.toImmutableList());
        targetAudience = Require.text(targetAudience, "Curriculum.targetAudience");
        competences = Require.list(competences, "Curriculum.competences");
        outcomes = Require.list(outcomes, "Curriculum.outcomes");
        modules = Require.list(modules, "Curriculum.modules");
        Require.present(assessment, "Curriculum.assessment");
        Require.present(certification, "Curriculum.certification");
        Require.present(revision, "Curriculum.revision");
    }

    /** {@return every session of every module, in teaching order} */
    public Stream<Session> sessions() {
        return modules.stream().flatMap(m -> m.sessions().stream());
    }

    /**
     * Finds a session in any module.
     *
     * @param code the session's code, unique across the package
     * @return the session, or empty if no module holds it
     */
    public Optional<Session> session(SessionCode code) {
        return sessions().filter(s -> s.code().equals(code)).findFirst();
    }

    /**
     * Finds a module.
     *
     * @param code the module's code
     * @return the module, or empty if the package has none of that code
     */
    public Optional<Module> module(ModuleCode code) {
        return modules.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /**
     * The module a session belongs to.
     *
     * @param code the session's code
     * @return the module holding it, or empty if no module does
     */
    public Optional<Module> moduleOf(SessionCode code) {
        return modules.stream().filter(m -> m.sessions().stream().anyMatch(s -> s.code().equals(code))).findFirst();
    }

    /** {@return the planned contact time of all sessions, in minutes} */
    public long minutes() {
        return modules.stream().mapToLong(Module::minutes).sum();
    }

    /** {@return {@code curriculum/<id>@<version>}, the prefix of every finding's subject about this version} */
    public String subject() {
        return "curriculum/" + id + "@" + version;
    }

    /** {@return a builder holding every field of this curriculum, to derive a changed copy (a new version)} */
    public Builder toBuilder() {
        Builder b = builder(id.value(), title, version.toString()).audience(targetAudience)
                .assessment(assessment).certification(certification);
        b.languages.addAll(languages);
        b.owners.addAll(owners);
        b.competences.addAll(competences);
        b.outcomes.addAll(outcomes);
        b.modules.addAll(modules);
        b.revision = revision;
        return b;
    }

    /**
     * Starts a package version. Languages, owners, the audience, competences, outcomes, modules, the
     * assessment and the certification criteria are added to the builder; {@link Builder#build()} checks
     * each value.
     *
     * @param id the package's id, stable across versions, such as {@code tsp-countering-migrant-smuggling}
     * @param title the package's title
     * @param version the version, {@code MAJOR.MINOR.PATCH}, such as {@code 1.0.0}
     * @return the builder
     * @throws IllegalArgumentException if the id or the version is malformed
     */
    public static Builder builder(String id, String title, String version) {
        return new Builder(CurriculumId.of(id), title, SemanticVersion.parse(version));
    }

    /** Builds a curriculum step by step; {@link #build()} checks it. */
    public static final class Builder {
        private CurriculumId id;
        private String title;
        private SemanticVersion version;
        private final List<String> languages = new ArrayList<>();
        private final List<String> owners = new ArrayList<>();
        private String targetAudience;
        private final List<Competence> competences = new ArrayList<>();
        private final List<LearningOutcome> outcomes = new ArrayList<>();
        private final List<Module> modules = new ArrayList<>();
        private AssessmentBlueprint assessment;
        private CertificationCriteria certification;
        private Optional<Revision> revision = Optional.empty();

        private Builder(CurriculumId id, String title, SemanticVersion version) {
            this.id = id;
            this.title = title;
            this.version = version;
        }

        /**
         * Sets the title.
         *
         * @param title the package's title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the version, as a new version of a package does.
         *
         * @param version {@code MAJOR.MINOR.PATCH}
         * @return this builder
         * @throws IllegalArgumentException if the version is malformed
         */
        public Builder version(String version) {
            this.version = SemanticVersion.parse(version);
            return this;
        }

        /**
         * Adds languages the package is published in.
         *
         * @param tags BCP 47 tags, such as {@code ru}, {@code kk}, {@code uz-Cyrl}
         * @return this builder
         */
        public Builder languages(String... tags) {
            languages.addAll(Arrays.asList(tags));
            return this;
        }

        /**
         * Adds owners of the package.
         *
         * @param owners organisations' names, such as "IOM Kazakhstan"
         * @return this builder
         */
        public Builder owners(String... owners) {
            this.owners.addAll(Arrays.asList(owners));
            return this;
        }

        /**
         * Sets who the package is for.
         *
         * @param targetAudience one sentence, such as "instructors of the border services of Central Asia"
         * @return this builder
         */
        public Builder audience(String targetAudience) {
            this.targetAudience = targetAudience;
            return this;
        }

        /**
         * Adds a job competence.
         *
         * @param competence the competence and the outcomes that build it
         * @return this builder
         */
        public Builder competence(Competence competence) {
            competences.add(competence);
            return this;
        }

        /**
         * Adds a learning outcome.
         *
         * @param outcome the outcome
         * @return this builder
         */
        public Builder outcome(LearningOutcome outcome) {
            outcomes.add(outcome);
            return this;
        }

        /**
         * Adds a module after those added so far (modules are in teaching order).
         *
         * @param module the module with its sessions
         * @return this builder
         */
        public Builder module(Module module) {
            modules.add(module);
            return this;
        }

        /**
         * Replaces the module with the same code, keeping its place.
         *
         * @param module the new module
         * @return this builder
         * @throws IllegalArgumentException if no module has that code
         */
        public Builder replaceModule(Module module) {
            int at = indexOfModule(module.code());
            Require.that(at >= 0, "module", "'" + module.code() + "' is not in this curriculum");
            modules.set(at, module);
            return this;
        }

        /**
         * Removes a module and its sessions.
         *
         * @param code the module's code
         * @return this builder
         * @throws IllegalArgumentException if no module has that code
         */
        public Builder removeModule(String code) {
            int at = indexOfModule(ModuleCode.of(code));
            Require.that(at >= 0, "module", "'" + code + "' is not in this curriculum");
            modules.remove(at);
            return this;
        }

        /**
         * Removes a learning outcome (references to it stay, and the checks report them).
         *
         * @param code the outcome's code
         * @return this builder
         * @throws IllegalArgumentException if no outcome has that code
         */
        public Builder removeOutcome(String code) {
            Require.that(outcomes.removeIf(o -> o.code().value().equals(code)), "outcome",
                    "'" + code + "' is not in this curriculum");
            return this;
        }

        private int indexOfModule(ModuleCode code) {
            for (int i = 0; i < modules.size(); i++) {
                if (modules.get(i).code().equals(code)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Sets the assessment blueprint.
         *
         * @param assessment test questions, practical tasks and the pass mark
         * @return this builder
         */
        public Builder assessment(AssessmentBlueprint assessment) {
            this.assessment = assessment;
            return this;
        }

        /**
         * Sets the certification criteria.
         *
         * @param certification what a participant must achieve
         * @return this builder
         */
        public Builder certification(CertificationCriteria certification) {
            this.certification = certification;
            return this;
        }

        /**
         * Records that this version revises an earlier one, and why.
         *
         * @param previousVersion the version revised, {@code MAJOR.MINOR.PATCH}
         * @param reason why, such as "participant feedback from the Almaty ToT"
         * @return this builder
         * @throws IllegalArgumentException if the version is malformed or the reason blank
         */
        public Builder revises(String previousVersion, String reason) {
            this.revision = Optional.of(new Revision(SemanticVersion.parse(previousVersion), reason));
            return this;
        }

        /**
         * Builds the version, checking each value on its own (run {@link CurriculumCheck} for the rest).
         *
         * @return the curriculum
         * @throws IllegalArgumentException if a value is missing or malformed, naming the field
         */
        public Curriculum build() {
            return new Curriculum(id, title, version, ImmutableList.copyOf(languages), ImmutableList.copyOf(owners),
                    targetAudience, ImmutableList.copyOf(competences), ImmutableList.copyOf(outcomes),
                    ImmutableList.copyOf(modules), assessment, certification, revision);
        }
    }
}
