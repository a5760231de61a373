package org.cadre.reporting.attack;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.ItemKind;
import org.cadre.curriculum.fixtures.RandomCurricula;
import org.cadre.roster.AgendaPlanner;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Feedback;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.roster.TestScore;

/**
 * Event rosters of the shapes that have given figures away before: many countries with one or two people
 * each, one country with a small minority of one sex, one person per organisation, and random mixtures;
 * every participant nominated by their own organisation, marked for every session, with paired tests and
 * a rating of each session from some of them.
 */
final class ShapedRosters {

    static final Programme PROGRAMME = new Programme(ProgrammeId.of("shaped"), "Shaped programme", "Donor",
            ImmutableSet.of(Country.KAZAKHSTAN), com.google.common.collect.ImmutableSortedSet.of(16));

    private static final String[] COUNTRIES = {"KZ", "KG", "TJ", "UZ", "TM", "AF", "AZ", "GE", "AM", "MN", "RU", "CN", "IR", "PK", "TR"};

    private ShapedRosters() {}

    /** One participant: country code, sex and organisation number (within the country). */
    record Seat(String country, Sex sex, int organisation) {}

    /** {@code countries} countries each sending one woman and one man, or one person. */
    static List<Seat> delegations(Random rnd, int countries) {
        List<Seat> out = new ArrayList<>();
        for (int c = 0; c < countries; c++) {
            out.add(new Seat(COUNTRIES[c], Sex.FEMALE, 0));
            if (rnd.nextBoolean()) {
                out.add(new Seat(COUNTRIES[c], Sex.MALE, 0));
            }
        }
        return out;
    }

    /** One country, {@code size} people, {@code minority} of them women. */
    static List<Seat> minority(int size, int minority, int organisations, Random rnd) {
        List<Seat> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(new Seat("KZ", i < minority ? Sex.FEMALE : Sex.MALE, rnd.nextInt(organisations)));
        }
        return out;
    }

    /** One person per organisation, from a few countries. */
    static List<Seat> onePerOrganisation(Random rnd, int size) {
        List<Seat> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(new Seat(COUNTRIES[rnd.nextInt(3)], rnd.nextInt(4) == 0 ? Sex.FEMALE : Sex.MALE, i));
        }
        return out;
    }

    /** Anyone from anywhere: a few countries, agencies and every sex. */
    static List<Seat> mixture(Random rnd, int size) {
        Sex[] sexes = {Sex.FEMALE, Sex.MALE, Sex.MALE, Sex.MALE, Sex.FEMALE, Sex.NOT_RECORDED, Sex.ANOTHER};
        int countries = 1 + rnd.nextInt(5);
        List<Seat> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(new Seat(COUNTRIES[rnd.nextInt(countries)], sexes[rnd.nextInt(sexes.length)], rnd.nextInt(3)));
        }
        return out;
    }

    /** A completed event of these participants. */
    static EventRoster event(long seed, String id, Event.Kind kind, LocalDate first, List<Seat> seats, EventId trainersFrom) {
        Random rnd = new Random(seed);
        Curriculum curriculum = RandomCurricula.wellFormed(seed, 1 + rnd.nextInt(2), 2 + rnd.nextInt(3), 4);
        int days = (int) Math.ceil(curriculum.minutes() / 480.0) + 1;
        DateRange course = DateRange.of(first, first.plusDays(days - 1));
        PersonId trainer = PersonId.of("trainer-" + id);
        List<AgendaSlot> agenda = AgendaPlanner.plan(curriculum, course, LocalTime.of(9, 0), 480, 0, s -> ImmutableSet.of(trainer)).value();
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        EventId eventId = EventId.of(id);
        Event.Builder event = Event.builder(eventId, "Event " + id, PROGRAMME.id(), curriculum.id(), curriculum.version(), kind)
                .venue("Almaty", Country.KAZAKHSTAN, ZoneId.of("Asia/Almaty"))
                .courseDays(course).travelWindow(DateRange.of(first.minusDays(1), course.last().plusDays(1)))
                .participants(1, Math.max(1, seats.size())).agenda(agenda);
        if (trainersFrom != null) {
            event.trainersFrom(trainersFrom);
        }
        // Taught in one of three regions, or (one time in three) moving from one to another halfway: the programme
        // report's regions are sums of these events' lines. A random of its own, so the rest of the shape stays.
        Random where = new Random(seed ^ 0x5EEDL);
        String[] regions = {"Almaty region", "Turkistan", "Mangystau"};
        int from = where.nextInt(regions.length);
        int to = where.nextInt(3) == 0 ? (from + 1) % regions.length : from;
        List<LocalDate> teaching = course.stream().toList();
        for (int d = 0; d < teaching.size(); d++) {
            String region = regions[d < (teaching.size() + 1) / 2 ? from : to];
            event.day(teaching.get(d), org.cadre.roster.Venue.of("Post in " + region, Country.KAZAKHSTAN, region));
        }
        EventRoster.Builder roster = EventRoster.builder(event.build(), PROGRAMME, curriculum);
        LocalDate before = first.minusDays(30);
        List<Attendance> marks = new ArrayList<>();
        List<TestScore> tests = new ArrayList<>();
        List<Feedback> feedback = new ArrayList<>();
        List<AssessmentItem> questions = curriculum.assessment().itemsOf(ItemKind.TEST_QUESTION);
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            String orgId = "org-" + seat.country().toLowerCase(java.util.Locale.ROOT) + "-" + seat.organisation();
            Organisation org = organisations.computeIfAbsent(orgId, x -> new Organisation(OrganisationId.of(x),
                    "Agency " + seat.organisation() + " of " + seat.country(), Country.of(seat.country()), Organisation.Kind.BORDER_GUARD, true));
            Person p = Person.builder(id + "-p" + i, Country.of(seat.country())).latinName("Officer " + id + " " + i).sex(seat.sex())
                    .organisation(org.id()).build();
            roster.person(p);
            roster.enrolment(Enrolment.nominate(p.id(), eventId, Role.PARTICIPANT, org.id(), before)
                    .moveTo(EnrolmentStatus.APPROVED, before).then(e -> e.moveTo(EnrolmentStatus.CONFIRMED, before))
                    .then(e -> e.moveTo(EnrolmentStatus.ATTENDED, first)).then(e -> e.moveTo(EnrolmentStatus.COMPLETED, course.last())).value());
            for (AgendaSlot slot : agenda) {
                marks.add(new Attendance(p.id(), slot.session(), rnd.nextInt(15) == 0 ? AttendanceMark.ABSENT : AttendanceMark.PRESENT));
                if (rnd.nextInt(3) > 0) {
                    feedback.add(Feedback.onSession(slot.session(), 3 + rnd.nextInt(3), null));
                }
            }
            if (rnd.nextInt(10) > 0) {
                Map<ItemCode, Integer> pre = new LinkedHashMap<>();
                Map<ItemCode, Integer> post = new LinkedHashMap<>();
                for (AssessmentItem q : questions) {
                    pre.put(q.code(), rnd.nextInt(q.maxPoints() + 1));
                    post.put(q.code(), rnd.nextInt(4) == 0 ? rnd.nextInt(q.maxPoints() + 1) : q.maxPoints());
                }
                tests.add(new TestScore(p.id(), TestScore.Phase.PRE, ImmutableMap.copyOf(pre)));
                tests.add(new TestScore(p.id(), TestScore.Phase.POST, ImmutableMap.copyOf(post)));
            }
        }
        Organisation io = new Organisation(OrganisationId.of("io"), "International organisation", Country.of("CH"),
                Organisation.Kind.INTERNATIONAL_ORGANISATION, false);
        organisations.put("io", io);
        roster.person(Person.builder(trainer.value(), Country.KAZAKHSTAN).latinName("Trainer " + id).build());
        roster.enrolment(Enrolment.nominate(trainer, eventId, Role.TRAINER, io.id(), before)
                .moveTo(EnrolmentStatus.APPROVED, before).then(e -> e.moveTo(EnrolmentStatus.CONFIRMED, before))
                .then(e -> e.moveTo(EnrolmentStatus.ATTENDED, first)).value());
        return roster.organisations(organisations.values()).attendance(marks).tests(tests).feedback(feedback).build();
    }
}
