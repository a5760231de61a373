package org.cadre.documents;

import static org.cadre.documents.CurriculumDoc.number;
import static org.cadre.documents.CurriculumDoc.orEmpty;
import static org.cadre.documents.CurriculumDoc.present;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.curriculum.SessionCode;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Country;
import org.cadre.roster.CourseDay;
import org.cadre.roster.Venue;
import org.cadre.roster.DateRange;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.Feedback;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.Rubric;
import org.cadre.roster.Sex;

/** JSON shapes of organisations, people, programmes and events; each converts both ways. */
public final class RosterDocs {

    private RosterDocs() {}

    public record OrganisationDoc(String id, String name, String country, String kind, Boolean nominatingAuthority) {
        public static OrganisationDoc of(Organisation o) {
            return new OrganisationDoc(o.id().value(), o.name(), o.country().code(), Labels.of(o.kind()), o.nominatingAuthority());
        }

        public Organisation toDomain() {
            Fields f = new Fields();
            OrganisationId oid = f.at("id", () -> OrganisationId.of(id));
            f.require("name", name);
            Country c = f.at("country", () -> Country.of(country));
            Organisation.Kind k = f.at("kind", () -> Labels.parse(Organisation.Kind.class, kind));
            f.check();
            Organisation o = f.document("organisation", () -> new Organisation(oid, name, c, k, Boolean.TRUE.equals(nominatingAuthority)));
            f.check();
            return o;
        }
    }

    /** A person as staff see them; donor viewers never receive this shape. */
    public record PersonDoc(String id, String nativeName, String latinName, String sex, String country,
            String organisation, String rank) {
        public static PersonDoc of(Person p) {
            return new PersonDoc(p.id().value(), p.nativeName().orElse(null), p.latinName().orElse(null), Labels.of(p.sex()),
                    p.country().code(), p.organisation().map(OrganisationId::value).orElse(null), p.rank().orElse(null));
        }

        public Person toDomain() {
            Fields f = new Fields();
            PersonId pid = f.at("id", () -> PersonId.of(id));
            Country c = f.at("country", () -> Country.of(country));
            Sex s = sex == null ? Sex.NOT_RECORDED : f.at("sex", () -> Labels.parse(Sex.class, sex));
            Optional<OrganisationId> org = organisation == null ? Optional.empty()
                    : Optional.ofNullable(f.at("organisation", () -> OrganisationId.of(organisation)));
            if (nativeName == null && latinName == null) {
                f.add("name", "give nativeName, latinName or both");
            }
            f.check();
            Person p = f.document("person", () -> new Person(pid, Optional.ofNullable(nativeName), Optional.ofNullable(latinName), s, c,
                    org, Optional.ofNullable(rank)));
            f.check();
            return p;
        }
    }

    /** @param start and {@code end}: the programme's first and last day (ISO dates), both or neither */
    public record ProgrammeDoc(String id, String title, String donor, List<String> countries, List<Integer> sdgs, String start,
            String end) {
        public static ProgrammeDoc of(Programme p) {
            return new ProgrammeDoc(p.id().value(), p.title(), p.donor(), p.countries().stream().map(Country::code).toList(),
                    List.copyOf(p.sdgs()), p.period().map(r -> r.first().toString()).orElse(null),
                    p.period().map(r -> r.last().toString()).orElse(null));
        }

        public Programme toDomain() {
            Fields f = new Fields();
            ProgrammeId pid = f.at("id", () -> ProgrammeId.of(id));
            f.require("title", title);
            f.require("donor", donor);
            var cs = f.each("countries", countries, Country::of);
            f.require("countries", countries);
            LocalDate first = start == null ? null : f.at("start", () -> Dates.parse(start));
            LocalDate last = end == null ? null : f.at("end", () -> Dates.parse(end));
            if ((start == null) != (end == null)) {
                f.add(start == null ? "start" : "end", "is required with " + (start == null ? "end" : "start")
                        + ": a programme's period has a first and a last day");
            }
            if (first != null && last != null && last.isBefore(first)) {
                f.add("end", "must not be before start");
            }
            f.check();
            Optional<DateRange> period = first == null ? Optional.empty() : Optional.of(DateRange.of(first, last));
            Programme p = f.document("programme", () -> new Programme(pid, title, donor, ImmutableSet.copyOf(cs),
                    ImmutableSortedSet.copyOf(orEmpty(sdgs)), period));
            f.check();
            return p;
        }
    }

    public record DaysDoc(String first, String last) {
        static DaysDoc of(DateRange r) {
            return new DaysDoc(r.first().toString(), r.last().toString());
        }

        /**
         * The range, each bad end named at its path ({@code courseDays.first}; both, when both are bad), or null. Its ends
         * were named within the field before ({@code courseDays: first ...}), one path style among others' (the newcomer's
         * re-check of session 13).
         */
        DateRange toDomain(Fields f, String field) {
            java.time.LocalDate from = f.at(field + ".first", () -> Dates.parse(first));
            java.time.LocalDate to = f.at(field + ".last", () -> Dates.parse(last));
            // The range's own rule, a last day before the first, is named at the last day.
            return from == null || to == null ? null : f.at(field + ".last", () -> DateRange.of(from, to));
        }
    }

    /** @param start and {@code end}: local times in the event's zone, {@code HH:mm} */
    public record SlotDoc(String session, String day, String start, String end, List<String> trainers) {
        static SlotDoc of(AgendaSlot s) {
            return new SlotDoc(s.session().value(), s.day().toString(), s.start().toString(), s.end().toString(),
                    s.trainers().stream().map(PersonId::value).sorted().toList());
        }

        /** The slot, each field at fault named at its path ({@code agenda[2].start}, every one), or null. */
        AgendaSlot toDomain(Fields f, String at) {
            SessionCode code = f.at(at + ".session", () -> SessionCode.of(session));
            LocalDate on = f.at(at + ".day", () -> Dates.parse(day));
            java.time.LocalTime from = f.at(at + ".start", () -> Dates.time(start, ""));
            java.time.LocalTime to = f.at(at + ".end", () -> Dates.time(end, ""));
            ImmutableSet<PersonId> by = f.at(at + ".trainers",
                    () -> orEmpty(trainers).stream().map(PersonId::of).collect(ImmutableSet.toImmutableSet()));
            return code == null || on == null || from == null || to == null || by == null ? null : new AgendaSlot(code, on, from, to, by);
        }
    }

    /**
     * A day of teaching and where it is held.
     *
     * @param region the first-level region (oblast, viloyat, province); optional
     */
    public record DayDoc(String day, String place, String country, String region) {
        static DayDoc of(CourseDay d) {
            return new DayDoc(d.day().toString(), d.venue().place(), d.venue().country().code(), d.venue().region().orElse(null));
        }

        /** The day, each field at fault named at its path ({@code days[1].place}, every one), or null. */
        CourseDay toDomain(Fields f, String at) {
            LocalDate on = f.at(at + ".day", () -> Dates.parse(day));
            String where = f.at(at + ".place", () -> present(place, ""));
            Country in = f.at(at + ".country", () -> Country.of(present(country, "")));
            return on == null || where == null || in == null ? null : new CourseDay(on, new Venue(where, in, Optional.ofNullable(region)));
        }
    }

    /**
     * An event as the API reads and writes it.
     *
     * @param days the days of teaching with their venues, when not every day of {@code courseDays} at the main
     *     venue ({@code city}, {@code country})
     * @param modules the package's modules it delivers; absent or empty for the whole package
     * @param totalCourseDays days of teaching (read only)
     * @param closedOn the day the event was closed (read only; set by closing it)
     */
    public record EventDoc(String id, String title, String programme, String curriculum, String version, String kind,
            String city, String country, String zone, DaysDoc courseDays, DaysDoc travelWindow, Integer minParticipants,
            Integer maxParticipants, Map<String, Integer> quotas, List<String> languages, Boolean interpretation,
            List<SlotDoc> agenda, String trainersFrom, List<DayDoc> days, List<String> modules, Integer totalCourseDays,
            String closedOn) {

        public static EventDoc of(Event e) {
            return of(e, Optional.empty());
        }

        public static EventDoc of(Event e, Optional<java.time.LocalDate> closedOn) {
            Map<String, Integer> quotas = new java.util.TreeMap<>();
            e.quotas().forEach((c, n) -> quotas.put(c.code(), n));
            return new EventDoc(e.id().value(), e.title(), e.programme().value(), e.curriculum().value(), e.version().toString(),
                    Labels.of(e.kind()), e.city(), e.country().code(), e.zone().getId(), DaysDoc.of(e.courseDays()),
                    DaysDoc.of(e.travelWindow()), e.minParticipants(), e.maxParticipants(), quotas, e.languages(),
                    e.interpretation(), e.agenda().stream().map(SlotDoc::of).toList(), e.trainersFrom().map(EventId::value).orElse(null),
                    e.days().stream().map(DayDoc::of).toList(), e.modules().stream().map(Object::toString).sorted().toList(),
                    e.courseDayCount(), closedOn.map(Object::toString).orElse(null));
        }

        public Event toDomain() {
            Fields f = new Fields();
            EventId eid = f.at("id", () -> EventId.of(id));
            f.require("title", title);
            ProgrammeId pid = f.at("programme", () -> ProgrammeId.of(programme));
            CurriculumId cid = f.at("curriculum", () -> CurriculumId.of(curriculum));
            SemanticVersion v = f.require("version", version) == null ? null : f.at("version", () -> SemanticVersion.parse(version));
            Event.Kind k = f.at("kind", () -> Labels.parse(Event.Kind.class, kind));
            f.require("city", city);
            Country c = f.at("country", () -> Country.of(country));
            ZoneId z = f.require("zone", zone) == null ? null : f.at("zone", () -> Dates.zone(zone));
            DateRange days = f.require("courseDays", courseDays) == null ? null : courseDays.toDomain(f, "courseDays");
            DateRange window = travelWindow == null ? days : travelWindow.toDomain(f, "travelWindow");
            int min = minParticipants == null ? 0 : minParticipants;
            f.require("maxParticipants", maxParticipants);
            ImmutableMap.Builder<Country, Integer> q = ImmutableMap.builder();
            if (quotas != null) {
                quotas.forEach((code, seats) -> {
                    String at = "quotas." + (code.matches("[A-Za-z]{2}") ? code : "key");
                    Country qc = f.at(at, () -> Country.of(code));
                    Integer n = f.require(at, seats);
                    if (qc != null && n != null) {
                        q.put(qc, n);
                    }
                });
            }
            var slots = f.eachAt("agenda", agenda, (slot, at) -> slot.toDomain(f, at));
            var teaching = f.eachAt("days", this.days, (day, at) -> day.toDomain(f, at));
            var chosen = f.each("modules", modules, org.cadre.curriculum.ModuleCode::of);
            Optional<EventId> from = trainersFrom == null ? Optional.empty()
                    : Optional.ofNullable(f.at("trainersFrom", () -> EventId.of(trainersFrom)));
            f.check();
            Event e = f.document("event", () -> {
                Event.Builder b = Event.builder(eid, title, pid, cid, v, k).venue(city, c, z).courseDays(days)
                        .travelWindow(window).participants(min, maxParticipants)
                        .languages(orEmpty(languages).toArray(String[]::new))
                        .interpretation(Boolean.TRUE.equals(interpretation)).agenda(slots);
                q.buildOrThrow().forEach(b::quota);
                from.ifPresent(b::trainersFrom);
                b.days(teaching).modules(chosen);
                return b.build();
            });
            f.check();
            return e;
        }
    }

    /** An enrolment as staff see it: the person's display name, role, status and its dated history. */
    public record EnrolmentView(String person, String name, String country, String role, String status, String since,
            String nominatedBy, List<StatusDoc> history, int version) {
        public static EnrolmentView of(Enrolment e, Optional<Person> person, int version) {
            return new EnrolmentView(e.person().value(), person.map(Person::displayName).orElse(null),
                    person.map(p -> p.country().code()).orElse(null), Labels.of(e.role()), Labels.of(e.status()),
                    e.since().toString(), e.nominatedBy().map(OrganisationId::value).orElse(null),
                    e.history().stream().map(h -> new StatusDoc(Labels.of(h.status()), h.on().toString(), null)).toList(), version);
        }

        /** With the time each step was recorded ({@code recordedAt}, epoch milliseconds, null where not kept). */
        public static EnrolmentView of(Enrolment e, Optional<Person> person, int version, List<Long> recordedAt) {
            EnrolmentView v = of(e, person, version);
            List<StatusDoc> history = new java.util.ArrayList<>();
            for (int i = 0; i < v.history().size(); i++) {
                Long at = i < recordedAt.size() ? recordedAt.get(i) : null;
                history.add(new StatusDoc(v.history().get(i).status(), v.history().get(i).on(),
                        at == null ? null : java.time.Instant.ofEpochMilli(at).toString()));
            }
            return new EnrolmentView(v.person(), v.name(), v.country(), v.role(), v.status(), v.since(), v.nominatedBy(), history, version);
        }
    }

    /**
     * One step of an enrolment's history.
     *
     * @param on the business day it happened
     * @param recordedAt when it was recorded (an ISO 8601 instant); null for steps recorded before Cadre kept it
     */
    public record StatusDoc(String status, String on, String recordedAt) {}

    public record RubricDoc(String task, List<CriterionDoc> criteria, Integer passMark) {
        public static RubricDoc of(Rubric r) {
            return new RubricDoc(r.task().value(), r.criteria().stream().map(c -> new CriterionDoc(c.name(), c.maxPoints())).toList(),
                    r.passMark());
        }

        public Rubric toDomain() {
            Fields f = new Fields();
            Rubric r = read(f);
            f.check();
            return r;
        }

        /**
         * The rubric, each field's fault recorded in {@code f} under its own name, all at once: the task, the criteria (a
         * name twice) and the pass mark (beyond the criteria's points in all), so one answer names them all (the
         * newcomer's review: three tries for three faults). Null when there is any.
         *
         * @param f where the faults are recorded
         * @return the rubric, or null
         */
        public Rubric read(Fields f) {
            // The task by its own name, with the other fields' faults (the newcomer's review: "rubric: must be ...").
            ItemCode code = f.at("task", () -> ItemCode.of(Fields.required(task, "task")));
            var cs = f.each("criteria", criteria, c -> new Rubric.Criterion(c.name(), number(c.maxPoints(), "maxPoints")));
            f.require("criteria", criteria);
            f.require("passMark", passMark);
            if (cs != null && criteria != null && cs.size() == criteria.size()) {
                if (cs.isEmpty()) {
                    f.add("criteria", "must hold at least one criterion");
                } else if (cs.stream().map(Rubric.Criterion::name).distinct().count() < cs.size()) {
                    f.add("criteria", "must name each criterion once");
                }
                int all = cs.stream().mapToInt(Rubric.Criterion::maxPoints).sum();
                if (passMark != null && (passMark < 0 || passMark > all)) {
                    f.add("passMark", "must be between 0 and " + all);
                }
            }
            if (!f.ok()) {
                return null;
            }
            return f.document("rubric", () -> new Rubric(code, cs, passMark));
        }

        /** {@return the task's code as sent, if it is one} */
        public Optional<ItemCode> taskCode() {
            try {
                return Optional.of(ItemCode.of(task));
            } catch (RuntimeException none) {
                return Optional.empty();
            }
        }
    }

    public record CriterionDoc(String name, Integer maxPoints) {}

    public record PracticeDoc(String person, String task, Map<String, Integer> scores, String assessor) {
        /** A result as recorded, in the words {@code POST /events/{id}/practice} takes. */
        public static PracticeDoc of(PracticeTeaching p) {
            return new PracticeDoc(p.person().value(), p.task().value(), p.scores(), p.assessor().map(PersonId::value).orElse(null));
        }

        /** The result, each field's fault recorded under its own path ({@code results[2].task}); null when any. */
        PracticeTeaching read(Fields f, String at) {
            PersonId who = f.at(at + ".person", () -> PersonId.of(Fields.required(person, "person")));
            ItemCode what = f.at(at + ".task", () -> ItemCode.of(Fields.required(task, "task")));
            f.require(at + ".scores", scores);
            if (scores != null && scores.values().stream().anyMatch(n -> n == null || n < 0)) {
                f.add(at + ".scores", "points must be whole numbers from 0");
            }
            Optional<PersonId> by = assessor == null ? Optional.empty()
                    : Optional.ofNullable(f.at(at + ".assessor", () -> PersonId.of(assessor)));
            if (!f.ok()) {
                return null;
            }
            return f.at(at, () -> new PracticeTeaching(who, what, ImmutableMap.copyOf(scores), by));
        }

        /**
         * The results as sent, each read on its own: one that cannot be ({@code results[2].task}, with its faults, and
         * those {@link Documents#readItems} set aside) is unread; null when no list was sent.
         */
        public static SentItems<PracticeTeaching> sent(List<PracticeDoc> docs, java.util.SortedMap<Integer, List<String>> faults) {
            return SentItems.read("results", docs, faults, PracticeDoc::read);
        }
    }

    /**
     * One feedback item; without an author it is anonymous. {@code concerns} defaults to the session.
     *
     * @param concerns {@code {"element": "outcome", "code": "LO3"}}
     */
    public record FeedbackDoc(String author, String session, String trainer, Integer rating, String comment, ConcernDoc concerns) {
        /** An item as recorded, in the words {@code POST /events/{id}/feedback} takes; its concern always written out. */
        public static FeedbackDoc of(Feedback f) {
            return new FeedbackDoc(f.author().map(PersonId::value).orElse(null), f.session().value(),
                    f.trainer().map(PersonId::value).orElse(null), f.rating(), f.comment().orElse(null),
                    new ConcernDoc(Labels.of(f.concerns().element()), f.concerns().code()));
        }

        /** The item, each field's fault recorded under its own path ({@code items[2].session}); null when any. */
        Feedback read(Fields f, String at) {
            Optional<PersonId> by = author == null ? Optional.empty() : Optional.ofNullable(f.at(at + ".author", () -> PersonId.of(author)));
            SessionCode rated = f.at(at + ".session", () -> SessionCode.of(Fields.required(session, "session")));
            Optional<PersonId> on = trainer == null ? Optional.empty()
                    : Optional.ofNullable(f.at(at + ".trainer", () -> PersonId.of(trainer)));
            f.require(at + ".rating", rating);
            if (rating != null && (rating < Feedback.MIN_RATING || rating > Feedback.MAX_RATING)) {
                // Named with the item's other faults, not only once they are mended (the newcomer's review).
                f.add(at + ".rating", "must be between " + Feedback.MIN_RATING + " and " + Feedback.MAX_RATING);
            }
            Feedback.Concern concern = null;
            if (concerns == null) {
                concern = rated == null ? null : new Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, rated.value());
            } else {
                var element = f.at(at + ".concerns.element", () -> Labels.parse(org.cadre.curriculum.CurriculumDiff.Element.class,
                        Fields.required(concerns.element(), "element")));
                f.require(at + ".concerns.code", concerns.code());
                concern = element == null || concerns.code() == null ? null
                        : f.at(at + ".concerns", () -> new Feedback.Concern(element, concerns.code()));
            }
            if (!f.ok()) {
                // A rating at fault alone leaves the rest to judge (an author not enrolled, a session the package lacks): the
                // item is read in part, the lowest rating standing in, and never recorded, for its fault refuses the list.
                boolean ratingAlone = f.errors().stream().allMatch(e -> e.startsWith(at + ".rating: "));
                if (!ratingAlone || rated == null || concern == null) {
                    return null;
                }
                Feedback.Concern about = concern;
                return new Fields().at(at, () -> new Feedback(by, rated, on, Feedback.MIN_RATING, Optional.ofNullable(comment), about));
            }
            Feedback.Concern about = concern;
            return f.at(at, () -> new Feedback(by, rated, on, rating, Optional.ofNullable(comment), about));
        }

        /**
         * The items as sent, each read on its own: one that cannot be ({@code items[2].session}, with its faults, and
         * those {@link Documents#readItems} set aside) is unread; null when no list was sent.
         */
        public static SentItems<Feedback> sent(List<FeedbackDoc> docs, java.util.SortedMap<Integer, List<String>> faults) {
            return SentItems.read("items", docs, faults, FeedbackDoc::read);
        }
    }

    public record ConcernDoc(String element, String code) {}
}
