package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.kernel.Require;

/**
 * A training event that delivers one curriculum version.
 *
 * @param curriculum and {@code version}: the package version delivered
 * @param courseDays the days of teaching (23-27 October 2023 for the Almaty ToT)
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
        Optional<EventId> trainersFrom) {

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
        Require.that(trainersFrom.isEmpty() || kind == Kind.CASCADE, "Event.trainersFrom",
                "is only for cascade trainings, but this event is a " + org.cadre.kernel.Label.of(kind) + " event");
    }

    /** {@code event/<id>}: the prefix of every finding's subject about this event. */
    public String subject() {
        return "event/" + id;
    }

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
        return b;
    }

    public static Builder builder(EventId id, String title, ProgrammeId programme, CurriculumId curriculum,
            SemanticVersion version, Kind kind) {
        return new Builder(id, title, programme, curriculum, version, kind);
    }

    /** What sort of event it is. */
    public enum Kind {
        /** Training of Trainers: builds the national pool of trainers. */
        TOT,
        /** A training led by national trainers who graduated from a ToT. */
        CASCADE,
        /** A refresher for trainers already in the pool. */
        REFRESHER
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

        private Builder(EventId id, String title, ProgrammeId programme, CurriculumId curriculum,
                SemanticVersion version, Kind kind) {
            this.id = id;
            this.title = title;
            this.programme = programme;
            this.curriculum = curriculum;
            this.version = version;
            this.kind = kind;
        }

        public Builder venue(String city, Country country, ZoneId zone) {
            this.city = city;
            this.country = country;
            this.zone = zone;
            return this;
        }

        public Builder courseDays(DateRange days) {
            this.courseDays = days;
            return this;
        }

        public Builder travelWindow(DateRange window) {
            this.travelWindow = window;
            return this;
        }

        public Builder participants(int min, int max) {
            this.minParticipants = min;
            this.maxParticipants = max;
            return this;
        }

        public Builder quota(Country country, int seats) {
            quotas.put(country, seats);
            return this;
        }

        public Builder languages(String... tags) {
            languages.addAll(Arrays.asList(tags));
            return this;
        }

        public Builder interpretation(boolean provided) {
            this.interpretation = provided;
            return this;
        }

        public Builder slot(AgendaSlot slot) {
            agenda.add(slot);
            return this;
        }

        public Builder agenda(List<AgendaSlot> slots) {
            agenda.clear();
            agenda.addAll(slots);
            return this;
        }

        public Builder trainersFrom(EventId tot) {
            this.trainersFrom = Optional.of(tot);
            return this;
        }

        public Event build() {
            return new Event(id, title, programme, curriculum, version, kind, city, country, zone, courseDays,
                    travelWindow, minParticipants, maxParticipants, ImmutableMap.copyOf(quotas),
                    ImmutableList.copyOf(languages), interpretation, ImmutableList.copyOf(agenda), trainersFrom);
        }
    }
}
