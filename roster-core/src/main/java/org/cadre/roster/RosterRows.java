package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.cadre.finding.Finding;
import org.cadre.kernel.Label;

/**
 * The rows of a roster file checked against an event and what the store holds, before anything is stored:
 * every bad row reported by its line with the column and the reason (never the value), and nothing planned
 * unless every row is good. A person on record is enrolled as recorded; a row that describes them
 * differently is refused rather than silently changing the record. Pure: what the store holds comes in
 * as {@link Known}, read for all rows at once.
 */
public final class RosterRows {

    /** The columns, in any order; {@code person_id}, {@code country}, {@code role} and a name are required. */
    public static final ImmutableList<String> COLUMNS = ImmutableList.of("person_id", "native_name", "latin_name", "sex", "country",
            "organisation", "rank", "role", "nominated_by");

    /**
     * The most rows one import takes: 100,000, twice the largest roster file seen (50,000 rows) and about 8 MB
     * of CSV, within the 16 MiB a roster upload may be.
     */
    public static final int MAX_ROWS = 100_000;

    private RosterRows() {}

    /**
     * One row of the file.
     *
     * @param line the line of the file the row starts on (1 is the header row)
     * @param cells the row's cells by column (blank ones are left out)
     * @param extraCells whether the row has more cells than the header row has columns
     * @param unreadable cells that cannot be stored as text, each as {@code column: reason} (the row is then
     *     refused for these alone: its other checks would only repeat them)
     */
    public record Row(int line, Map<String, String> cells, boolean extraCells, List<String> unreadable) {
        /**
         * Keeps the non-blank cells, in an immutable map.
         *
         * @param line the line of the file the row starts on
         * @param cells the row's cells by column
         * @param extraCells whether the row has more cells than the header row has columns
         * @param unreadable cells that cannot be stored as text, as {@code column: reason}
         */
        public Row {
            unreadable = ImmutableList.copyOf(unreadable);
            // A blank cell says nothing: it is left out.
            ImmutableMap.Builder<String, String> kept = ImmutableMap.builderWithExpectedSize(cells.size());
            for (Map.Entry<String, String> e : cells.entrySet()) {
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    kept.put(e);
                }
            }
            cells = kept.buildOrThrow();
        }

        /**
         * The non-blank cell of the column, if there is one.
         *
         * @param column one of {@link #COLUMNS}
         * @return the cell, or empty when the row leaves it blank
         */
        public Optional<String> cell(String column) {
            return Optional.ofNullable(cells.get(column));
        }
    }

    /**
     * What the store holds about the ids the rows name, as the importing user's scope shows it.
     *
     * @param visible the people on record the importer may see, by id
     * @param taken every id in use by a person on record, seen or not
     * @param organisations the organisations on record the importer may see
     * @param enrolled who is enrolled in the event already
     * @param mayEnrol whether the importer may enrol this person on record in this role
     * @param mayRecord whether the importer may record this new person, enrolled in this role
     */
    public record Known(Map<PersonId, Person> visible, Set<PersonId> taken, Set<OrganisationId> organisations, Set<PersonId> enrolled,
            BiPredicate<Person, Role> mayEnrol, BiPredicate<Person, Role> mayRecord) {
        /**
         * Copies every collection, immutably.
         *
         * @param visible the people on record the importer may see, by id
         * @param taken every id in use by a person on record
         * @param organisations the organisations on record the importer may see
         * @param enrolled who is enrolled in the event already
         * @param mayEnrol whether the importer may enrol this person on record in this role
         * @param mayRecord whether the importer may record this new person in this role
         */
        public Known {
            visible = ImmutableMap.copyOf(visible);
            taken = ImmutableSet.copyOf(taken);
            organisations = ImmutableSet.copyOf(organisations);
            enrolled = ImmutableSet.copyOf(enrolled);
        }
    }

    /** The people to add and the enrolments to add, or the findings that refuse the whole file. */
    public record Plan(ImmutableList<Person> newPeople, ImmutableList<Enrolment> enrolments, ImmutableList<Finding> refusals) {
        /** {@return whether every row can be imported} */
        public boolean ok() {
            return refusals.isEmpty();
        }

        /**
         * Each refusal as the file's reader says it: {@code line 3: country: is required}.
         *
         * @return the refusals as lines of text
         */
        public ImmutableList<String> errors() {
            return refusals.stream().map(f -> f.subject().replace('/', ' ') + ": " + f.message()).collect(ImmutableList.toImmutableList());
        }
    }

    /**
     * A refusal of the whole file, found on {@code line}.
     *
     * @param line the line of the file at fault
     * @param message what is wrong, without the value
     * @return the finding, {@code import.file-refused}
     */
    public static Finding fileRefused(int line, String message) {
        return RosterCommand.ROSTER_FILE.finding("line/" + line, message);
    }

    /**
     * The refusal of a file with more than {@link #MAX_ROWS} rows, found on the first line over the limit.
     *
     * @return the finding, {@code import.file-refused}
     */
    public static Finding tooManyRows() {
        return fileRefused(MAX_ROWS + 2, "an import takes at most " + MAX_ROWS + " rows; split the file and import each part");
    }

    /**
     * A file refused as a whole.
     *
     * @param findings why the file is refused
     * @return a plan that adds nothing
     */
    public static Plan refused(List<Finding> findings) {
        return new Plan(ImmutableList.of(), ImmutableList.of(), ImmutableList.copyOf(findings));
    }

    /**
     * The ids the rows name, for reading what the store holds about them all at once.
     *
     * @param rows the rows of a file
     * @return every well-formed person id the rows name
     */
    public static Set<PersonId> people(List<Row> rows) {
        Set<PersonId> ids = new HashSet<>();
        rows.forEach(r -> r.cell("person_id").flatMap(RosterRows::personId).ifPresent(ids::add));
        return ids;
    }

    /**
     * The organisation ids the rows name.
     *
     * @param rows the rows of a file
     * @return every well-formed organisation id the rows name, as organisation or nominator
     */
    public static Set<OrganisationId> organisations(List<Row> rows) {
        Set<OrganisationId> ids = new HashSet<>();
        rows.forEach(r -> {
            r.cell("organisation").flatMap(RosterRows::organisationId).ifPresent(ids::add);
            r.cell("nominated_by").flatMap(RosterRows::organisationId).ifPresent(ids::add);
        });
        return ids;
    }

    /**
     * Every row checked; each good row nominated to {@code event} on {@code on}.
     *
     * @param rows the rows of the file, in order
     * @param event the event imported into
     * @param on the day the people are nominated
     * @param known what the store holds about the ids the rows name, as the importer's scope shows it
     * @return the people and enrolments to add, or every refusal by line
     */
    public static Plan plan(List<Row> rows, Event event, LocalDate on, Known known) {
        if (rows.isEmpty()) {
            return refused(List.of(fileRefused(2, "the file has no rows")));
        }
        if (rows.size() > MAX_ROWS) {
            return refused(List.of(tooManyRows()));
        }
        Planner planner = planner(event, on);
        Plan chunk = planner.next(rows, known);
        return planner.ok() ? chunk : refused(planner.refusals());
    }

    /**
     * A planner of a file's rows taken a chunk at a time, for files too large to hold whole as people and
     * enrolments: each chunk is checked against what the store holds about its own ids ({@link Known}), and
     * across chunks only the ids already seen (a row repeating an earlier line's person is refused) and the
     * refusals are remembered. The rows of all chunks, checked in order, get exactly the refusals {@link #plan}
     * gives them checked at once.
     *
     * @param event the event imported into
     * @param on the day the people are nominated
     * @return a planner that has seen no row
     */
    public static Planner planner(Event event, LocalDate on) {
        return new Planner(event, on);
    }

    /** Plans a file's rows a chunk at a time (see {@link #planner}). Not thread-safe. */
    public static final class Planner {
        private final Event event;
        private final LocalDate on;
        private final Map<String, Integer> seen = new java.util.HashMap<>(); // each id seen, by the line it was first on
        private final List<Finding> refusals = new ArrayList<>();
        private int rows;
        private int enrolments;
        private int newPeople;

        private Planner(Event event, LocalDate on) {
            this.event = event;
            this.on = on;
        }

        /** {@return whether no row seen so far is refused} */
        public boolean ok() {
            return refusals.isEmpty();
        }

        /** {@return the refusals of every row seen so far, in the rows' order} */
        public ImmutableList<Finding> refusals() {
            return ImmutableList.copyOf(refusals);
        }

        /** {@return how many rows have been seen} */
        public int rows() {
            return rows;
        }

        /** {@return how many enrolments the good rows seen so far make} */
        public int enrolments() {
            return enrolments;
        }

        /** {@return how many of them record a new person} */
        public int newPeople() {
            return newPeople;
        }

        /**
         * Checks the next rows of the file.
         *
         * @param chunk the next rows, in order
         * @param known what the store holds about the ids these rows name, as the importer's scope shows it
         * @return the people and enrolments these rows add, with this chunk's refusals; they are to be stored only
         *     while {@link #ok()} holds, since a refused row anywhere refuses the whole file
         */
        public Plan next(List<Row> chunk, Known known) {
            List<Person> addedPeople = new ArrayList<>();
            List<Enrolment> added = new ArrayList<>();
            int refusedBefore = refusals.size();
            for (Row row : chunk) {
                rows++;
                check(row, known, addedPeople, added);
            }
            enrolments += added.size();
            newPeople += addedPeople.size();
            return new Plan(ImmutableList.copyOf(addedPeople), ImmutableList.copyOf(added),
                    ImmutableList.copyOf(refusals.subList(refusedBefore, refusals.size())));
        }

        private void check(Row row, Known known, List<Person> newPeople, List<Enrolment> enrolments) {
            List<String> rowErrors = new ArrayList<>();
            if (row.extraCells()) {
                rowErrors.add("has more cells than the header row has columns");
            }
            if (!row.unreadable().isEmpty()) {
                rowErrors.addAll(row.unreadable());
                rowErrors.forEach(e -> refusals.add(RosterCommand.ROSTER_ROW.finding("line/" + row.line(), e)));
                return;
            }
            Function<String, String> cell = c -> row.cells().get(c);
            PersonId id = parse(rowErrors, "person_id", cell.apply("person_id"), RosterRows::personId, () -> "is not valid");
            Country country = parse(rowErrors, "country", cell.apply("country"), RosterRows::country,
                    () -> "is not a country's ISO 3166-1 alpha-2 code (two capitals that name a country, such as KZ)");
            // A person on record (and in the importer's sight) may be listed by id alone: names come from the record.
            Optional<Person> recorded = id == null ? Optional.empty() : Optional.ofNullable(known.visible().get(id));
            if (cell.apply("native_name") == null && cell.apply("latin_name") == null && recorded.isEmpty()) {
                rowErrors.add("native_name: give native_name, latin_name or both");
            }
            Role role = parse(rowErrors, "role", cell.apply("role"), l -> Label.find(Role.class, l), () -> "must be one of " + Label.choices(Role.class));
            // A person on record keeps what the row leaves empty: sex and organisation as well as the names.
            Sex sex = cell.apply("sex") == null ? recorded.map(Person::sex).orElse(Sex.NOT_RECORDED)
                    : parse(rowErrors, "sex", cell.apply("sex"), l -> Label.find(Sex.class, l), () -> "must be one of " + Label.choices(Sex.class));
            OrganisationId org = cell.apply("organisation") == null ? recorded.flatMap(Person::organisation).orElse(null)
                    : parse(rowErrors, "organisation", cell.apply("organisation"), RosterRows::organisationId, () -> "is not valid");
            boolean ownRecord = cell.apply("organisation") == null && org != null; // the record's own, which exists
            OrganisationId nominator = cell.apply("nominated_by") == null ? org
                    : parse(rowErrors, "nominated_by", cell.apply("nominated_by"), RosterRows::organisationId, () -> "is not valid");
            if (org != null && !ownRecord && !known.organisations().contains(org)) {
                rowErrors.add("organisation: no such organisation");
            }
            if (nominator != null && !nominator.equals(org) && !known.organisations().contains(nominator)) {
                rowErrors.add("nominated_by: no such organisation");
            }
            if (nominator == null) {
                rowErrors.add("nominated_by: give nominated_by or organisation");
            }
            Optional<Person> person = rowErrors.isEmpty() ? Optional.of(person(row, id, country, sex, org, recorded)) : Optional.empty();
            if (person.isPresent()) {
                Integer earlier = seen.putIfAbsent(id.value(), row.line());
                if (earlier != null) {
                    rowErrors.add("person_id: appears on line " + earlier + " already; list each person once");
                } else if (known.enrolled().contains(id)) {
                    rowErrors.add("person_id: is enrolled in this event already");
                } else {
                    Optional<String> differs = recorded.flatMap(s -> differingColumn(s, person.get(), row));
                    if (differs.isPresent()) {
                        // Named under the column that differs, as the row's other faults are (it was "person_id: is
                        // recorded with another country": the newcomer's review of session 22).
                        rowErrors.add(differs.get() + ": differs from the record of person " + id.value()
                                + "; change the person's record first, or write the row as it is recorded");
                    } else if (recorded.isEmpty() && !known.mayRecord().test(person.get(), role)) {
                        // Before the id is looked up: a row the user may not record is refused alike whether its id is
                        // taken or not (the attacker's review of session 22: "in use" for a taken id, "outside your
                        // scope" for a free one, told which ids of another country exist).
                        rowErrors.add("country: is outside your scope; a person of this country is recorded by a coordinator "
                                + "of the country or of the programme");
                    } else if (recorded.isEmpty() && known.taken().contains(id)) {
                        // The same answer as creating a person under that id: nothing of the record is shown.
                        rowErrors.add("person_id: is in use by another record; choose another id");
                    } else if (recorded.isEmpty()) {
                        newPeople.add(person.get());
                    } else if (!known.mayEnrol().test(recorded.get(), role)) {
                        rowErrors.add("role: the person is on record only as a guest trainer; another role is for a coordinator "
                                + "of their country");
                    }
                    if (rowErrors.isEmpty()) {
                        enrolments.add(Enrolment.nominate(id, event.id(), role, nominator, on));
                    }
                }
            }
            rowErrors.forEach(e -> refusals.add(RosterCommand.ROSTER_ROW.finding("line/" + row.line(), e)));
        }
    }

    /** The person the row describes, the record's own values where the row leaves a cell empty. */
    private static Person person(Row row, PersonId id, Country country, Sex sex, OrganisationId org, Optional<Person> recorded) {
        Optional<String> nativeName = row.cell("native_name").or(() -> recorded.flatMap(Person::nativeName));
        Optional<String> latinName = row.cell("latin_name").or(() -> recorded.flatMap(Person::latinName));
        Person.Builder b = Person.builder(id.value(), country).sex(sex);
        nativeName.ifPresent(b::nativeName);
        latinName.ifPresent(b::latinName);
        row.cell("rank").ifPresent(b::rank);
        if (org != null) {
            b.organisation(org);
        }
        return b.build();
    }

    /**
     * The first column the row fills in differently from the stored person (a column left empty says
     * nothing): the row describes someone else, or the record needs correcting first.
     */
    private static Optional<String> differingColumn(Person stored, Person row, Row cells) {
        if (!stored.country().equals(row.country())) {
            return Optional.of("country");
        }
        if (cells.cell("native_name").isPresent() && !stored.nativeName().equals(row.nativeName())) {
            return Optional.of("native_name");
        }
        if (cells.cell("latin_name").isPresent() && !stored.latinName().equals(row.latinName())) {
            return Optional.of("latin_name");
        }
        return Optional.empty();
    }

    private static <T> T parse(List<String> errors, String column, String value, Function<String, Optional<T>> parse,
            java.util.function.Supplier<String> invalid) {
        if (value == null) {
            errors.add(column + ": is required");
            return null;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            errors.add(column + ": " + invalid.get());
        }
        return parsed.orElse(null);
    }

    private static Optional<PersonId> personId(String text) {
        return PersonId.isValid(text) ? Optional.of(PersonId.of(text)) : Optional.empty();
    }

    private static Optional<OrganisationId> organisationId(String text) {
        return OrganisationId.isValid(text) ? Optional.of(OrganisationId.of(text)) : Optional.empty();
    }

    private static Optional<Country> country(String text) {
        return Country.isValid(text) ? Optional.of(Country.of(text)) : Optional.empty();
    }
}
