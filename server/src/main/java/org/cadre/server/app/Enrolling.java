package org.cadre.server.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.cadre.documents.Dates;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.documents.RosterCsv;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.EventRule;
import org.cadre.roster.ImportRequest;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.Role;
import org.cadre.roster.RosterCommand;
import org.cadre.roster.RosterRows;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.EventPlace;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.RosterImports;
import org.cadre.server.store.Topic;
import org.cadre.server.store.TopicCache;
import org.cadre.server.values.Versioned;

/**
 * Who is on an event's roster and how they got there: reading the roster, enrolling one person, changing
 * one enrolment's status, and importing a roster file (all rows or none), for the API and the command line.
 */
public final class Enrolling {

    private final Stores stores;
    private final Scope scope;

    Enrolling(Stores stores, Scope scope) {
        this.stores = stores;
        this.scope = scope;
        this.rosters = new TopicCache<>(stores.db.changes(), 256);
    }

    /** One enrolment with its stored version, the person (if in the store) and when each status was recorded. */
    public record Entry(Versioned<Enrolment> enrolment, Optional<Person> person, List<Long> recordedAt) {}

    /** An event's roster: the event (for its version) and every enrolment. */
    public record Roster(Versioned<Event> event, List<Entry> entries) {}

    /**
     * Rosters as read, each kept until its event, an enrolment in it or one of its people changes: the most
     * read request of the API serves from here.
     */
    private final TopicCache<EventId, Optional<Roster>> rosters;

    /** The event's roster, every enrolment with its person. */
    public Outcome<Roster> roster(UserAccount user, String eventId) {
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> Scope.ofEvent(user, eventId, e -> {
            stores.db.changes().sync();
            return rosters.get(e, this::load);
        }, r -> r.event().value()));
    }

    private TopicCache.Loaded<Optional<Roster>> load(EventId id) {
        Optional<Roster> roster = stores.events.summary(id).map(e -> new Roster(e, stores.enrolments.lines(id).stream()
                .map(l -> new Entry(l.enrolment(), l.person().map(Versioned::value), l.recordedAt())).toList()));
        Set<Topic> topics = new java.util.HashSet<>();
        topics.add(Topic.event(id.value()));
        roster.ifPresent(r -> r.entries().forEach(x -> topics.add(Topic.person(x.enrolment().value().person().value()))));
        return new TopicCache.Loaded<>(roster, topics);
    }

    /** The enrolments with their people and recording times. */
    static List<Entry> entries(Stores stores, EventId event, List<Versioned<Enrolment>> enrolments) {
        Map<PersonId, Versioned<Person>> people = stores.people.byIds(enrolments.stream().map(v -> v.value().person()).toList());
        Map<PersonId, List<Long>> recorded = stores.enrolments.recordedAt(event);
        return enrolments.stream().map(v -> new Entry(v, Optional.ofNullable(people.get(v.value().person())).map(Versioned::value),
                recorded.getOrDefault(v.value().person(), List.of()))).toList();
    }

    /**
     * Enrols a person: nominated by an organisation, in a role, on {@code on} (by default the event's own
     * day). The person and the organisation must be in the user's scope; one outside it is answered as a
     * missing one.
     */
    public Outcome<Entry> enrol(UserAccount user, String eventId, String personId, String roleLabel, String nominatedBy, String onText) {
        Outcome<Versioned<Event>> found = Scope.permit(user, Permission.WRITE_RECORDS).then(u -> scope.eventSummary(user, eventId));
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get().value();
        Fields f = new Fields();
        PersonId person = f.at("person", () -> PersonId.of(personId));
        Role role = f.at("role", () -> Labels.parse(Role.class, roleLabel));
        OrganisationId by = f.at("nominatedBy", () -> OrganisationId.of(nominatedBy));
        LocalDate on = onText == null ? e.defaultDay(EnrolmentStatus.NOMINATED, today(e), LocalDate.MIN) : f.at("on", () -> Dates.parse(onText));
        if (!f.ok()) {
            return Outcome.refused(Refusal.INVALID, "The request has invalid fields; nothing was changed.", f.errors());
        }
        Optional<Finding> ahead = org.cadre.roster.BulkStatus.nominationDay(e.subject() + "/enrolment/" + person, on, e, today(e));
        if (ahead.isPresent()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, NOMINATION_AHEAD, List.of("on: " + ahead.get().message()),
                    org.cadre.finding.Findings.of(ahead.get()));
        }
        List<String> missing = new ArrayList<>();
        Optional<Versioned<Person>> p = scope.person(user, person);
        if (p.isEmpty()) {
            missing.add("person: no such person");
        }
        if (stores.organisations.get(by).filter(o -> scope.covers(user, o.value())).isEmpty()) {
            missing.add("nominatedBy: no such organisation");
        }
        if (!missing.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "The enrolment names records that are not stored.", missing);
        }
        if (stores.enrolments.get(e.id(), person).isPresent()) {
            return Outcome.refused(Refusal.CONFLICT, "The person is enrolled in this event already.");
        }
        Optional<Programme> programme = stores.programmes.get(e.programme()).map(Versioned::value);
        Set<Role> roles = role == Role.GUEST_TRAINER ? Set.of() : stores.enrolments.rolesOf(person);
        if (programme.isEmpty() || !Access.mayEnrol(user, p.get().value(), role, roles, e, programme.get(), scope.organisationOf(p.get().value()))) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "The enrolment was not made.", List.of(GUEST_ONLY));
        }
        Enrolment enrolment = Enrolment.nominate(person, e.id(), role, by, on);
        stores.enrolments.addAll(List.of(enrolment), user.username());
        // Answered with the time it was recorded, as a read of the roster would give it.
        return Outcome.done(entries(stores, e.id(), List.of(new Versioned<>(enrolment, 1))).get(0));
    }

    static final String GUEST_ONLY = "role: the person is on record only as a guest trainer; another role is for a "
            + "coordinator of their country";

    /**
     * Moves one enrolment to a status, on {@code on} (by default the event's own day for that status), from
     * the version the user read. The library's rules decide which moves are allowed.
     */
    public Outcome<Entry> changeStatus(UserAccount user, String eventId, String personId, String statusLabel, String onText,
            Expected expected) {
        return Checks.retriedForAny(expected, () -> changeStatusOnce(user, eventId, personId, statusLabel, onText, expected));
    }

    private Outcome<Entry> changeStatusOnce(UserAccount user, String eventId, String personId, String statusLabel, String onText,
            Expected expected) {
        Outcome<Versioned<Event>> found = Scope.permit(user, Permission.WRITE_RECORDS).then(u -> scope.eventSummary(user, eventId));
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get().value();
        Optional<Versioned<Enrolment>> current = Scope.id(personId, PersonId::of).flatMap(p -> stores.enrolments.get(e.id(), p));
        if (current.isEmpty()) {
            return Scope.notFound("enrolment");
        }
        Fields f = new Fields();
        EnrolmentStatus target = f.at("status", () -> Labels.parse(EnrolmentStatus.class, statusLabel));
        LocalDate given = onText == null || target == null ? null : f.at("on", () -> Dates.parse(onText));
        if (!f.ok()) {
            return Outcome.refused(Refusal.INVALID, "The request has invalid fields; nothing was changed.", f.errors());
        }
        Result<Enrolment> moved = org.cadre.roster.BulkStatus.one(e, current.get().value(), target, Optional.ofNullable(given), today(e));
        Outcome<Integer> from = expected.against(current.get().version());
        if (!moved.isOk()) {
            Optional<Finding> ahead = moved.refusal().stream().filter(x -> x.code().equals(RosterCommand.DATED_AHEAD.code())).findFirst();
            if (ahead.isPresent()) {
                return Outcome.refused(Refusal.UNPROCESSABLE, "A status records what happened; it cannot be dated ahead.",
                        List.of("on: " + ahead.get().message()), org.cadre.finding.Findings.of(ahead.get()));
            }
            if (!from.isDone()) {
                return from.refusedAs();
            }
            // The rule's words name the field they are about, as every refusal's errors do; the findings carry the codes.
            return Outcome.refusedBy("That status change is not allowed.", moved.refusal().stream().map(x -> "status: " + x.message()).toList(),
                    moved.refusal());
        }
        if (!from.isDone()) {
            return from.refusedAs();
        }
        return Checks.saved(() -> stores.enrolments.save(moved.value(), from.get(), user.username()))
                .map(saved -> entries(stores, e.id(), List.of(saved)).get(0));
    }

    /** What an import did; {@code replay} holds the first answer when the same request came again under its key. */
    public record Imported(EventId event, int enrolled, int newPeople, Optional<Answer> replay) {}

    /** An import's answer as the door sends it, stored with the import so the same request gets it again. */
    public record Answer(int status, String body) {}

    /**
     * Imports a roster file into the event: every row checked first, all stored or none. With an idempotency
     * key, the same file sent again gets the first answer again and changes nothing.
     *
     * @param onText the day nominated (by default the event's own day)
     * @param answer the answer the door will send for the import, stored with it under the key
     * @param progress given the number of rows to store, what to tell how many are stored so far
     */
    public Outcome<Imported> importRoster(UserAccount user, String eventId, byte[] file, String onText, Optional<String> key,
            Function<Imported, Answer> answer, Function<Integer, IntConsumer> progress) {
        return withinMemory(() -> importWithin(user, eventId, file, onText, key, answer, progress));
    }

    /** The words of a file too large for the memory the process was given. */
    public static final String TOO_LARGE = "The roster file is too large for the memory this server or command was given; nothing was stored. "
            + "Split it into smaller files, or give the JVM a larger heap (-Xmx).";

    /**
     * {@code work}, or a refusal ({@link Refusal#TOO_LARGE}) when it runs out of memory: a roster file of many rows read
     * by a process given little heap (the newcomer's review: an empty 500, and a stack trace from the command line). The
     * import's transaction is rolled back whatever ends it, and what the work held is garbage once it has unwound.
     */
    private static <T> Outcome<T> withinMemory(java.util.function.Supplier<Outcome<T>> work) {
        try {
            return work.get();
        } catch (OutOfMemoryError tooLarge) {
            return Outcome.refused(Refusal.TOO_LARGE, TOO_LARGE);
        }
    }

    private Outcome<Imported> importWithin(UserAccount user, String eventId, byte[] file, String onText, Optional<String> key,
            Function<Imported, Answer> answer, Function<Integer, IntConsumer> progress) {
        Outcome<Versioned<Event>> found = Scope.permit(user, Permission.WRITE_RECORDS).then(u -> scope.event(user, eventId));
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get().value();
        Outcome<LocalDate> day = nominatedOn(e, onText);
        if (!day.isDone()) {
            return day.refusedAs();
        }
        LocalDate on = day.get();
        Optional<Finding> badKey = key.flatMap(ImportRequest::keyRefusal);
        if (badKey.isPresent()) {
            return Outcome.refused(Refusal.INVALID, "The Idempotency-Key is not valid.", List.of("Idempotency-Key: " + badKey.get().message()));
        }
        String hash = ImportRequest.hash(e.id(), on, file);
        Optional<Outcome<Imported>> earlier = earlierAnswer(user, e, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // The file is read, checked and stored a chunk of rows at a time in one transaction, each chunk stored once
        // checked: memory holds the file's bytes and one chunk, never the whole file as rows, people and enrolments.
        // A refused row ends the storing (nothing is kept) and the rest of the file is still checked, so every bad
        // row is named.
        RosterCsv.Rows rows = RosterCsv.open(file);
        if (!rows.ok()) {
            return refusedRows(user, e, key, hash, refusedFile(user, e, on, rows));
        }
        Chunks chunks = new Chunks(user, e, on, rows);
        try {
            stores.imports.store(chunks::nextToStore, user.username(), key, () -> {
                Answer sent = answer.apply(chunks.imported());
                return new RosterImports.Answer(hash, sent.status(), sent.body());
            }, progress.apply(rows.count()));
        } catch (RuntimeException failure) {
            if (Chunks.refused(failure)) {
                chunks.checkTheRest();
                return refusedRows(user, e, key, hash, RosterRows.refused(chunks.planner.refusals()).errors());
            }
            if (Failure.of(failure) == Failure.DUPLICATE) {
                // A retry stored beside the first request: the first committed, and its answer is this one's.
                return earlierAnswer(user, e, key, hash).orElseGet(() -> Outcome.refused(Refusal.CONFLICT,
                        "The roster changed while importing (another import at the same time); nothing was stored, send it again."));
            }
            throw failure; // a full disk, an unreachable database or a fault: answered (and logged) as what it is
        }
        return Outcome.done(chunks.imported());
    }

    /**
     * Every fault of a file refused as a whole: the faults of the rows it could read before the one after which nothing
     * could be read (a quote left open, bytes that are not UTF-8), then that one, so one answer names them all.
     */
    private List<String> refusedFile(UserAccount user, Event e, LocalDate on, RosterCsv.Rows rows) {
        List<Finding> all = new ArrayList<>();
        if (rows.count() > 0) {
            Chunks chunks = new Chunks(user, e, on, rows);
            chunks.checkTheRest();
            all.addAll(chunks.planner.refusals());
        }
        all.addAll(rows.refusals());
        return RosterRows.refused(all).errors();
    }

    /** The refusal of a file with bad rows, or the first request's answer to a retry of it (see {@link #importRoster}). */
    private Outcome<Imported> refusedRows(UserAccount user, Event e, Optional<String> key, String hash, List<String> errors) {
        // A retry sent while the first request was being stored finds its people enrolled: it gets the first's answer.
        return earlierAnswer(user, e, key, hash).orElseGet(() -> Outcome.refused(Refusal.UNPROCESSABLE,
                "The roster was not imported: the bad rows are listed with their lines (the first 100, then how many more); nothing was stored.",
                errors));
    }

    /**
     * A roster file checked a chunk of rows at a time (a twentieth of the file, 50 to 1,000 rows, as the store
     * batches them), each chunk against what the store holds about its own ids, read in a handful of queries.
     */
    private final class Chunks {
        private final Event event;
        private final RosterCsv.Rows rows;
        private final RosterRows.Planner planner;
        private final Lookup lookup;
        private final int size;

        Chunks(UserAccount user, Event e, LocalDate on, RosterCsv.Rows rows) {
            this.event = e;
            this.rows = rows;
            this.planner = RosterRows.planner(e, on);
            this.lookup = new Lookup(user, e);
            this.size = RosterImports.chunk(rows.count());
        }

        /** The next chunk checked, to store; empty at the end of the file; thrown as {@link RowsRefused} once a row is refused. */
        Optional<RosterImports.Chunk> nextToStore() {
            Optional<RosterRows.Plan> next = next();
            if (!planner.ok()) {
                throw new RowsRefused();
            }
            return next.map(plan -> new RosterImports.Chunk(plan.newPeople(), plan.enrolments()));
        }

        /** The next chunk checked; empty at the end of the file. */
        Optional<RosterRows.Plan> next() {
            List<RosterRows.Row> chunk = rows.next(size);
            return chunk.isEmpty() ? Optional.empty() : Optional.of(planner.next(chunk, lookup.known(chunk)));
        }

        /** Checks the rows not yet read, for their refusals. */
        void checkTheRest() {
            while (next().isPresent()) {
                // every row's refusals are kept by the planner
            }
        }

        Imported imported() {
            return new Imported(event.id(), planner.enrolments(), planner.newPeople(), Optional.empty());
        }

        /** Whether an import's transaction ended on a refused row (not on a fault of the store). */
        static boolean refused(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof RowsRefused) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Ends an import's transaction when a row is refused: nothing of the file is kept. */
    private static final class RowsRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowsRefused() {
            super("a row of the roster file is refused", null, false, false);
        }
    }

    /**
     * The answer kept for the user's {@code Idempotency-Key}, if a request with it was stored: that answer for the
     * same file, a refusal for another; empty without a key or an answer.
     */
    private Optional<Outcome<Imported>> earlierAnswer(UserAccount user, Event e, Optional<String> key, String hash) {
        return key.flatMap(k -> stores.imports.answered(user.username(), k)).map(earlier -> {
            Optional<Finding> reused = ImportRequest.reuseRefusal(earlier.requestHash(), hash);
            if (reused.isPresent()) {
                return Outcome.refused(Refusal.UNPROCESSABLE, "That Idempotency-Key was used for another request; use a new key for a new file.",
                        List.of("Idempotency-Key: " + reused.get().message()));
            }
            return Outcome.done(new Imported(e.id(), 0, 0, Optional.of(new Answer(earlier.status(), earlier.body()))));
        });
    }

    /** The words of a refusal of a nomination dated after today or after the event. */
    private static final String NOMINATION_AHEAD = "A nomination records what happened: it is dated neither after today nor after "
            + "the event's last course day.";

    /** The day a roster file's nominations are dated: {@code onText}, or by default the event's own day. */
    private Outcome<LocalDate> nominatedOn(Event e, String onText) {
        if (onText == null) {
            return Outcome.done(e.defaultDay(EnrolmentStatus.NOMINATED, today(e), LocalDate.MIN));
        }
        Optional<String> problem = Dates.problem(onText);
        if (problem.isPresent()) {
            return Outcome.refused(Refusal.INVALID, "A date is not valid.", List.of("on: " + problem.get()));
        }
        LocalDate on = Dates.tryParse(onText).orElseThrow();
        Optional<Finding> ahead = org.cadre.roster.BulkStatus.nominationDay(e.subject(), on, e, today(e));
        if (ahead.isPresent()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, NOMINATION_AHEAD, List.of("on: " + ahead.get().message()),
                    org.cadre.finding.Findings.of(ahead.get()));
        }
        return Outcome.done(on);
    }

    /**
     * What an import of a roster file would do, stored nowhere: every bad row with its line and reason, or
     * how many people it would enrol and record.
     *
     * @param errors every bad row ({@code line 3: ...}); empty when the file would be imported
     * @param pastRetention whether the event ended longer ago than the default retention period
     * @param on the day the nominations would be dated (given, or the event's own day)
     */
    public record Preview(EventId event, int enrolled, int newPeople, List<String> errors, boolean pastRetention, Optional<LocalDate> on,
            List<String> ineligible) {
        public Preview {
            errors = List.copyOf(errors);
            ineligible = List.copyOf(ineligible);
        }

        /** A preview of an event within the default retention period, of no day, with no one ineligible. */
        public Preview(EventId event, int enrolled, int newPeople, List<String> errors) {
            this(event, enrolled, newPeople, errors, false, Optional.empty(), List.of());
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The words of the refusal when a checked file is no longer kept (its half hour is over, or another took its place). */
    public static final String CHECKED_FILE_GONE = "The checked file is no longer kept; check the file again.";

    /** A check whose file waits for its import under {@code key} (none when the check found errors or the file is empty). */
    public record Checked(Preview preview, Optional<String> key) {}

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * Checks a roster file as {@link #importRoster} would and, when it may be imported, keeps it in the store under
     * a new key for {@link #importChecked} (the import page's confirmation, which may reach another server
     * instance): for half an hour, for this user and this event only. Its nominations are dated {@code onText}, as
     * {@link #importRoster} dates them; the key carries that day, so the import dates them the same.
     */
    public Outcome<Checked> checkToImport(UserAccount user, String eventId, byte[] file, String onText) {
        return checkRoster(user, eventId, file, onText).map(preview -> {
            if (!preview.ok() || file.length == 0) {
                return new Checked(preview, Optional.empty());
            }
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            // The day checked (the event's own day when none was given) is part of the key, so the confirmation imports
            // the file as it was checked, even if the event's days change meanwhile: a key with another day is no key kept.
            String key = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + preview.on().map(d -> "." + d).orElse("");
            stores.uploads.keep(key, user.username(), preview.event(), file);
            return new Checked(preview, Optional.of(key));
        });
    }

    /**
     * Imports the file {@link #checkToImport} kept under {@code key}, as {@link #importRoster} would with that key
     * as its Idempotency-Key (a second confirmation gets the first answer again). A key not kept for this user and
     * event (unknown, expired, another user's) is refused as a conflict ({@link #CHECKED_FILE_GONE}); a missing or
     * out-of-scope event is not found first.
     */
    public Outcome<Imported> importChecked(UserAccount user, String eventId, String key, Function<Imported, Answer> answer,
            Function<Integer, IntConsumer> progress) {
        Outcome<Versioned<Event>> found = Scope.permit(user, Permission.WRITE_RECORDS).then(u -> scope.event(user, eventId));
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Optional<byte[]> file = key == null || key.isBlank() || key.length() > 64 ? Optional.empty()
                : stores.uploads.checked(key, user.username(), found.get().value().id());
        if (file.isEmpty()) {
            return Outcome.refused(Refusal.CONFLICT, CHECKED_FILE_GONE);
        }
        String onText = key.indexOf('.') > 0 ? key.substring(key.indexOf('.') + 1) : null;
        return importRoster(user, eventId, file.get(), onText, Optional.of(key), answer, progress);
    }

    /** Checks a roster file as {@link #importRoster} would, and stores nothing. */
    public Outcome<Preview> checkRoster(UserAccount user, String eventId, byte[] file, String onText) {
        return withinMemory(() -> checkWithin(user, eventId, file, onText));
    }

    private Outcome<Preview> checkWithin(UserAccount user, String eventId, byte[] file, String onText) {
        Outcome<Versioned<Event>> found = Scope.permit(user, Permission.WRITE_RECORDS).then(u -> scope.event(user, eventId));
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get().value();
        Outcome<LocalDate> day = nominatedOn(e, onText);
        if (!day.isDone()) {
            // The file's bad lines are named with the day's fault, read as of the event's own day: one try shows every fault
            // (newcomer's re-check: the lines came only on the next try, the file chosen again).
            List<String> errors = new ArrayList<>(day.errors());
            errors.addAll(check(user, e, file, e.defaultDay(EnrolmentStatus.NOMINATED, today(e), LocalDate.MIN), plan -> { }).errors());
            return Outcome.refused(day.refusal().orElseThrow(), day.detail(), errors, day.findings());
        }
        return day.map(on -> {
            // Those the event's eligibility rule would name, chunk by chunk, while every row so far is good.
            Outcome<org.cadre.curriculum.Curriculum> curriculum = scope.curriculumOf(e);
            Optional<EventRoster> before = curriculum.isDone() ? stores.rosters.load(e.id(), curriculum.get()) : Optional.empty();
            List<String> ineligible = new ArrayList<>();
            FileChecked checked = check(user, e, file, on, plan -> before.ifPresent(b -> ineligible.addAll(ineligible(e, b, plan))));
            // An event entered long after it was held: its participants are due for erasure at the next retention run.
            boolean pastRetention = !Erasure.DEFAULT_POLICY.keeps(e.courseDays().last(), today(e));
            return checked.ok() ? new Preview(e.id(), checked.enrolments(), checked.newPeople(), List.of(), pastRetention, Optional.of(on),
                    ineligible)
                    : new Preview(e.id(), 0, 0, checked.errors(), pastRetention, Optional.of(on), List.of());
        });
    }

    /** What checking a file found: how many enrolments and new people its rows make, or every bad line. */
    private record FileChecked(int enrolments, int newPeople, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * What importing the file would do, its nominations dated {@code on}, checked a chunk at a time as
     * {@link #importRoster} checks it; {@code good} is given each chunk's plan while no row has been refused.
     */
    private FileChecked check(UserAccount user, Event e, byte[] file, LocalDate on, java.util.function.Consumer<RosterRows.Plan> good) {
        RosterCsv.Rows rows = RosterCsv.open(file);
        if (!rows.ok()) {
            return new FileChecked(0, 0, refusedFile(user, e, on, rows));
        }
        Chunks chunks = new Chunks(user, e, on, rows);
        for (Optional<RosterRows.Plan> plan = chunks.next(); plan.isPresent(); plan = chunks.next()) {
            if (chunks.planner.ok()) {
                good.accept(plan.get());
            }
        }
        return new FileChecked(chunks.planner.enrolments(), chunks.planner.newPeople(), RosterRows.refused(chunks.planner.refusals()).errors());
    }

    /**
     * What the store holds about the people and organisations a file's rows name, as the user's scope shows it: what
     * every chunk shares (the organisations, the event's enrolments, its programme) read once, and each chunk's people
     * in a handful of queries however long it is. A person or organisation outside the scope is unknown, an id in use
     * by a record outside it is taken (its details never shown), and a new person must be one the user may record
     * ({@link Access#mayRecord}).
     */
    private final class Lookup {
        private final UserAccount user;
        private final Event event;
        private final Map<OrganisationId, Organisation> organisations;
        private final Set<OrganisationId> visibleOrganisations;
        private final Set<PersonId> enrolled;
        private final Optional<Programme> programme;

        Lookup(UserAccount user, Event e) {
            this.user = user;
            this.event = e;
            this.organisations = stores.organisations.all().stream().map(Versioned::value).collect(Collectors.toMap(Organisation::id, o -> o));
            // Immutable once, so that each chunk's Known takes them as they are instead of copying them.
            this.visibleOrganisations = organisations.values().stream().filter(o -> scope.covers(user, o)).map(Organisation::id)
                    .collect(com.google.common.collect.ImmutableSet.toImmutableSet());
            this.enrolled = com.google.common.collect.ImmutableSet.copyOf(scope.enrolledIn(e.id()));
            this.programme = stores.programmes.get(e.programme()).map(Versioned::value);
        }

        RosterRows.Known known(List<RosterRows.Row> rows) {
            Set<PersonId> ids = RosterRows.people(rows);
            Map<PersonId, Versioned<Person>> stored = stores.people.byIds(ids);
            Map<PersonId, List<EventPlace>> places = stores.enrolments.placesOf(stored.keySet());
            Map<PersonId, Person> visible = new HashMap<>();
            stored.forEach((id, v) -> {
                Person p = v.value();
                Optional<Organisation> own = p.organisation().map(organisations::get);
                if (Access.coversByCountry(user, p) || Access.isSharedStaff(p, own) || Access.covers(user, p, places.getOrDefault(id, List.of()))) {
                    visible.put(id, p);
                }
            });
            Map<PersonId, Set<Role>> roles = stores.enrolments.rolesOf(visible.keySet());
            return new RosterRows.Known(visible, stored.keySet(), visibleOrganisations, enrolled,
                    (p, role) -> programme.isPresent() && Access.mayEnrol(user, p, role, role == Role.GUEST_TRAINER ? Set.of()
                            : roles.getOrDefault(p.id(), Set.of()), event, programme.get(), p.organisation().map(organisations::get)),
                    (p, role) -> programme.isPresent() && Access.mayRecord(user, p, role, event, programme.get(),
                            p.organisation().map(organisations::get)));
        }
    }

    /**
     * What the event's eligibility rule ({@code enrolment.not-eligible}) would say of the people a file enrols, as
     * {@code person: reason}: a file naming a nominator without nominating authority is no error of the file, but
     * the event's checks would then find one per row (newcomer's re-check: "The file is ready", then five errors).
     */
    private List<String> ineligible(Event e, EventRoster before, RosterRows.Plan plan) {
        List<Organisation> nominators = plan.enrolments().stream().flatMap(en -> en.nominatedBy().stream()).distinct()
                .flatMap(id -> stores.organisations.get(id).stream()).map(Versioned::value).toList();
        EventRoster after = before.toBuilder().organisations(nominators).people(plan.newPeople()).enrolments(plan.enrolments()).build();
        Set<String> planned = plan.enrolments().stream().map(en -> e.subject() + "/enrolment/" + en.person()).collect(Collectors.toSet());
        // That one rule only: the others would judge a roster whose people on record are not all loaded here.
        return org.cadre.finding.Rule.checkAll(List.of(EventRule.NOT_ELIGIBLE), EventCheck.of(after)).all().stream()
                .filter(f -> planned.contains(f.subject()))
                .map(f -> f.subject().substring(f.subject().lastIndexOf('/') + 1) + ": " + f.message()).toList();
    }

    private LocalDate today(Event e) {
        return stores.todayAt(e);
    }
}
