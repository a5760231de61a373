package org.cadre.reporting.render;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.cadre.reporting.Note;

/**
 * The words of rendered reports in English and Russian (the working language of much of Central Asia),
 * chosen by an explicit {@link Locale}, never the default one.
 */
final class Labels {

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("programmeReport", "Programme report"), Map.entry("period", "Period"),
            Map.entry("officialsTrained", "Officials trained"), Map.entry("events", "Events"), Map.entry("event", "Event"),
            Map.entry("officialsByCountryAndSex", "Officials trained by country and sex"),
            Map.entry("officialsByOrganisation", "Officials trained by organisation"),
            Map.entry("pool", "Trainer pool"),
            Map.entry("poolMeaning", "A ToT's certificate admits its holder to the pool as a co-trainer; a co-trainer becomes a "
                    + "certified trainer once observed co-delivering a training, and a lead trainer after three deliveries as a "
                    + "certified trainer. A ToT's certified participants are therefore not the pool's certified trainers."), Map.entry("level", "Level"), Map.entry("atLevel", "At this level on the period's last day"),
            Map.entry("reached", "Reached this level"), Map.entry("active", "Active (trained, taught or recertified in the 2 years up to the period's last day)"),
            Map.entry("inactive", "Taken out of service"),
            Map.entry("trainee", "Trainee"), Map.entry("co-trainer", "Co-trainer"), Map.entry("certified-trainer", "Certified trainer"),
            Map.entry("lead-trainer", "Lead trainer"),
            Map.entry("cascade", "Cascade reach"), Map.entry("cascades", "Cascade trainings"), Map.entry("graduates", "Graduates"),
            Map.entry("cascadeMeaning", "Graduates are a ToT's participants whose enrolment reached completed, which closing decides by attendance, certified or "
                    + "not: they may be more than the ToT's certified participants. A cascade training "
                    + "counts in the period it is held, credited to the ToT its trainers came from. Officers trained are the people present "
                    + "at those cascades, each counted once."),
            Map.entry("tot", "ToT"), Map.entry("multiplier", "Officers per graduate (over all its graduates)"), Map.entry("perGraduate", "Officers trained by each graduate"),
            Map.entry("officersTrainedByThem", "Officers they trained, alone or with other graduates"),
            Map.entry("perGraduateOverlap", "An officer trained by two graduates together counts for both, so these need not add up "
                    + "to the officers trained."),
            Map.entry("graduate", "Graduate"), Map.entry("officersTrained", "Officers trained by graduates"),
            Map.entry("indicators", "Results framework"), Map.entry("indicator", "Indicator"), Map.entry("baseline", "Baseline"),
            Map.entry("target", "Target"), Map.entry("actual", "Actual"),
            Map.entry("targetFor", "Target for"), Map.entry("actualFrom", "Actual from"), Map.entry("noTarget", "no target for this period"),
            Map.entry("wholeProgramme", "the whole programme"), Map.entry("notReported", "not reported"),
            Map.entry("enteredByStaff", "entered by staff"), Map.entry("computed", "computed from the data"),
            Map.entry("eventReport", "Event report"),
            Map.entry("audience", "Audience"),
            Map.entry("internal", "internal"), Map.entry("donor", "donor"), Map.entry("public", "public"),
            Map.entry("programme", "Programme"), Map.entry("donorName", "Donor"), Map.entry("sdgs", "Sustainable Development Goals"),
            Map.entry("courseDays", "Course days"), Map.entry("venue", "Venue"), Map.entry("regions", "Participants present by the region they were trained in (any nationality)"),
            Map.entry("region", "Region"), Map.entry("regionNotRecorded", "region not recorded"), Map.entry("package", "Training Support Package"),
            Map.entry("participants", "Participants"), Map.entry("trainers", "Trainers"),
            Map.entry("byCountryAndSex", "Participants by country and sex"),
            Map.entry("byOrganisation", "Participants by organisation"),
            Map.entry("country", "Country"), Map.entry("organisation", "Organisation"), Map.entry("total", "Total"),
            Map.entry("female", "Female"), Map.entry("male", "Male"), Map.entry("another", "Another"), Map.entry("not-recorded", "Not recorded"),
            Map.entry("attendance", "Attendance"), Map.entry("sessionMarks", "Participants' attendance at sessions (attended of expected)"),
            Map.entry("participantsPresent", "Participants present"), Map.entry("session", "Session"), Map.entry("day", "Day"),
            Map.entry("attendedOf", "attended, of"),
            Map.entry("knowledge", "Knowledge: paired pre- and post-tests"), Map.entry("pairs", "Pairs"),
            Map.entry("unpaired", "Unpaired tests left out"), Map.entry("meanPre", "Mean pre-test"),
            Map.entry("meanPost", "Mean post-test"), Map.entry("gain", "Mean normalised gain"),
            Map.entry("reachedPass", "Reached the pass mark"), Map.entry("band", "Score band"),
            Map.entry("passMarkIs", "pass mark"), Map.entry("bandsReaching", "the bands that reach it:"),
            Map.entry("pre", "Pre-test"), Map.entry("post", "Post-test"), Map.entry("points", "points"),
            Map.entry("scoreDistribution", "Pre- and post-test scores"),
            Map.entry("outcome", "Learning outcome"),
            Map.entry("outcomePre", "Mean pre-test score, %"), Map.entry("outcomePost", "Mean post-test score, %"),
            Map.entry("untestedOutcomes", "Not measured by the pre- and post-tests (no test question assesses them):"),
            Map.entry("untestedByTask", "assessed by practice teaching"), Map.entry("untestedAtAll", "not assessed at this event"),
            Map.entry("practice", "Practice teaching"), Map.entry("scored", "Scored"), Map.entry("passed", "Passed"),
            Map.entry("meanTotal", "Mean score"), Map.entry("rubric", "Rubric"),
            Map.entry("noRubric", "none recorded for this event: practice teaching is not scored"),
            Map.entry("sdg", "SDG"), Map.entry("kind.tot", "Training of Trainers"), Map.entry("kind.cascade", "cascade training"),
            Map.entry("kind.refresher", "refresher"), Map.entry("kind.course", "course"),
            Map.entry("noRubricRequired", "none recorded for this event, but the package's certification requires passed "
                    + "practice teaching: no participant can be certified until a rubric and scores are recorded"),
            Map.entry("certification", "Certification"), Map.entry("certified", "Certified"),
            Map.entry("unmet", "Criteria not met"), Map.entry("criterion", "Criterion"), Map.entry("count", "Count"),
            Map.entry("feedback", "Feedback per session"), Map.entry("meanRating", "Mean rating (1-5)"),
            Map.entry("responses", "Responses"), Map.entry("trainerFeedback", "Feedback per trainer"),
            Map.entry("trainer", "Trainer"),
            Map.entry("revision", "Revision candidates"), Map.entry("comments", "Comments"),
            Map.entry("noRevision", "No session has a shown mean rating below "),
            Map.entry("noFeedback", "No feedback is recorded for this event, so no session can be weighed for revision."),
            Map.entry("figureWithheld", "withheld"),
            Map.entry("ratingsWithheld", "The mean ratings of these sessions are withheld, so they are not weighed here: "),
            Map.entry("notes", "Notes"), Map.entry("chart", "Chart"),
            Map.entry("certification.attendance-below-minimum", "Attendance below minimum"),
            Map.entry("notAssessed", "not assessed"),
            Map.entry("notRecordedLead", "Not assessed: no participant has"),
            Map.entry("notRecordedJoin", " or "),
            Map.entry("notRecordedTail", "recorded, which the package's certification requires."),
            Map.entry("nr.certification.post-test-missing", "a post-test"),
            Map.entry("nr.certification.practice-teaching-missing", "practice teaching"),
            Map.entry("certification.post-test-missing", "Post-test missing"),
            Map.entry("certification.post-test-below-pass-mark", "Post-test below pass mark"),
            Map.entry("certification.practice-teaching-missing", "Practice teaching missing"),
            Map.entry("certification.practice-teaching-below-pass-mark", "Practice teaching below pass mark"));

    private static final Map<String, String> RU = Map.ofEntries(
            Map.entry("programmeReport", "Отчёт о программе"), Map.entry("period", "Период"),
            Map.entry("officialsTrained", "Обучено сотрудников"), Map.entry("events", "Мероприятия"), Map.entry("event", "Мероприятие"),
            Map.entry("officialsByCountryAndSex", "Обученные сотрудники по странам и полу"),
            Map.entry("officialsByOrganisation", "Обученные сотрудники по организациям"),
            Map.entry("pool", "Пул тренеров"),
            Map.entry("poolMeaning", "Сертификат обучения тренеров принимает его обладателя в пул как со-тренера; со-тренер "
                    + "становится сертифицированным тренером, когда его совместное проведение обучения наблюдалось, а ведущим "
                    + "тренером — после трёх проведений в качестве сертифицированного тренера. Поэтому сертифицированные "
                    + "участники обучения тренеров — не то же, что сертифицированные тренеры пула."), Map.entry("level", "Уровень"), Map.entry("atLevel", "На уровне в последний день периода"),
            Map.entry("reached", "Достигли уровня"), Map.entry("active", "Активны (обучались, обучали или переаттестованы за 2 года до последнего дня периода)"),
            Map.entry("inactive", "Выведены из состава"),
            Map.entry("trainee", "Слушатель"), Map.entry("co-trainer", "Со-тренер"), Map.entry("certified-trainer", "Сертифицированный тренер"),
            Map.entry("lead-trainer", "Ведущий тренер"),
            Map.entry("cascade", "Каскадный охват"), Map.entry("cascades", "Каскадные обучения"), Map.entry("graduates", "Выпускники"),
            Map.entry("cascadeMeaning", "Выпускники — участники обучения тренеров, чья запись дошла до статуса «завершил» (его при закрытии определяет "
                    + "посещаемость), сертифицированные или нет: их может быть больше, чем сертифицированных участников. Каскадное "
                    + "обучение учитывается в периоде, когда оно проводится, и засчитывается обучению тренеров, из которого пришли его "
                    + "тренеры. Обученные сотрудники — присутствовавшие на этих каскадных обучениях, каждый учтён один раз."),
            Map.entry("tot", "Обучение тренеров"), Map.entry("multiplier", "Сотрудников на выпускника (по всем его выпускникам)"), Map.entry("perGraduate", "Сотрудники, обученные каждым выпускником"),
            Map.entry("officersTrainedByThem", "Обучены им, одним или вместе с другими выпускниками"),
            Map.entry("perGraduateOverlap", "Сотрудник, обученный двумя выпускниками вместе, учтён у обоих, поэтому эти числа не "
                    + "обязаны складываться в число обученных сотрудников."),
            Map.entry("graduate", "Выпускник"), Map.entry("officersTrained", "Сотрудники, обученные выпускниками"),
            Map.entry("indicators", "Рамка результатов"), Map.entry("indicator", "Индикатор"), Map.entry("baseline", "Исходное значение"),
            Map.entry("target", "Цель"), Map.entry("actual", "Факт"),
            Map.entry("targetFor", "Цель на период"), Map.entry("actualFrom", "Источник факта"), Map.entry("noTarget", "нет цели на этот период"),
            Map.entry("wholeProgramme", "вся программа"), Map.entry("notReported", "не представлено"),
            Map.entry("enteredByStaff", "введено сотрудниками"), Map.entry("computed", "рассчитано по данным"),
            Map.entry("eventReport", "Отчёт о мероприятии"),
            Map.entry("audience", "Аудитория"),
            Map.entry("internal", "внутренняя"), Map.entry("donor", "донор"), Map.entry("public", "публичная"),
            Map.entry("programme", "Программа"), Map.entry("donorName", "Донор"), Map.entry("sdgs", "Цели устойчивого развития"),
            Map.entry("courseDays", "Дни обучения"), Map.entry("venue", "Место проведения"), Map.entry("regions", "Присутствовавшие участники по региону обучения (любого гражданства)"),
            Map.entry("region", "Регион"), Map.entry("regionNotRecorded", "регион не указан"), Map.entry("package", "Учебный пакет"),
            Map.entry("participants", "Участники"), Map.entry("trainers", "Тренеры"),
            Map.entry("byCountryAndSex", "Участники по странам и полу"),
            Map.entry("byOrganisation", "Участники по организациям"),
            Map.entry("country", "Страна"), Map.entry("organisation", "Организация"), Map.entry("total", "Всего"),
            Map.entry("female", "Женщины"), Map.entry("male", "Мужчины"), Map.entry("another", "Другой пол"), Map.entry("not-recorded", "Не указано"),
            Map.entry("attendance", "Посещаемость"), Map.entry("sessionMarks", "Посещение занятий участниками (посещено из ожидаемых)"),
            Map.entry("participantsPresent", "Присутствовавшие участники"), Map.entry("session", "Занятие"), Map.entry("day", "День"),
            Map.entry("attendedOf", "присутствовали, из"),
            Map.entry("knowledge", "Знания: парные входные и итоговые тесты"), Map.entry("pairs", "Пары"),
            Map.entry("unpaired", "Тесты без пары (не учтены)"), Map.entry("meanPre", "Средний балл входного теста"),
            Map.entry("meanPost", "Средний балл итогового теста"), Map.entry("gain", "Средний нормализованный прирост"),
            Map.entry("reachedPass", "Достигли проходного балла"), Map.entry("band", "Диапазон баллов"),
            Map.entry("passMarkIs", "проходной балл"), Map.entry("bandsReaching", "его достигают диапазоны"),
            Map.entry("pre", "Входной тест"), Map.entry("post", "Итоговый тест"), Map.entry("points", "баллов"),
            Map.entry("scoreDistribution", "Баллы входного и итогового тестов"),
            Map.entry("outcome", "Результат обучения"),
            Map.entry("outcomePre", "Средний балл входного теста, %"), Map.entry("outcomePost", "Средний балл итогового теста, %"),
            Map.entry("untestedOutcomes", "Не измеряются входным и итоговым тестами (ни один вопрос теста их не проверяет):"),
            Map.entry("untestedByTask", "оценивается практикой преподавания"), Map.entry("untestedAtAll", "на этом мероприятии не оценивается"),
            Map.entry("practice", "Практика преподавания"), Map.entry("scored", "Оценено"), Map.entry("passed", "Сдали"),
            Map.entry("meanTotal", "Средний балл"), Map.entry("rubric", "Критерии оценки"),
            Map.entry("noRubric", "для этого мероприятия не заданы: практика преподавания не оценивается"),
            Map.entry("sdg", "ЦУР"), Map.entry("kind.tot", "обучение тренеров"), Map.entry("kind.cascade", "каскадное обучение"),
            Map.entry("kind.refresher", "переподготовка"), Map.entry("kind.course", "курс"),
            Map.entry("noRubricRequired", "для этого мероприятия не заданы, но для сертификации по учебному пакету нужна "
                    + "сданная практика преподавания: никто не может быть сертифицирован, пока не внесены критерии и оценки"),
            Map.entry("certification", "Сертификация"), Map.entry("certified", "Сертифицированы"),
            Map.entry("unmet", "Невыполненные критерии"), Map.entry("criterion", "Критерий"), Map.entry("count", "Число"),
            Map.entry("feedback", "Отзывы по занятиям"), Map.entry("meanRating", "Средняя оценка (1-5)"),
            Map.entry("responses", "Ответы"), Map.entry("trainerFeedback", "Отзывы о тренерах"),
            Map.entry("trainer", "Тренер"),
            Map.entry("revision", "Кандидаты на доработку"), Map.entry("comments", "Комментарии"),
            Map.entry("noRevision", "Нет занятий с приведённой средней оценкой ниже "),
            Map.entry("noFeedback", "Отзывы по этому мероприятию не записаны, поэтому оценить занятия для пересмотра нельзя."),
            Map.entry("figureWithheld", "скрыто"),
            Map.entry("ratingsWithheld", "Средние оценки этих занятий скрыты, поэтому здесь они не рассматриваются: "),
            Map.entry("notes", "Примечания"), Map.entry("chart", "Диаграмма"),
            Map.entry("certification.attendance-below-minimum", "Посещаемость ниже минимума"),
            Map.entry("notAssessed", "не оценивались"),
            Map.entry("notRecordedLead", "Не оценивалась: ни для одного участника не записаны"),
            Map.entry("notRecordedJoin", " и "),
            Map.entry("notRecordedTail", "— а они нужны для сертификации по учебному пакету."),
            Map.entry("nr.certification.post-test-missing", "итоговый тест"),
            Map.entry("nr.certification.practice-teaching-missing", "практика преподавания"),
            Map.entry("certification.post-test-missing", "Нет итогового теста"),
            Map.entry("certification.post-test-below-pass-mark", "Итоговый тест ниже проходного балла"),
            Map.entry("certification.practice-teaching-missing", "Нет практики преподавания"),
            Map.entry("certification.practice-teaching-below-pass-mark", "Практика преподавания ниже проходного балла"));

    /** The reports' notes in Russian, with the English templates' {@code {0}}, {@code {1}}, ... (English is {@link Note#text()}). */
    private static final Map<Note.Code, String> RU_NOTES = new EnumMap<>(Map.of(
            Note.Code.WITHHELD, "«{0}»: показатель не приводится для защиты людей, потому что в нём меньше {1} человек или по "
                    + "нему можно вычислить такое число. Никогда не ноль.",
            Note.Code.MEAN_WITHHELD, "Среднее, показанное как скрытое рядом со своим n, не приводится: вместе с другими показателями "
                    + "оно позволило бы вычислить число меньше {0} (например, средний итоговый балл у максимума ограничивает число не "
                    + "набравших проходной балл; так же может среднее по результату обучения, входное или итоговое); это не низкий "
                    + "результат.",
            Note.Code.EVENT_ROUNDING, "Проценты — до одного знака после запятой, средние — до двух (средний балл в процентах, как по "
                    + "результатам обучения, — среднее), с округлением половины вверх; у "
                    + "каждого процента указан знаменатель.",
            Note.Code.CERTIFICATION_NOT_ASSESSED, "Сертификация не оценивалась: ни для одного участника не записано то, что "
                    + "требуется для сертификации по учебному пакету, поэтому доля сертифицированных — это отсутствие записей, а не "
                    + "неудачи.",
            Note.Code.PAIRED_TESTS, "Показатели знаний рассчитаны только по парным входным и итоговым тестам; тесты без пары "
                    + "подсчитаны и не учтены.",
            Note.Code.NOT_LINKED, "Этот отчёт проверен по его собственным показателям; так как в периоде больше {0} мероприятий, "
                    + "он не проверялся вместе с отчётами самих мероприятий.",
            Note.Code.NO_FRAMEWORK, "Для этой программы не задана рамка результатов, поэтому в отчёте нет индикаторов.",
            Note.Code.CUSTOM_ACTUALS, "Фактические значения собственных индикаторов публикуются так, как их ввели сотрудники за "
                    + "период; они не рассчитываются по данным и не проходят контроль раскрытия.",
            Note.Code.COUNTED_ONCE, "Обученные сотрудники учитывают каждого человека в периоде один раз, сколько бы мероприятий он "
                    + "ни посетил; мероприятия, регионы и сотрудники каждого выпускника учитывают его в каждом.",
            Note.Code.PROGRAMME_ROUNDING, "Проценты — до одного знака после запятой, множители — до двух, с округлением половины "
                    + "вверх; у каждого процента указан знаменатель."));

    private final Map<String, String> words;
    private final Locale locale;

    private Labels(Map<String, String> words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    static Labels of(Locale locale) {
        boolean russian = "ru".equals(locale.getLanguage());
        return new Labels(russian ? RU : EN, russian ? Locale.forLanguageTag("ru") : Locale.ENGLISH);
    }

    /** The word for a key; the key itself when there is none (codes, country codes). */
    String get(String key) {
        return words.getOrDefault(key, key);
    }

    /**
     * A report's note in this language: its English text, or the Russian template filled with the same figures. The
     * marker a note explains is this language's word for it, as the page's cells show it.
     */
    String note(Note note) {
        if (words != RU) {
            return note.text();
        }
        java.util.List<String> arguments = new java.util.ArrayList<>(note.arguments());
        if (note.code() == Note.Code.WITHHELD) {
            arguments.set(0, get("figureWithheld"));
        }
        return Note.fill(RU_NOTES.get(note.code()), arguments);
    }

    /** The Russian template of a note, for the test that every note has one with the same places. */
    static String russian(Note.Code code) {
        return RU_NOTES.get(code);
    }

    Locale locale() {
        return locale;
    }

    /** Keys of both languages, for the test that they match. */
    static java.util.Set<String> keys(boolean russian) {
        return (russian ? RU : EN).keySet();
    }
}
