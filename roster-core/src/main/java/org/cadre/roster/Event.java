package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.ModuleCode;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.kernel.Require;

/**
 * A training event that delivers one curriculum version, or a declared part of it (some of its modules).
 *
 * @param curriculum and {@code version}: the package version delivered
 * @param city and {@code country}, {@code zone}: the main venue, where the event is hosted; the time zone of
 *     the agenda's times
 * @param courseDays the span from the first to the last day of teaching (23-27 October 2023 for the Almaty
 *     ToT); with no {@code days} listed, every day of it is a course day held at the main venue
 * @param days the days of teaching and where each is held, in order, when they are not simply every day of
 *     the span at the main venue: a four-week course without its weekends, a mobile course moving from post
 *     to post. Days of the span not listed are non-course days (weekends, holidays, travel)
 * @param modules the modules of the package this event delivers; empty for the whole package. The agenda
 *     is checked for completeness against these modules' sessions only
 * @param travelWindow arrival to departure (22-28 October 2023); holds the course days
 * @param quotas the most participants each country may send; a country without a quota is unlimited
 * @param languages working languages (BCP 47 tags)
 * @param interpretation whether interpretation between the working languages is provided
 * @param agenda every session placed on a day and time with its trainers
 * @param trainersFrom for a cascade training: the ToT its trainers graduated from, so reach can be
 *     followed from the ToT to the officers trained afterwards
 */
public record Event(EventId id, String title, ProgrammeId programme, CurriculumId curriculum, SemanticVersion version,
        Kind kind, String city, Country country, ZoneId zone, DateRange courseDays, DateRange travelWindow,
        int minParticipants, int maxParticipants, ImmutableMap<Country, Integer> quotas,
        ImmutableList<String> languages, boolean interpretation, ImmutableList<AgendaSlot> agenda,
        Optional<EventId> trainersFrom, ImmutableList<CourseDay> days, ImmutableSet<ModuleCode> modules) {

    /**
     * Checks each value and how the dates and days fit together; whether the event fits its curriculum,
     * roster and trainer pool is for {@link EventCheck}. Most callers use {@link #builder}.
     *
     * @param id the event's id
     * @param title the event's title; not blank, stripped
     * @param programme the programme it belongs to
     * @param curriculum the package delivered
     * @param version the package version delivered
     * @param kind ToT, cascade, refresher or course
     * @param city the main venue's city; not blank, stripped
     * @param country the main venue's country
     * @param zone the time zone of the agenda's times
     * @param courseDays first to last day of teaching
     * @param travelWindow arrival to departure (checked to hold the course days by
     *     {@link EventRule#DATES_INCONSISTENT})
     * @param minParticipants the fewest participants to hold the event; not negative
     * @param maxParticipants seats; positive, at least {@code minParticipants}
     * @param quotas the most participants per country; none negative; copied
     * @param languages BCP 47 tags of the working languages
     * @param interpretation whether interpretation is provided
     * @param agenda the placed sessions; copied
     * @param trainersFrom for a cascade training, the ToT its trainers came from; empty for other kinds
     * @param days the days of teaching with their venues, in order, first and last being the course days'
     *     ends; empty for every day of the span at the main venue
     * @param modules the modules delivered; empty for the whole package
     * @throws IllegalArgumentException if a value is missing or malformed, or the days do not fit the course
     *     days, naming the field
     */
    public Event {
        Require.present(id, "Event.id");
        title = Require.text(title, "Event.title");
        Require.present(programme, "Event.programme");
        Require.present(curriculum, "Event.curriculum");
        Require.present(version, "Event.version");
        Require.present(kind, "Event.kind");
        city = Require.text(city, "Event.city");
        Require.present(country, "Event.country");
        Require.present(zone, "Event.zone");
        Require.present(courseDays, "Event.courseDays");
        Require.present(travelWindow, "Event.travelWindow");
        Require.nonNegative(minParticipants, "Event.minParticipants");
        Require.positive(maxParticipants, "Event.maxParticipants");
        Require.that(minParticipants <= maxParticipants, "Event.minParticipants",
                "must not exceed maxParticipants (" + maxParticipants + "), was " + minParticipants);
        quotas = ImmutableMap.copyOf(Require.present(quotas, "Event.quotas"));
        quotas.values().forEach(q -> Require.nonNegative(q, "Event.quotas"));
        languages = Require.list(languages, "Event.languages");
        languages.forEach(tag -> Require.languageTag(tag, "Event.languages"));
        agenda = Require.list(agenda, "Event.agenda");
        Require.present(trainersFrom, "Event.trainersFrom");
        days = Require.list(days, "Event.days");
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i).day();
            Require.that(courseDays.contains(day), "Event.days", "day " + day + " is outside the course days " + courseDays);
            Require.that(i == 0 || day.isAfter(days.get(i - 1).day()), "Event.days",
                    "must be listed once each, in order; " + day + " follows " + (i == 0 ? day : days.get(i - 1).day()));
        }
        Require.that(days.isEmpty() || days.get(0).day().equals(courseDays.first())
                && days.get(days.size() - 1).day().equals(courseDays.last()), "Event.days",
                "must begin on the first course day (" + courseDays.first() + ") and end on the last (" + courseDays.last() + ")");
        modules = Require.set(modules, "Event.modules");
        Require.that(trainersFrom.isEmpty() || kind == Kind.CASCADE, "Event.trainersFrom",
                "is only for cascade trainings, but this event is a " + org.cadre.kernel.Label.of(kind) + " event");
    }

    /** {@return the main venue: the city and country the event is hosted in} */
    public Venue mainVenue() {
        return Venue.of(city, country);
    }

    /** {@return every day of teaching with its venue: {@code days} as listed, or each day of the span at the main venue} */
    public ImmutableList<CourseDay> teachingDays() {
        if (!days.isEmpty()) {
            return days;
        }
        Venue main = mainVenue();
        return courseDays.stream().map(d -> new CourseDay(d, main)).collect(ImmutableList.toImmutableList());
    }

    /** {@return how many days of teaching: 20 for four weeks of five days, not the 26 days from first to last} */
    public int courseDayCount() {
        return days.isEmpty() ? courseDays.days() : days.size();
    }

    /**
     * Whether teaching is held on that day.
     *
     * @param day a date
     * @return whether it is a course day (a weekend inside a listed course is not)
     */
    public boolean isCourseDay(LocalDate day) {
        return days.isEmpty() ? courseDays.contains(day) : days.stream().anyMatch(d -> d.day().equals(day));
    }

    /** {@return the distinct venues of the teaching days, in the order first used} */
    public ImmutableList<Venue> venues() {
        return teachingDays().stream().map(CourseDay::venue).distinct().collect(ImmutableList.toImmutableList());
    }

    /** {@return whether the event delivers the whole package rather than some of its modules} */
    public boolean deliversWholePackage() {
        return modules.isEmpty();
    }

    /**
     * The business day a status change is dated when the caller gives none: today while the event is ahead
     * or under way, the event's own day once it is over (so an event entered years later needs no date on
     * every call), and never before the day the current status began.
     *
     * <p>Changes before the course (nominated, approved, declined, waitlisted, confirmed, withdrawn) default to
     * the arrival day; no-show and attended to the first course day; completed and not-completed to the last
     * course day.
     *
     * @param target the status the enrolment moves to
     * @param today the current day where the event takes place
     * @param since the day the enrolment's current status began (the default is never earlier)
     * @return the day to date the change
     */
    public LocalDate defaultDay(EnrolmentStatus target, LocalDate today, LocalDate since) {
        Require.present(target, "target");
        Require.present(today, "today");
        Require.present(since, "since");
        LocalDate anchor = switch (target) {
            case NOMINATED, APPROVED, DECLINED, WAITLISTED, CONFIRMED, WITHDRAWN -> travelWindow.first();
            case NO_SHOW, ATTENDED -> courseDays.first();
            case COMPLETED, NOT_COMPLETED -> courseDays.last();
        };
        LocalDate day = today.isBefore(anchor) ? today : anchor;
        return day.isBefore(since) ? since : day;
    }

    /** {@return {@code event/<id>}, the prefix of every finding's subject about this event} */
    public String subject() {
        return "event/" + id;
    }

    /** {@return a builder holding every field of this event, to derive a changed copy} */
    public Builder toBuilder() {
        Builder b = new Builder(id, title, programme, curriculum, version, kind);
        b.city = city;
        b.country = country;
        b.zone = zone;
        b.courseDays = courseDays;
        b.travelWindow = travelWindow;
        b.minParticipants = minParticipants;
        b.maxParticipants = maxParticipants;
        b.quotas.putAll(quotas);
        b.languages.addAll(languages);
        b.interpretation = interpretation;
        b.agenda.addAll(agenda);
        b.trainersFrom = trainersFrom;
        b.days.addAll(days);
        b.modules.addAll(modules);
        return b;
    }

    /**
     * Starts an event; the venue, course days, travel window, participants and agenda are added to the
     * builder.
     *
     * @param id the event's id
     * @param title the event's title
     * @param programme the programme it belongs to
     * @param curriculum the package delivered
     * @param version the package version delivered
     * @param kind ToT, cascade, refresher or course
     * @return the builder
     */
    public static Builder builder(EventId id, String title, ProgrammeId programme, CurriculumId curriculum,
            SemanticVersion version, Kind kind) {
        return new Builder(id, title, programme, curriculum, version, kind);
    }

    /** What sort of event it is; docs/rules.md says which rules apply to each. */
    public enum Kind {
        /**
         * Training of Trainers: builds the national pool of trainers. Led by lead trainers (or invited guest
         * trainers); its certified participants join the pool as co-trainers.
         */
        TOT,
        /** A training delivered by national trainers of the pool, who may have graduated from a named ToT. */
        CASCADE,
        /** A refresher for trainers already in the pool, delivered by pool trainers. */
        REFRESHER,
        /**
         * Any other training, workshop or seminar (a month-long staff course, say): whoever teaches it need not
         * be in the trainer pool, and nobody joins the pool through it.
         */
        COURSE;

        /** {@return whether its trainers must hold a trainer-pool status for the package (all kinds but a course)} */
        public boolean needsPoolTrainers() {
            return this != COURSE;
        }
    }

    /** Builds an event step by step; {@link #build()} checks it. */
    public static final class Builder {
        private final EventId id;
        private final String title;
        private final ProgrammeId programme;
        private final CurriculumId curriculum;
        private final SemanticVersion version;
        private final Kind kind;
        private String city;
        private Country country;
        private ZoneId zone;
        private DateRange courseDays;
        private DateRange travelWindow;
        private int minParticipants;
        private int maxParticipants;
        private final Map<Country, Integer> quotas = new LinkedHashMap<>();
        private final List<String> languages = new ArrayList<>();
        private boolean interpretation;
        private final List<AgendaSlot> agenda = new ArrayList<>();
        private Optional<EventId> trainersFrom = Optional.empty();
        private final List<CourseDay> days = new ArrayList<>();
        private final java.util.Set<ModuleCode> modules = new java.util.LinkedHashSet<>();

        private Builder(EventId id, String title, ProgrammeId programme, CurriculumId curriculum,
                SemanticVersion version, Kind kind) {
            this.id = id;
            this.title = title;
            this.programme = programme;
            this.curriculum = curriculum;
            this.version = version;
            this.kind = kind;
        }

        /**
         * Sets the main venue.
         *
         * @param city the city, such as Almaty
         * @param country its country
         * @param zone the time zone of the agenda's times, such as {@code Asia/Almaty}
         * @return this builder
         */
        public Builder venue(String city, Country country, ZoneId zone) {
            this.city = city;
            this.country = country;
            this.zone = zone;
            return this;
        }

        /**
         * Sets the span of teaching.
         *
         * @param days first to last day of teaching
         * @return this builder
         */
        public Builder courseDays(DateRange days) {
            this.courseDays = days;
            return this;
        }

        /**
         * Sets the travel window.
         *
         * @param window arrival to departure; holds the course days
         * @return this builder
         */
        public Builder travelWindow(DateRange window) {
            this.travelWindow = window;
            return this;
        }

        /**
         * Sets how many participants the event needs and seats.
         *
         * @param min the fewest to hold it (fewer is a warning)
         * @param max the seats (more holding a seat is an error)
         * @return this builder
         */
        public Builder participants(int min, int max) {
            this.minParticipants = min;
            this.maxParticipants = max;
            return this;
        }

        /**
         * Limits the participants one country may send.
         *
         * @param country the country
         * @param seats the most participants from it
         * @return this builder
         */
        public Builder quota(Country country, int seats) {
            quotas.put(country, seats);
            return this;
        }

        /**
         * Adds working languages.
         *
         * @param tags BCP 47 tags, such as {@code ru}
         * @return this builder
         */
        public Builder languages(String... tags) {
            languages.addAll(Arrays.asList(tags));
            return this;
        }

        /**
         * Sets whether interpretation between the working languages is provided.
         *
         * @param provided whether it is
         * @return this builder
         */
        public Builder interpretation(boolean provided) {
            this.interpretation = provided;
            return this;
        }

        /**
         * Adds a slot to the agenda.
         *
         * @param slot a session placed on a day and time with its trainers
         * @return this builder
         */
        public Builder slot(AgendaSlot slot) {
            agenda.add(slot);
            return this;
        }

        /**
         * Replaces the agenda, as with a draft from {@link AgendaPlanner}.
         *
         * @param slots the whole agenda
         * @return this builder
         */
        public Builder agenda(List<AgendaSlot> slots) {
            agenda.clear();
            agenda.addAll(slots);
            return this;
        }

        /**
         * For a cascade training: names the ToT its trainers graduated from, so reach can be followed.
         *
         * @param tot the ToT's id
         * @return this builder
         */
        public Builder trainersFrom(EventId tot) {
            this.trainersFrom = Optional.of(tot);
            return this;
        }

        /**
         * Adds a day of teaching at a venue; list every one (a day not listed is a non-course day).
         *
         * @param day the date
         * @param venue where it is held
         * @return this builder
         */
        public Builder day(LocalDate day, Venue venue) {
            days.add(new CourseDay(day, venue));
            return this;
        }

        /**
         * Replaces the listed days of teaching.
         *
         * @param listed every day of teaching with its venue, in order; empty for every day of the span at
         *     the main venue
         * @return this builder
         */
        public Builder days(List<CourseDay> listed) {
            days.clear();
            days.addAll(listed);
            return this;
        }

        /**
         * Delivers only these modules of the package.
         *
         * @param chosen module codes; empty for the whole package
         * @return this builder
         */
        public Builder modules(java.util.Collection<ModuleCode> chosen) {
            modules.clear();
            modules.addAll(chosen);
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         * @throws IllegalArgumentException if a value is missing or malformed, naming the field
         */
        public Event build() {
            return new Event(id, title, programme, curriculum, version, kind, city, country, zone, courseDays,
                    travelWindow, minParticipants, maxParticipants, ImmutableMap.copyOf(quotas),
                    ImmutableList.copyOf(languages), interpretation, ImmutableList.copyOf(agenda), trainersFrom,
                    ImmutableList.copyOf(days), ImmutableSet.copyOf(modules));
        }
    }
}
