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

    /** Enrolments in the given role. */
    public ImmutableList<Enrolment> enrolmentsAs(Role role) {
        return enrolments.stream().filter(e -> e.role() == role).collect(ImmutableList.toImmutableList());
    }

    /** Participants holding a seat (confirmed, attended or completed). */
    public ImmutableList<Enrolment> seatedParticipants() {
        return enrolments.stream().filter(e -> e.role() == Role.PARTICIPANT && e.status().holdsSeat())
                .collect(ImmutableList.toImmutableList());
    }

    /** Trainers and co-trainers holding a seat. */
    public ImmutableList<Enrolment> seatedTrainers() {
        return enrolments.stream().filter(e -> e.role().delivers() && e.status().holdsSeat())
                .collect(ImmutableList.toImmutableList());
    }

    public Optional<Enrolment> enrolment(PersonId person) {
        return enrolments.stream().filter(e -> e.person().equals(person)).findFirst();
    }

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

        public Builder event(Event event) {
            this.event = event;
            return this;
        }

        public Builder organisations(Collection<Organisation> organisations) {
            this.organisations.addAll(organisations);
            return this;
        }

        public Builder person(Person person) {
            people.add(person);
            return this;
        }

        public Builder people(Collection<Person> people) {
            this.people.addAll(people);
            return this;
        }

        public Builder enrolment(Enrolment enrolment) {
            enrolments.add(enrolment);
            return this;
        }

        public Builder enrolments(Collection<Enrolment> enrolments) {
            this.enrolments.addAll(enrolments);
            return this;
        }

        /** Replaces every enrolment. */
        public Builder replaceEnrolments(Collection<Enrolment> enrolments) {
            this.enrolments.clear();
            this.enrolments.addAll(enrolments);
            return this;
        }

        public Builder attendance(Collection<Attendance> marks) {
            attendance.addAll(marks);
            return this;
        }

        public Builder replaceAttendance(Collection<Attendance> marks) {
            attendance.clear();
            attendance.addAll(marks);
            return this;
        }

        public Builder tests(Collection<TestScore> scores) {
            tests.addAll(scores);
            return this;
        }

        public Builder replaceTests(Collection<TestScore> scores) {
            tests.clear();
            tests.addAll(scores);
            return this;
        }

        public Builder rubric(Rubric rubric) {
            this.rubric = Optional.of(rubric);
            return this;
        }

        public Builder practice(Collection<PracticeTeaching> results) {
            practice.addAll(results);
            return this;
        }

        public Builder replacePractice(Collection<PracticeTeaching> results) {
            practice.clear();
            practice.addAll(results);
            return this;
        }

        public Builder feedback(Collection<Feedback> items) {
            feedback.addAll(items);
            return this;
        }

        public Builder pool(TrainerPool pool) {
            this.pool = pool;
            return this;
        }

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
