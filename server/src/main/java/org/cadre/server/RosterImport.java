package org.cadre.server;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadre.roster.Country;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.documents.Labels;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.Organisations;
import org.cadre.server.store.People;
import org.cadre.server.store.Versioned;

/**
 * Plans a roster import from CSV: every row checked against the event and the store, every bad row
 * reported by its line number with the column and the reason (never the value), and nothing stored
 * unless every row is good. Existing people are enrolled as they are recorded; a row that describes an
 * existing person differently is refused rather than silently changing the record.
 */
public final class RosterImport {

    /** The columns, in any order; {@code person_id}, {@code country}, {@code role} and a name are required. */
    public static final List<String> COLUMNS = List.of("person_id", "native_name", "latin_name", "sex", "country",
            "organisation", "rank", "role", "nominated_by");

    /** The most rows one import takes. */
    public static final int MAX_ROWS = 5_000;

    /** What the store knows, as the plan needs it (and as the importing user's scope shows it). */
    public interface Lookup {
        /** The stored person, if the importing user may see them. */
        Optional<Person> person(PersonId id);

        /** Whether the id is in use by any stored person, seen or not. */
        default boolean taken(PersonId id) {
            return person(id).isPresent();
        }

        boolean organisationExists(OrganisationId id);

        boolean enrolled(PersonId id);

        /** Whether the importing user may enrol this stored person in this role (see the API's enrolments). */
        default boolean mayEnrol(Person person, Role role) {
            return true;
        }

        /** Whether the importing user may record this new person, enrolled in this role. */
        default boolean mayRecord(Person person, Role role) {
            return true;
        }

        /** What the store holds, for an import into {@code event}. */
        static Lookup of(People people, Organisations organisations, Enrolments enrolments, EventId event) {
            Set<PersonId> enrolled = enrolments.ofEvent(event).stream().map(v -> v.value().person()).collect(Collectors.toSet());
            return new Lookup() {
                @Override
                public Optional<Person> person(PersonId id) {
                    return people.get(id).map(Versioned::value);
                }

                @Override
                public boolean organisationExists(OrganisationId id) {
                    return organisations.get(id).isPresent();
                }

                @Override
                public boolean enrolled(PersonId id) {
                    return enrolled.contains(id);
                }
            };
        }
    }

    /** The people to add, the enrolments to add, or the errors that refuse the whole file. */
    public record Plan(List<Person> newPeople, List<Enrolment> enrolments, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private RosterImport() {}

    public static Plan plan(byte[] file, Event event, LocalDate on, Lookup lookup) {
        String decoded;
        try {
            decoded = decode(file);
        } catch (CharacterCodingException e) {
            return failed("line " + badLine(file) + ": is not valid UTF-8; save the file as UTF-8");
        }
        String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        List<CSVRecord> records;
        Map<String, Integer> header;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            header = parser.getHeaderMap();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            return failed("line 1: the file is not CSV with a header row of " + String.join(",", COLUMNS));
        }
        List<String> errors = new ArrayList<>();
        List<String> names = parsedHeaderNames(text);
        for (int i = 0; i < names.size(); i++) {
            if (names.subList(0, i).contains(names.get(i))) {
                errors.add("line 1: column " + (i + 1) + " repeats an earlier column");
            }
        }
        for (String required : List.of("person_id", "country", "role")) {
            if (!header.containsKey(required)) {
                errors.add("line 1: column " + required + " is missing");
            }
        }
        // A header cell is named by its position, never its text: a file without a header row has a person's
        // details there.
        int position = 0;
        for (String column : header.keySet()) {
            position++;
            if (!COLUMNS.contains(column)) {
                errors.add("line 1: column " + position + " is not one of " + String.join(", ", COLUMNS));
            }
        }
        if (records.isEmpty()) {
            errors.add("line 2: the file has no rows");
        }
        if (records.size() > MAX_ROWS) {
            errors.add("line " + (MAX_ROWS + 2) + ": an import takes at most " + MAX_ROWS + " rows");
        }
        if (!errors.isEmpty()) {
            return new Plan(List.of(), List.of(), errors);
        }
        int[] breaks = java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
        List<Person> newPeople = new ArrayList<>();
        List<Enrolment> enrolments = new ArrayList<>();
        Set<PersonId> seen = new HashSet<>();
        for (CSVRecord row : records) {
            String at = "line " + lineOf(breaks, row.getCharacterPosition()) + ": ";
            Function<String, String> cell = c -> header.containsKey(c) && row.isSet(c) && !row.get(c).isBlank() ? row.get(c) : null;
            List<String> rowErrors = new ArrayList<>();
            if (row.size() > header.size()) {
                rowErrors.add("has more cells than the header row has columns");
            }
            List<String> textErrors = new ArrayList<>();
            for (String column : COLUMNS) {
                if (header.containsKey(column) && row.isSet(column)) {
                    org.cadre.documents.Texts.problem(row.get(column), column).ifPresent(p -> textErrors.add(column + ": " + p));
                }
            }
            if (!textErrors.isEmpty()) {
                // A cell that cannot be stored: the row's other checks would only repeat it.
                rowErrors.addAll(textErrors);
                rowErrors.forEach(e -> errors.add(at + e));
                continue;
            }
            PersonId id = parse(rowErrors, "person_id", cell.apply("person_id"), PersonId::of);
            Country country = parse(rowErrors, "country", cell.apply("country"), Country::of);
            if (country == null && cell.apply("country") != null) {
                rowErrors.set(rowErrors.size() - 1, "country: must be an ISO 3166-1 alpha-2 code in capitals, such as KZ");
            }
            // A person on record (and in the importer's sight) may be listed by id alone: names come from the record.
            Optional<Person> known = id == null ? Optional.empty() : lookup.person(id);
            if (cell.apply("native_name") == null && cell.apply("latin_name") == null && known.isEmpty()) {
                rowErrors.add("native_name: give native_name, latin_name or both");
            }
            Role role = parse(rowErrors, "role", cell.apply("role"), l -> Labels.parse(Role.class, l));
            // A person on record keeps what the row leaves empty: sex and organisation as well as the names.
            Sex sex = cell.apply("sex") == null ? known.map(Person::sex).orElse(Sex.NOT_RECORDED)
                    : parse(rowErrors, "sex", cell.apply("sex"), l -> Labels.parse(Sex.class, l));
            OrganisationId org = cell.apply("organisation") == null ? known.flatMap(Person::organisation).orElse(null)
                    : parse(rowErrors, "organisation", cell.apply("organisation"), OrganisationId::of);
            boolean recorded = cell.apply("organisation") == null && org != null; // the record's own, which exists
            OrganisationId nominator = cell.apply("nominated_by") == null ? org
                    : parse(rowErrors, "nominated_by", cell.apply("nominated_by"), OrganisationId::of);
            if (org != null && !recorded && !lookup.organisationExists(org)) {
                rowErrors.add("organisation: no such organisation");
            }
            if (nominator != null && !nominator.equals(org) && !lookup.organisationExists(nominator)) {
                rowErrors.add("nominated_by: no such organisation");
            }
            if (nominator == null) {
                rowErrors.add("nominated_by: give nominated_by or organisation");
            }
            Person person = null;
            if (rowErrors.isEmpty()) {
                try {
                    Person.Builder b = Person.builder(id.value(), country).sex(sex);
                    Optional.ofNullable(cell.apply("native_name")).or(() -> known.flatMap(Person::nativeName)).ifPresent(b::nativeName);
                    Optional.ofNullable(cell.apply("latin_name")).or(() -> known.flatMap(Person::latinName)).ifPresent(b::latinName);
                    Optional.ofNullable(cell.apply("rank")).ifPresent(b::rank);
                    if (org != null) {
                        b.organisation(org);
                    }
                    person = b.build();
                } catch (IllegalArgumentException e) {
                    rowErrors.add("native_name: a name is not valid");
                }
            }
            if (person != null) {
                if (!seen.add(id)) {
                    rowErrors.add("person_id: appears on an earlier line of this file");
                } else if (lookup.enrolled(id)) {
                    rowErrors.add("person_id: is enrolled in this event already");
                } else {
                    Optional<Person> stored = lookup.person(id);
                    Person described = person;
                    Optional<String> differs = stored.flatMap(s -> differingColumn(s, described, cell));
                    if (differs.isPresent()) {
                        rowErrors.add("person_id: is recorded with another " + differs.get()
                                + "; change the person with PUT /api/v1/people/{id} first");
                    } else if (stored.isEmpty() && lookup.taken(id)) {
                        // The same answer as creating a person under that id: nothing of the record is shown.
                        rowErrors.add("person_id: is in use by another record; choose another id");
                    } else if (stored.isEmpty() && !lookup.mayRecord(person, role)) {
                        rowErrors.add("country: is outside your scope; a person of this country is recorded by a coordinator "
                                + "of the country or of the programme");
                    } else if (stored.isEmpty()) {
                        newPeople.add(person);
                    } else if (!lookup.mayEnrol(stored.get(), role)) {
                        rowErrors.add("role: the person is on record only as a guest trainer; another role is for a coordinator "
                                + "of their country");
                    }
                    if (rowErrors.isEmpty()) {
                        enrolments.add(Enrolment.nominate(id, event.id(), role, nominator, on));
                    }
                }
            }
            rowErrors.forEach(e -> errors.add(at + e));
        }
        return errors.isEmpty() ? new Plan(newPeople, enrolments, List.of()) : new Plan(List.of(), List.of(), errors);
    }

    /** The cells of the header row as written (Commons CSV keeps only the first of repeated names). */
    private static List<String> parsedHeaderNames(String text) {
        try (CSVParser first = CSVFormat.RFC4180.builder().setTrim(true).get().parse(new StringReader(text))) {
            var it = first.iterator();
            return it.hasNext() ? it.next().toList() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The 1-based line on which the character at {@code position} stands, given where the line breaks are. */
    private static int lineOf(int[] breaks, long position) {
        int at = java.util.Arrays.binarySearch(breaks, (int) position);
        return (at >= 0 ? at : -at - 1) + 1;
    }

    /**
     * The first column the row fills in differently from the stored person (a column left empty says
     * nothing): the row describes someone else, or the record needs correcting first.
     */
    private static Optional<String> differingColumn(Person stored, Person row, Function<String, String> cell) {
        if (!stored.country().equals(row.country())) {
            return Optional.of("country");
        }
        if (cell.apply("native_name") != null && !stored.nativeName().equals(row.nativeName())) {
            return Optional.of("native_name");
        }
        if (cell.apply("latin_name") != null && !stored.latinName().equals(row.latinName())) {
            return Optional.of("latin_name");
        }
        return Optional.empty();
    }

    private static <T> T parse(List<String> errors, String column, String value, Function<String, T> parse) {
        if (value == null) {
            errors.add(column + ": is required");
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage() != null && e.getMessage().startsWith("must be one of") ? e.getMessage() : "is not valid";
            errors.add(column + ": " + reason);
            return null;
        }
    }

    private static Plan failed(String error) {
        return new Plan(List.of(), List.of(), List.of(error));
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    /** The line of the first byte that is not UTF-8. */
    private static int badLine(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
