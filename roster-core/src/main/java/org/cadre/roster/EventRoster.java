package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cadre.curriculum.Curriculum;
import org.cadre.kernel.Require;
import org.cadre.roster.pool.TrainerPool;

/**
 * Everything known about one event: the event and its agenda, the programme and curriculum version it
 * belongs to, the organisations and people involved, enrolments, attendance, tests, practice teaching,
 * feedback and the trainer pool. It is what {@link EventCheck} checks, {@link Certification} evaluates
 * and reports read.
 *
 * @param rubric how practice teaching is scored, if the curriculum has a practical task
 */
public record EventRoster(Event event, Programme programme, Curriculum curriculum,
        ImmutableMap<OrganisationId, Organisation> organisations, ImmutableMap<PersonId, Person> people,
        ImmutableList<Enrolment> enrolments, ImmutableList<Attendance> attendance, ImmutableList<TestScore> tests,
        Optional<Rubric> rubric, ImmutableList<PracticeTeaching> practice, ImmutableList<Feedback> feedback,
        TrainerPool pool) {

    /**
     * Copies the collections; whether they fit together (people enrolled, sessions on the agenda, scores
     * within range) is for {@link EventCheck}. Most callers use {@link #builder}.
     *
     * @param event the event and its agenda
     * @param programme the programme it belongs to
     * @param curriculum the package version it delivers
     * @param organisations the organisations involved, by id
     * @param people the people involved, by id
     * @param enrolments who is on the roster in which role, with their status histories
     * @param attendance one mark per person and agenda session
     * @param tests pre- and post-test scores
     * @param rubric how practice teaching is scored, if the curriculum has a practical task
     * @param practice scored practice teaching
     * @param feedback participants' ratings and comments
     * @param pool the trainer pool as it stands (for the trainers' qualifications)
     * @throws IllegalArgumentException if a value is missing or a collection holds a null
     */
    public EventRoster {
        Require.present(event, "EventRoster.event");
        Require.present(programme, "EventRoster.programme");
        Require.present(curriculum, "EventRoster.curriculum");
        organisations = ImmutableMap.copyOf(Require.present(organisations, "EventRoster.organisations"));
        people = ImmutableMap.copyOf(Require.present(people, "EventRoster.people"));
        enrolments = Require.list(enrolments, "EventRoster.enrolments");
        attendance = Require.list(attendance, "EventRoster.attendance");
        tests = Require.list(tests, "EventRoster.tests");
        Require.present(rubric, "EventRoster.rubric");
        practice = Require.list(practice, "EventRoster.practice");
        feedback = Require.list(feedback, "EventRoster.feedback");
        Require.present(pool, "EventRoster.pool");
    }

    /**
     * Enrolments in the given role, whatever their status.
     *
     * @param role the role
     * @return those enrolments, in roster order
     */
    public ImmutableList<Enrolment> enrolmentsAs(Role role) {
        return enrolments.stream().filter(e -> e.role() == role).collect(ImmutableList.toImmutableList());
    }

    /** {@return the participants holding a seat (confirmed, attended, completed or not-completed), in roster order} */
    public ImmutableList<Enrolment> seatedParticipants() {
        return enrolments.stream().filter(e -> e.role() == Role.PARTICIPANT && e.status().holdsSeat())
                .collect(ImmutableList.toImmutableList());
    }

    /** {@return the trainers, co-trainers and guest trainers holding a seat, in roster order} */
    public ImmutableList<Enrolment> seatedTrainers() {
        return enrolments.stream().filter(e -> e.role().delivers() && e.status().holdsSeat())
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * A person's enrolment in this event.
     *
     * @param person the person
     * @return their (first) enrolment, or empty if they are not on the roster
     */
    public Optional<Enrolment> enrolment(PersonId person) {
        return enrolments.stream().filter(e -> e.person().equals(person)).findFirst();
    }

    /** {@return a builder holding everything in this roster, to derive a changed copy} */
    public Builder toBuilder() {
        Builder b = builder(event, programme, curriculum);
        b.organisations.addAll(organisations.values());
        b.people.addAll(people.values());
        b.enrolments.addAll(enrolments);
        b.attendance.addAll(attendance);
        b.tests.addAll(tests);
        b.rubric = rubric;
        b.practice.addAll(practice);
        b.feedback.addAll(feedback);
        b.pool = pool;
        return b;
    }

    /**
     * Starts a roster; organisations, people, enrolments and delivery records are added to the builder,
     * and the trainer pool is empty unless set.
     *
     * @param event the event
     * @param programme its programme
     * @param curriculum the package version it delivers
     * @return the builder
     */
    public static Builder builder(Event event, Programme programme, Curriculum curriculum) {
        return new Builder(event, programme, curriculum);
    }

    /** Collects a roster; {@link #build()} checks it. */
    public static final class Builder {
        private Event event;
        private final Programme programme;
        private final Curriculum curriculum;
        private final List<Organisation> organisations = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private final List<Enrolment> enrolments = new ArrayList<>();
        private final List<Attendance> attendance = new ArrayList<>();
        private final List<TestScore> tests = new ArrayList<>();
        private Optional<Rubric> rubric = Optional.empty();
        private final List<PracticeTeaching> practice = new ArrayList<>();
        private final List<Feedback> feedback = new ArrayList<>();
        private TrainerPool pool = TrainerPool.empty();

        private Builder(Event event, Programme programme, Curriculum curriculum) {
            this.event = event;
            this.programme = programme;
            this.curriculum = curriculum;
        }

        /**
         * Replaces the event, as after a change to its agenda.
         *
         * @param event the event
         * @return this builder
         */
        public Builder event(Event event) {
            this.event = event;
            return this;
        }

        /**
         * Adds organisations; a second with the same id replaces the first.
         *
         * @param organisations the organisations
         * @return this builder
         */
        public Builder organisations(Collection<Organisation> organisations) {
            this.organisations.addAll(organisations);
            return this;
        }

        /**
         * Adds a person; a second with the same id replaces the first.
         *
         * @param person the person
         * @return this builder
         */
        public Builder person(Person person) {
            people.add(person);
            return this;
        }

        /**
         * Adds people; a second with the same id replaces the first.
         *
         * @param people the people
         * @return this builder
         */
        public Builder people(Collection<Person> people) {
            this.people.addAll(people);
            return this;
        }

        /**
         * Adds an enrolment.
         *
         * @param enrolment the enrolment
         * @return this builder
         */
        public Builder enrolment(Enrolment enrolment) {
            enrolments.add(enrolment);
            return this;
        }

        /**
         * Adds enrolments.
         *
         * @param enrolments the enrolments
         * @return this builder
         */
        public Builder enrolments(Collection<Enrolment> enrolments) {
            this.enrolments.addAll(enrolments);
            return this;
        }

        /**
         * Replaces every enrolment, as after a bulk status change.
         *
         * @param enrolments the enrolments
         * @return this builder
         */
        public Builder replaceEnrolments(Collection<Enrolment> enrolments) {
            this.enrolments.clear();
            this.enrolments.addAll(enrolments);
            return this;
        }

        /**
         * Adds attendance marks.
         *
         * @param marks one per person and agenda session
         * @return this builder
         */
        public Builder attendance(Collection<Attendance> marks) {
            attendance.addAll(marks);
            return this;
        }

        /**
         * Replaces every attendance mark.
         *
         * @param marks one per person and agenda session
         * @return this builder
         */
        public Builder replaceAttendance(Collection<Attendance> marks) {
            attendance.clear();
            attendance.addAll(marks);
            return this;
        }

        /**
         * Adds test scores.
         *
         * @param scores pre- and post-test scores
         * @return this builder
         */
        public Builder tests(Collection<TestScore> scores) {
            tests.addAll(scores);
            return this;
        }

        /**
         * Replaces every test score.
         *
         * @param scores pre- and post-test scores
         * @return this builder
         */
        public Builder replaceTests(Collection<TestScore> scores) {
            tests.clear();
            tests.addAll(scores);
            return this;
        }

        /**
         * Sets how practice teaching is scored.
         *
         * @param rubric the rubric of the package's practical task
         * @return this builder
         */
        public Builder rubric(Rubric rubric) {
            this.rubric = Optional.of(rubric);
            return this;
        }

        /**
         * Adds scored practice teaching.
         *
         * @param results the scores
         * @return this builder
         */
        public Builder practice(Collection<PracticeTeaching> results) {
            practice.addAll(results);
            return this;
        }

        /**
         * Replaces every practice-teaching score.
         *
         * @param results the scores
         * @return this builder
         */
        public Builder replacePractice(Collection<PracticeTeaching> results) {
            practice.clear();
            practice.addAll(results);
            return this;
        }

        /**
         * Adds feedback.
         *
         * @param items ratings and comments
         * @return this builder
         */
        public Builder feedback(Collection<Feedback> items) {
            feedback.addAll(items);
            return this;
        }

        /**
         * Sets the trainer pool the trainers' qualifications are judged against.
         *
         * @param pool the pool as it stands
         * @return this builder
         */
        public Builder pool(TrainerPool pool) {
            this.pool = pool;
            return this;
        }

        /**
         * Builds the roster.
         *
         * @return the roster
         * @throws IllegalArgumentException if the event, programme or curriculum is missing
         */
        public EventRoster build() {
            return new EventRoster(event, programme, curriculum, index(organisations, Organisation::id),
                    index(people, Person::id), ImmutableList.copyOf(enrolments), ImmutableList.copyOf(attendance),
                    ImmutableList.copyOf(tests), rubric, ImmutableList.copyOf(practice), ImmutableList.copyOf(feedback), pool);
        }

        /** Keyed by id; a second record with the same id replaces the first. */
        private static <K, V> ImmutableMap<K, V> index(List<V> values, Function<V, K> key) {
            java.util.LinkedHashMap<K, V> map = new java.util.LinkedHashMap<>();
            values.forEach(v -> map.put(key.apply(v), v));
            return ImmutableMap.copyOf(map);
        }
    }
}
