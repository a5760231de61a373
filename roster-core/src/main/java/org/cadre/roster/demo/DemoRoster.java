package org.cadre.roster.demo;

import static org.cadre.roster.Country.KAZAKHSTAN;
import static org.cadre.roster.Country.TAJIKISTAN;
import static org.cadre.roster.Country.UZBEKISTAN;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.ItemKind;
import org.cadre.curriculum.Session;
import org.cadre.curriculum.SessionCode;
import org.cadre.curriculum.demo.DemoCurricula;
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
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.Role;
import org.cadre.roster.Rubric;
import org.cadre.roster.Sex;
import org.cadre.roster.TestScore;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerPool;
import org.cadre.roster.pool.TrainerRecord;

/**
 * The demo rosters, built from the public description of IOM's ToT in Almaty.
 *
 * <p>What the description states holds exactly: the programme, its donor (IRCC) and SDGs 16, 11 and 17;
 * course days 23-27 October 2023 within the 22-28 October travel window; 26 participants, 18 from
 * Kazakhstan (Border Service of the National Security Committee and Ministry of Internal Affairs), 4
 * instructors of the Border Forces' educational institutions of Tajikistan and 4 officers of the Border
 * Service of Uzbekistan; 4 trainers, 2 from the Border Academy of Kazakhstan and 2 IOM specialists.
 *
 * <p><b>Everything about individuals is made up</b>: every name (in Cyrillic and Latin), sex, rank,
 * attendance mark, score, rating and comment is fictional, as is the cascade training in Dushanbe in
 * March 2024. The IOM trainers are not the real specialists named in the description.
 */
public final class DemoRoster {

    /** The programme both demo events belong to. */
    public static final ProgrammeId PROGRAMME = ProgrammeId.of("iom-afghan-displacement-ca");
    /** The Training of Trainers in Almaty, 23-27 October 2023. */
    public static final EventId ALMATY_TOT = EventId.of("tot-almaty-2023");
    /** The cascade training in Dushanbe, 11-15 March 2024 (fictional). */
    public static final EventId DUSHANBE_CASCADE = EventId.of("cascade-dushanbe-2024");

    /** Border Service of the National Security Committee of Kazakhstan. */
    public static final OrganisationId KZ_BORDER_GUARD = OrganisationId.of("kz-nsc-border-guard");
    /** Ministry of Internal Affairs of Kazakhstan. */
    public static final OrganisationId KZ_INTERIOR = OrganisationId.of("kz-interior");
    /** Border Academy of Kazakhstan, home of two of the ToT's trainers. */
    public static final OrganisationId KZ_BORDER_ACADEMY = OrganisationId.of("kz-border-academy");
    /** Educational institutions of Tajikistan's Border Forces. */
    public static final OrganisationId TJ_BORDER_INSTITUTES = OrganisationId.of("tj-border-forces-institutes");
    /** Border Forces of Tajikistan, whose officers the cascade trains. */
    public static final OrganisationId TJ_BORDER_FORCES = OrganisationId.of("tj-border-forces");
    /** Border Service of Uzbekistan. */
    public static final OrganisationId UZ_BORDER_GUARD = OrganisationId.of("uz-border-guard");
    /** The International Organization for Migration, the implementer. */
    public static final OrganisationId IOM = OrganisationId.of("iom");
    /** Immigration, Refugees and Citizenship Canada, the donor. */
    public static final OrganisationId IRCC = OrganisationId.of("ircc");

    /** The first of the two graduates who deliver the cascade. */
    public static final PersonId CASCADE_TRAINER_1 = PersonId.of("p-tj-01");
    /** The second of the two graduates who deliver the cascade. */
    public static final PersonId CASCADE_TRAINER_2 = PersonId.of("p-tj-02");

    private static final LocalDate NOMINATED = LocalDate.of(2023, 9, 15);
    private static final LocalDate APPROVED = LocalDate.of(2023, 9, 25);
    private static final LocalDate CONFIRMED = LocalDate.of(2023, 10, 5);
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 10, 23);
    private static final LocalDate LAST_DAY = LocalDate.of(2023, 10, 27);

    private DemoRoster() {}

    /** {@return the programme: IOM's work on displacement in Central Asia, funded by IRCC, in six countries} */
    public static Programme programme() {
        return new Programme(PROGRAMME,
                "Improving migration governance and access to services for displaced Afghans in Pakistan and Central Asia",
                "Immigration, Refugees and Citizenship Canada (IRCC)",
                ImmutableSet.of(Country.of("PK"), KAZAKHSTAN, Country.of("KG"), TAJIKISTAN, Country.of("TM"), UZBEKISTAN),
                ImmutableSortedSet.of(16, 11, 17));
    }

    /** {@return the organisations of both demo events: border services, academies, IOM and the donor} */
    public static List<Organisation> organisations() {
        return List.of(
                new Organisation(KZ_BORDER_GUARD, "Border Service of the National Security Committee of the Republic of Kazakhstan",
                        KAZAKHSTAN, Organisation.Kind.BORDER_GUARD, true),
                new Organisation(KZ_INTERIOR, "Ministry of Internal Affairs of the Republic of Kazakhstan",
                        KAZAKHSTAN, Organisation.Kind.MINISTRY, true),
                new Organisation(KZ_BORDER_ACADEMY, "Border Academy of the National Security Committee of the Republic of Kazakhstan",
                        KAZAKHSTAN, Organisation.Kind.ACADEMY, true),
                new Organisation(TJ_BORDER_INSTITUTES, "Educational institutions of the Border Forces of the Republic of Tajikistan",
                        TAJIKISTAN, Organisation.Kind.ACADEMY, true),
                new Organisation(TJ_BORDER_FORCES, "Border Forces of the State Committee for National Security of the Republic of Tajikistan",
                        TAJIKISTAN, Organisation.Kind.BORDER_GUARD, true),
                new Organisation(UZ_BORDER_GUARD, "Border Service of the Republic of Uzbekistan",
                        UZBEKISTAN, Organisation.Kind.BORDER_GUARD, true),
                new Organisation(IOM, "International Organization for Migration", Country.of("CH"),
                        Organisation.Kind.INTERNATIONAL_ORGANISATION, false),
                new Organisation(IRCC, "Immigration, Refugees and Citizenship Canada", Country.of("CA"),
                        Organisation.Kind.DONOR, false));
    }

    /** {@return the 26 participants of the Almaty ToT (fictional)} */
    public static List<Person> almatyParticipants() {
        List<Person> people = new ArrayList<>();
        String[][] kz = {
            {"Серик Жумабаев", "Serik Zhumabayev", "M", "Major"},
            {"Айгуль Касымова", "Aigul Kassymova", "F", "Captain"},
            {"Нурлан Сапаров", "Nurlan Saparov", "M", "Lieutenant Colonel"},
            {"Ержан Тулегенов", "Yerzhan Tulegenov", "M", "Captain"},
            {"Данияр Искаков", "Daniyar Iskakov", "M", "Senior Lieutenant"},
            {"Асель Нурланова", "Assel Nurlanova", "F", "Major"},
            {"Бауыржан Оспанов", "Bauyrzhan Ospanov", "M", "Captain"},
            {"Марат Ахметов", "Marat Akhmetov", "M", "Major"},
            {"Канат Бекмуханов", "Kanat Bekmukhanov", "M", "Lieutenant Colonel"},
            {"Ринат Галиев", "Rinat Galiyev", "M", "Captain"},
            {"Жанна Омарова", "Zhanna Omarova", "F", "Senior Lieutenant"},
            {"Асхат Муканов", "Askhat Mukanov", "M", "Major"},
            {"Дмитрий Ковалёв", "Dmitriy Kovalyov", "M", "Police Major"},
            {"Алексей Петренко", "Aleksey Petrenko", "M", "Police Captain"},
            {"Гульнара Садыкова", "Gulnara Sadykova", "F", "Police Major"},
            {"Тимур Есенов", "Timur Yessenov", "M", "Police Lieutenant Colonel"},
            {"Ерлан Кожахметов", "Yerlan Kozhakhmetov", "M", "Police Captain"},
            {"Арман Калиев", "Arman Kaliyev", "M", "Police Senior Lieutenant"},
        };
        for (int i = 0; i < kz.length; i++) {
            people.add(person("p-kz-%02d".formatted(i + 1), KAZAKHSTAN, kz[i], i < 12 ? KZ_BORDER_GUARD : KZ_INTERIOR));
        }
        String[][] tj = {
            {"Фарход Абдуллоев", "Farkhod Abdulloev", "M", "Instructor, Major"},
            {"Шерзод Рахимов", "Sherzod Rakhimov", "M", "Instructor, Captain"},
            {"Манучехр Назаров", "Manuchehr Nazarov", "M", "Senior Instructor, Lieutenant Colonel"},
            {"Дилноза Каримова", "Dilnoza Karimova", "F", "Instructor, Captain"},
        };
        for (int i = 0; i < tj.length; i++) {
            people.add(person("p-tj-%02d".formatted(i + 1), TAJIKISTAN, tj[i], TJ_BORDER_INSTITUTES));
        }
        String[][] uz = {
            {"Бахтиёр Юсупов", "Bakhtiyor Yusupov", "M", "Major"},
            {"Жасур Тошматов", "Jasur Toshmatov", "M", "Captain"},
            {"Нодира Эргашева", "Nodira Ergasheva", "F", "Captain"},
            {"Улугбек Хамидов", "Ulugbek Khamidov", "M", "Lieutenant Colonel"},
        };
        for (int i = 0; i < uz.length; i++) {
            people.add(person("p-uz-%02d".formatted(i + 1), UZBEKISTAN, uz[i], UZ_BORDER_GUARD));
        }
        return people;
    }

    /** {@return the 4 trainers: 2 of the Border Academy of Kazakhstan, 2 IOM specialists (fictional)} */
    public static List<Person> almatyTrainers() {
        return List.of(
                person("t-kz-01", KAZAKHSTAN, new String[] {"Болат Сейткалиев", "Bolat Seitkaliyev", "M", "Colonel, Head of Department"}, KZ_BORDER_ACADEMY),
                person("t-kz-02", KAZAKHSTAN, new String[] {"Галия Утепова", "Galiya Utepova", "F", "Lieutenant Colonel, Senior Lecturer"}, KZ_BORDER_ACADEMY),
                Person.builder("t-iom-01", Country.of("CH")).latinName("Marco Bellini").sex(Sex.MALE)
                        .organisation(IOM).rank("Senior Border Management Specialist (fictional)").build(),
                Person.builder("t-iom-02", Country.of("AT")).latinName("Anna Keller").sex(Sex.FEMALE)
                        .organisation(IOM).rank("Regional Integrated Border Management Specialist (fictional)").build());
    }

    /** {@return the micro-teaching rubric (task P1, 20 points, pass at 12)} */
    public static Rubric microTeachingRubric() {
        return new Rubric(ItemCode.of("P1"), ImmutableList.of(
                new Rubric.Criterion("Structure and timing", 5),
                new Rubric.Criterion("Participatory methods", 5),
                new Rubric.Criterion("Accuracy of content", 5),
                new Rubric.Criterion("Use of the package's materials", 5)), 12);
    }

    /** {@return the trainer pool as it stands after the cascade training (March 2024)} */
    public static TrainerPool pool() {
        Period validity = DemoCurricula.almatyTot().certification().certificateValidity().orElseThrow();
        List<TrainerRecord> records = new ArrayList<>();
        EventId earlierTot = EventId.of("tot-astana-2021");
        for (Person t : almatyTrainers()) {
            records.add(TrainerRecord.admit(t.id(), curriculumId(), validity,
                            Evidence.of(Evidence.Kind.TOT_ENROLLED, LocalDate.of(2021, 4, 1), earlierTot, "enrolled"))
                    .then(r -> r.promote(PoolStatus.CO_TRAINER,
                            Evidence.of(Evidence.Kind.TOT_COMPLETED, LocalDate.of(2021, 4, 9), earlierTot, "certified at the ToT")))
                    .then(r -> r.promote(PoolStatus.CERTIFIED_TRAINER, Evidence.of(Evidence.Kind.OBSERVED_CO_DELIVERY,
                            LocalDate.of(2022, 3, 18), EventId.of("cascade-almaty-2022"), "observed co-delivery")))
                    .then(r -> r.recordDelivery(Evidence.of(Evidence.Kind.DELIVERY, LocalDate.of(2022, 6, 10), EventId.of("cascade-shymkent-2022"), "delivered")))
                    .then(r -> r.recordDelivery(Evidence.of(Evidence.Kind.DELIVERY, LocalDate.of(2022, 11, 4), EventId.of("cascade-aktobe-2022"), "delivered")))
                    .then(r -> r.recordDelivery(Evidence.of(Evidence.Kind.DELIVERY, LocalDate.of(2023, 5, 19), EventId.of("cascade-taraz-2023"), "delivered")))
                    .then(r -> r.promote(PoolStatus.LEAD_TRAINER, Evidence.of(Evidence.Kind.DELIVERY, LocalDate.of(2023, 6, 1),
                            EventId.of("cascade-taraz-2023"), "three deliveries")))
                    .value());
        }
        for (Person p : almatyParticipants()) {
            if (!graduates().contains(p.id())) {
                continue;
            }
            TrainerRecord r = TrainerRecord.admit(p.id(), curriculumId(), validity,
                            Evidence.of(Evidence.Kind.TOT_ENROLLED, CONFIRMED, ALMATY_TOT, "confirmed for the Almaty ToT"))
                    .then(x -> x.promote(PoolStatus.CO_TRAINER,
                            Evidence.of(Evidence.Kind.TOT_COMPLETED, LAST_DAY, ALMATY_TOT, "certified at the Almaty ToT")))
                    .value();
            if (p.id().equals(CASCADE_TRAINER_1) || p.id().equals(CASCADE_TRAINER_2)) {
                r = r.promote(PoolStatus.CERTIFIED_TRAINER, Evidence.of(Evidence.Kind.OBSERVED_CO_DELIVERY,
                        LocalDate.of(2024, 3, 15), DUSHANBE_CASCADE, "co-delivered under observation by t-kz-02")).value();
            }
            records.add(r);
        }
        return TrainerPool.of(records);
    }

    /** {@return the participants certified at the Almaty ToT: all but p-kz-14 (post-test) and p-kz-18 (attendance)} */
    public static Set<PersonId> graduates() {
        Set<PersonId> out = new java.util.LinkedHashSet<>();
        almatyParticipants().stream().map(Person::id)
                .filter(id -> !id.equals(FAILS_POST_TEST) && !id.equals(FAILS_ATTENDANCE)).forEach(out::add);
        return out;
    }

    static final PersonId FAILS_POST_TEST = PersonId.of("p-kz-14");
    static final PersonId FAILS_ATTENDANCE = PersonId.of("p-kz-18");

    /** {@return the Almaty ToT, 23-27 October 2023: version 1.0.0 of the demo package} */
    public static EventRoster almatyTot() {
        Curriculum curriculum = DemoCurricula.almatyTot();
        List<Person> trainers = almatyTrainers();
        Event event = Event.builder(ALMATY_TOT, "Training of Trainers on Combating Migrants' Smuggling", PROGRAMME,
                        curriculum.id(), curriculum.version(), Event.Kind.TOT)
                .venue("Almaty", KAZAKHSTAN, ZoneId.of("Asia/Almaty"))
                .courseDays(DateRange.of(FIRST_DAY, LAST_DAY))
                .travelWindow(DateRange.of(LocalDate.of(2023, 10, 22), LocalDate.of(2023, 10, 28)))
                .participants(20, 26)
                .quota(KAZAKHSTAN, 18).quota(TAJIKISTAN, 4).quota(UZBEKISTAN, 4)
                .languages("ru", "en").interpretation(true)
                .agenda(plan(curriculum, DateRange.of(FIRST_DAY, LAST_DAY), s -> almatyTrainersFor(s, trainers)))
                .build();
        List<Person> participants = almatyParticipants();
        Random rnd = new Random(20231023L);
        EventRoster.Builder roster = EventRoster.builder(event, programme(), curriculum)
                .organisations(organisations())
                .people(participants).people(trainers)
                .rubric(microTeachingRubric());
        for (Person p : participants) {
            // p-kz-18 attended 9 of 14 sessions, below the package's 80 %: not-completed, as closing would have it (the
            // demo had every participant completed, 26 graduates beside 24 certified).
            Enrolment e = attended(p.id(), ALMATY_TOT, Role.PARTICIPANT, p.organisation().orElseThrow(),
                    NOMINATED, APPROVED, CONFIRMED, FIRST_DAY, LAST_DAY, p.id().equals(FAILS_ATTENDANCE)
                            ? EnrolmentStatus.NOT_COMPLETED : EnrolmentStatus.COMPLETED);
            roster.enrolment(e);
        }
        for (Person t : trainers) {
            roster.enrolment(attended(t.id(), ALMATY_TOT, Role.TRAINER, t.organisation().orElseThrow(),
                    NOMINATED, APPROVED, CONFIRMED, FIRST_DAY, LAST_DAY));
        }
        roster.attendance(attendance(event, participants, rnd));
        roster.tests(tests(curriculum, participants, rnd));
        roster.practice(practice(participants, trainers, rnd));
        roster.feedback(feedback(event, rnd));
        return roster.pool(pool()).build();
    }

    /**
     * A cascade training in Dushanbe, 11-15 March 2024, on version 1.1.0, co-delivered by two Tajik
     * graduates of the Almaty ToT under the observation of a Border Academy lead trainer; 16 officers of
     * the Border Forces of Tajikistan (fictional).
     *
     * @return the cascade's roster
     */
    public static EventRoster dushanbeCascade() {
        Curriculum curriculum = DemoCurricula.revisedAfterAlmaty();
        LocalDate first = LocalDate.of(2024, 3, 11);
        LocalDate last = LocalDate.of(2024, 3, 15);
        Set<PersonId> coTrainers = ImmutableSet.of(CASCADE_TRAINER_1, CASCADE_TRAINER_2);
        List<Session> inOrder = curriculum.sessions().toList();
        Event event = Event.builder(DUSHANBE_CASCADE, "Cascade training on countering migrant smuggling", PROGRAMME,
                        curriculum.id(), curriculum.version(), Event.Kind.CASCADE)
                .venue("Dushanbe", TAJIKISTAN, ZoneId.of("Asia/Dushanbe"))
                .courseDays(DateRange.of(first, last))
                .travelWindow(DateRange.of(first.minusDays(1), last.plusDays(1)))
                .participants(12, 20)
                .quota(TAJIKISTAN, 20)
                .languages("tg", "ru").interpretation(false)
                .agenda(plan(curriculum, DateRange.of(first, last),
                        s -> ImmutableSet.of(inOrder.indexOf(s) % 2 == 0 ? CASCADE_TRAINER_1 : CASCADE_TRAINER_2)))
                .trainersFrom(ALMATY_TOT)
                .build();
        String[][] names = {
            {"Рустам Давлатов", "Rustam Davlatov"}, {"Бехруз Саидов", "Behruz Saidov"},
            {"Фирдавс Олимов", "Firdavs Olimov"}, {"Мехрона Шарипова", "Mehrona Sharipova"},
            {"Сухроб Мирзоев", "Sukhrob Mirzoev"}, {"Далер Хасанов", "Daler Hasanov"},
            {"Исмоил Камолов", "Ismoil Kamolov"}, {"Зарина Юлдашева", "Zarina Yuldasheva"},
            {"Комрон Раджабов", "Komron Rajabov"}, {"Амир Сафаров", "Amir Safarov"},
            {"Парвиз Холов", "Parviz Kholov"}, {"Навруз Эмомов", "Navruz Emomov"},
            {"Шахзод Бобоев", "Shahzod Boboev"}, {"Тахмина Азизова", "Takhmina Azizova"},
            {"Джамшед Ятимов", "Jamshed Yatimov"}, {"Фаррух Ашуров", "Farrukh Ashurov"},
        };
        List<Person> officers = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            boolean female = names[i][1].endsWith("a");
            officers.add(Person.builder("p-tj-c%02d".formatted(i + 1), TAJIKISTAN).nativeName(names[i][0])
                    .latinName(names[i][1]).sex(female ? Sex.FEMALE : Sex.MALE).organisation(TJ_BORDER_FORCES)
                    .rank("Border guard officer").build());
        }
        Map<PersonId, Person> almaty = new LinkedHashMap<>();
        almatyParticipants().forEach(p -> almaty.put(p.id(), p));
        Person observer = almatyTrainers().get(1);
        EventRoster.Builder roster = EventRoster.builder(event, programme(), curriculum)
                .organisations(organisations())
                .people(officers).person(almaty.get(CASCADE_TRAINER_1)).person(almaty.get(CASCADE_TRAINER_2)).person(observer);
        LocalDate nominated = LocalDate.of(2024, 2, 1);
        LocalDate approved = LocalDate.of(2024, 2, 12);
        LocalDate confirmed = LocalDate.of(2024, 2, 26);
        for (Person o : officers) {
            roster.enrolment(attended(o.id(), DUSHANBE_CASCADE, Role.PARTICIPANT, TJ_BORDER_FORCES, nominated, approved, confirmed, first, last));
        }
        for (PersonId t : coTrainers) {
            roster.enrolment(attended(t, DUSHANBE_CASCADE, Role.CO_TRAINER, TJ_BORDER_INSTITUTES, nominated, approved, confirmed, first, last));
        }
        roster.enrolment(attended(observer.id(), DUSHANBE_CASCADE, Role.OBSERVER, KZ_BORDER_ACADEMY, nominated, approved, confirmed, first, last));
        List<Attendance> marks = new ArrayList<>();
        for (AgendaSlot slot : event.agenda()) {
            officers.forEach(o -> marks.add(new Attendance(o.id(), slot.session(), AttendanceMark.PRESENT)));
        }
        roster.attendance(marks);
        return roster.pool(pool()).build();
    }

    private static ImmutableList<AgendaSlot> plan(Curriculum curriculum, DateRange days,
            java.util.function.Function<Session, Set<PersonId>> trainers) {
        return AgendaPlanner.plan(curriculum, days, LocalTime.of(9, 0), DemoCurricula.FIVE_DAY_TOT.maxContactMinutesPerDay(),
                30, trainers).value();
    }

    /** Border Academy trainers teach pedagogy and practice; IOM specialists the smuggling module; pairs share the long sessions. */
    private static Set<PersonId> almatyTrainersFor(Session s, List<Person> trainers) {
        String module = s.code().value().substring(0, 2);
        return switch (module) {
            case "M1" -> ImmutableSet.of(trainers.get(0).id(), trainers.get(1).id());
            case "M2" -> s.minutes() > 90 ? ImmutableSet.of(trainers.get(2).id(), trainers.get(3).id())
                    : ImmutableSet.of(trainers.get(2).id());
            default -> ImmutableSet.of(trainers.get(0).id(), trainers.get(1).id(), trainers.get(3).id());
        };
    }

    private static Person person(String id, Country country, String[] row, OrganisationId organisation) {
        return Person.builder(id, country).nativeName(row[0]).latinName(row[1])
                .sex(row[2].equals("F") ? Sex.FEMALE : Sex.MALE).rank(row[3]).organisation(organisation).build();
    }

    private static Enrolment attended(PersonId person, EventId event, Role role, OrganisationId by, LocalDate nominated,
            LocalDate approved, LocalDate confirmed, LocalDate first, LocalDate last) {
        return attended(person, event, role, by, nominated, approved, confirmed, first, last, EnrolmentStatus.COMPLETED);
    }

    private static Enrolment attended(PersonId person, EventId event, Role role, OrganisationId by, LocalDate nominated,
            LocalDate approved, LocalDate confirmed, LocalDate first, LocalDate last, EnrolmentStatus end) {
        return Enrolment.nominate(person, event, role, by, nominated)
                .moveTo(EnrolmentStatus.APPROVED, approved)
                .then(e -> e.moveTo(EnrolmentStatus.CONFIRMED, confirmed))
                .then(e -> e.moveTo(EnrolmentStatus.ATTENDED, first))
                .then(e -> e.moveTo(end, last))
                .value();
    }

    private static List<Attendance> attendance(Event event, List<Person> participants, Random rnd) {
        List<Attendance> marks = new ArrayList<>();
        for (Person p : participants) {
            for (int i = 0; i < event.agenda().size(); i++) {
                SessionCode session = event.agenda().get(i).session();
                AttendanceMark mark;
                if (p.id().equals(FAILS_ATTENDANCE)) {
                    mark = i % 3 == 1 ? AttendanceMark.ABSENT : AttendanceMark.PRESENT; // misses 5 of 14
                } else {
                    int roll = rnd.nextInt(100);
                    mark = roll < 4 ? AttendanceMark.LATE : roll < 6 ? AttendanceMark.EXCUSED : AttendanceMark.PRESENT;
                }
                marks.add(new Attendance(p.id(), session, mark));
            }
        }
        return marks;
    }

    private static List<TestScore> tests(Curriculum curriculum, List<Person> participants, Random rnd) {
        List<AssessmentItem> questions = curriculum.assessment().itemsOf(ItemKind.TEST_QUESTION);
        List<TestScore> scores = new ArrayList<>();
        for (Person p : participants) {
            Map<ItemCode, Integer> pre = new LinkedHashMap<>();
            Map<ItemCode, Integer> post = new LinkedHashMap<>();
            for (AssessmentItem q : questions) {
                int before = rnd.nextInt(100) < 45 ? q.maxPoints() : rnd.nextInt(q.maxPoints());
                int after = p.id().equals(FAILS_POST_TEST) ? Math.min(q.maxPoints(), before + (rnd.nextBoolean() ? 0 : 1))
                        : Math.max(before, rnd.nextInt(100) < 85 ? q.maxPoints() : q.maxPoints() - 1);
                pre.put(q.code(), before);
                post.put(q.code(), after);
            }
            if (p.id().equals(FAILS_POST_TEST)) {
                questions.stream().limit(4).forEach(q -> post.put(q.code(), 0));
            }
            scores.add(TestScore.of(p.id(), TestScore.Phase.PRE, pre));
            scores.add(TestScore.of(p.id(), TestScore.Phase.POST, post));
        }
        return scores;
    }

    private static List<PracticeTeaching> practice(List<Person> participants, List<Person> trainers, Random rnd) {
        Rubric rubric = microTeachingRubric();
        List<PracticeTeaching> results = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (Rubric.Criterion c : rubric.criteria()) {
                scores.put(c.name(), 3 + rnd.nextInt(3));
            }
            results.add(new PracticeTeaching(participants.get(i).id(), rubric.task(),
                    com.google.common.collect.ImmutableMap.copyOf(scores),
                    java.util.Optional.of(trainers.get(i % 2).id())));
        }
        return results;
    }

    private static List<Feedback> feedback(Event event, Random rnd) {
        Map<String, String[]> comments = Map.of(
                "M2.S3", new String[] {"More hands-on practice with document examination equipment, please.",
                    "The air BCP part needs real forged documents to examine."},
                "M2.S4", new String[] {"Two hours is not enough for green-border strategies.",
                    "Too much lecture; we need more time for the scenario cards.",
                    "Mountain border examples from Tajikistan would help."},
                "M1.S2", new String[] {"Very useful exchange of experience between academies."},
                "M3.S2", new String[] {"Micro-teaching was the best part of the week."});
        List<Feedback> items = new ArrayList<>();
        for (AgendaSlot slot : event.agenda()) {
            String code = slot.session().value();
            int base = code.equals("M2.S4") ? 2 : code.equals("M2.S3") ? 3 : 4;
            String[] texts = comments.getOrDefault(code, new String[0]);
            for (int i = 0; i < 12; i++) {
                int rating = Math.max(1, Math.min(5, base + rnd.nextInt(3) - (base == 4 ? 0 : 1) + (i % 4 == 0 ? 1 : 0)));
                String comment = i < texts.length ? texts[i] : null;
                items.add(Feedback.onSession(slot.session(), rating, comment));
            }
            for (PersonId trainer : slot.trainers()) {
                items.add(new Feedback(java.util.Optional.empty(), slot.session(), java.util.Optional.of(trainer),
                        Math.min(5, 4 + rnd.nextInt(2)), java.util.Optional.empty(),
                        new Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, code)));
            }
        }
        return items;
    }

    private static org.cadre.curriculum.CurriculumId curriculumId() {
        return org.cadre.curriculum.CurriculumId.of(DemoCurricula.ID);
    }
}
