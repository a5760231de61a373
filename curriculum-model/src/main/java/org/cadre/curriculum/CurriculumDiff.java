package org.cadre.curriculum;

import static java.util.Comparator.comparing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cadre.kernel.Require;

/**
 * What changed between two versions of a package: competences, outcomes, modules, sessions and
 * assessment items added, removed or changed (with each changed field's value before and after), plus
 * changes to the package's own fields (title, languages, pass mark, certification criteria).
 *
 * <p>Deterministic: changes are ordered by element kind, then code, then field. {@code between(b, a)}
 * is exactly {@code between(a, b).inverse()}, and the diff of a version with itself is empty.
 */
public record CurriculumDiff(ImmutableList<Change> changes) {

    /** The code of the package-level element (title, languages, certification criteria). */
    public static final String PACKAGE_CODE = "package";

    private static final Comparator<Change> ORDER = comparing(Change::element).thenComparing(Change::code);

    /**
     * Sorts the changes into the diff's order.
     *
     * @param changes the changes, in any order
     * @throws IllegalArgumentException if {@code changes} is missing or holds a null
     */
    public CurriculumDiff {
        changes = ImmutableList.sortedCopyOf(ORDER, Require.list(changes, "CurriculumDiff.changes"));
    }

    /**
     * What changed going from {@code from} to {@code to}, element by element and field by field.
     *
     * @param from the older version (or any version: the diff does not require an order)
     * @param to the newer version
     * @return the changes; empty if nothing differs
     */
    public static CurriculumDiff between(Curriculum from, Curriculum to) {
        Require.present(from, "from");
        Require.present(to, "to");
        ImmutableList.Builder<Change> changes = ImmutableList.builder();
        for (Element element : Element.values()) {
            Map<String, Snapshot> before = element.snapshots(from);
            Map<String, Snapshot> after = element.snapshots(to);
            TreeSet<String> codes = new TreeSet<>(before.keySet());
            codes.addAll(after.keySet());
            for (String code : codes) {
                Snapshot a = before.get(code);
                Snapshot b = after.get(code);
                if (a == null) {
                    changes.add(new Change(element, code, Kind.ADDED, b.label(), ImmutableList.of()));
                } else if (b == null) {
                    changes.add(new Change(element, code, Kind.REMOVED, a.label(), ImmutableList.of()));
                } else {
                    ImmutableList<FieldChange> fields = fieldChanges(a.fields(), b.fields());
                    if (!fields.isEmpty()) {
                        changes.add(new Change(element, code, Kind.CHANGED, b.label(), fields));
                    }
                }
            }
        }
        return new CurriculumDiff(changes.build());
    }

    private static ImmutableList<FieldChange> fieldChanges(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream()
                .filter(n -> !Objects.equals(before.get(n), after.get(n)))
                .map(n -> new FieldChange(n, before.getOrDefault(n, ""), after.getOrDefault(n, "")))
                .collect(ImmutableList.toImmutableList());
    }

    /** {@return the diff that undoes this one: added becomes removed, and every before/after swaps} */
    public CurriculumDiff inverse() {
        return new CurriculumDiff(changes.stream().map(Change::inverse).collect(ImmutableList.toImmutableList()));
    }

    /** {@return whether nothing changed} */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** {@return one readable line per change, in order: {@code + session M1.S9 "Document fraud at air BCPs"}} */
    public ImmutableList<String> lines() {
        return changes.stream().map(Change::toString).collect(ImmutableList.toImmutableList());
    }

    @Override
    public String toString() {
        return changes.isEmpty() ? "no changes" : String.join("\n", lines());
    }

    /** The kinds of element a diff compares, in the order a diff lists them. */
    public enum Element {
        /** The package's own fields: title, languages, owners, audience, pass mark, certification. */
        PACKAGE("package", "title", c -> Map.of(PACKAGE_CODE, packageSnapshot(c))),
        /** A job competence: its title and outcomes. */
        COMPETENCE("competence", "title", c -> index(c.competences(), k -> k.code().value(), k -> new Snapshot(k.title(),
                ImmutableSortedMap.of("title", k.title(), "outcomes", join(k.outcomes()))))),
        /** A learning outcome: its statement, level and domain. */
        OUTCOME("outcome", "statement", c -> index(c.outcomes(), o -> o.code().value(), o -> new Snapshot(o.statement(),
                ImmutableSortedMap.of("statement", o.statement(), "level", Integer.toString(o.level()),
                        "domain", org.cadre.kernel.Label.of(o.domain()))))),
        /** A module: its title, outcomes, prerequisites and border settings. */
        MODULE("module", "title", c -> index(c.modules(), m -> m.code().value(), m -> new Snapshot(m.title(),
                ImmutableSortedMap.of("title", m.title(), "outcomes", join(m.outcomes()),
                        "prerequisites", join(m.prerequisites()), "settings", join(m.settings()))))),
        /** A session: its title, module, minutes, methods, outcomes and materials. */
        SESSION("session", "title", Element::sessionSnapshots),
        /** An assessment item: its kind, prompt, outcomes and points. */
        ASSESSMENT_ITEM("item", "prompt", c -> index(c.assessment().items(), i -> i.code().value(), i -> new Snapshot(i.prompt(),
                ImmutableSortedMap.of("kind", org.cadre.kernel.Label.of(i.kind()), "prompt", i.prompt(),
                        "outcomes", join(i.outcomes()), "maxPoints", Integer.toString(i.maxPoints())))));

        private final String label;
        private final String labelField;
        private final Function<Curriculum, Map<String, Snapshot>> snapshots;

        Element(String label, String labelField, Function<Curriculum, Map<String, Snapshot>> snapshots) {
            this.label = label;
            this.labelField = labelField;
            this.snapshots = snapshots;
        }

        /** {@return the word used in readable diff lines ({@code session}, {@code item})} */
        public String label() {
            return label;
        }

        Map<String, Snapshot> snapshots(Curriculum c) {
            return snapshots.apply(c);
        }

        /**
         * The codes of the package's elements of this kind ({@code M1}, {@code LO3}; the package's own: {@value #PACKAGE_CODE}).
         *
         * @param c the package version
         * @return the codes, each once
         */
        public java.util.Set<String> codes(Curriculum c) {
            return java.util.Set.copyOf(snapshots(c).keySet());
        }

        private static Map<String, Snapshot> sessionSnapshots(Curriculum c) {
            Map<String, Snapshot> out = new LinkedHashMap<>();
            for (Module m : c.modules()) {
                for (Session s : m.sessions()) {
                    out.putIfAbsent(s.code().value(), new Snapshot(s.title(), ImmutableSortedMap.<String, String>naturalOrder()
                            .put("title", s.title())
                            .put("module", m.code().value())
                            .put("minutes", Integer.toString(s.minutes()))
                            .put("methods", join(s.methods()))
                            .put("outcomes", join(s.outcomes()))
                            .put("materials", s.materials().stream().map(x -> x.title() + " v" + x.version())
                                    .collect(Collectors.joining("; ")))
                            .buildOrThrow()));
                }
            }
            return out;
        }

        private static Snapshot packageSnapshot(Curriculum c) {
            CertificationCriteria cc = c.certification();
            return new Snapshot(c.title(), ImmutableSortedMap.<String, String>naturalOrder()
                    .put("id", c.id().value())
                    .put("title", c.title())
                    .put("languages", String.join(", ", c.languages()))
                    .put("owners", String.join("; ", c.owners()))
                    .put("targetAudience", c.targetAudience())
                    .put("assessment.passMark", Integer.toString(c.assessment().passMark()))
                    .put("certification.minAttendanceShare", plain(cc.minAttendanceShare()))
                    .put("certification.postTestPassMark", Integer.toString(cc.postTestPassMark()))
                    .put("certification.practiceTeachingRequired", Boolean.toString(cc.practiceTeachingRequired()))
                    .put("certification.certificateValidity", cc.certificateValidity().map(Object::toString).orElse("none"))
                    .buildOrThrow());
        }

        /** Keyed by code; when a code is duplicated (itself a finding) the first one counts. */
        private static <T> Map<String, Snapshot> index(Collection<T> items, Function<T, String> code,
                Function<T, Snapshot> snapshot) {
            Map<String, Snapshot> out = new LinkedHashMap<>();
            items.forEach(i -> out.putIfAbsent(code.apply(i), snapshot.apply(i)));
            return out;
        }

        private static String join(Collection<?> values) {
            return values.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }

        private static String plain(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Added, removed, or changed in place. */
    public enum Kind {
        /** In the newer version only ({@code +} in readable lines). */
        ADDED("+"),
        /** In the older version only ({@code -}). */
        REMOVED("-"),
        /** In both, with at least one field changed ({@code ~}). */
        CHANGED("~");

        private final String mark;

        Kind(String mark) {
            this.mark = mark;
        }

        Kind inverse() {
            return switch (this) {
                case ADDED -> REMOVED;
                case REMOVED -> ADDED;
                case CHANGED -> CHANGED;
            };
        }
    }

    /**
     * One changed element.
     *
     * @param label the element's title (or statement, or prompt) in the newer version; for a removed
     *     element, in the older one
     * @param fields for {@link Kind#CHANGED}, each changed field, by name; empty otherwise
     */
    public record Change(Element element, String code, Kind kind, String label, ImmutableList<FieldChange> fields) {

        /**
         * Checks the change.
         *
         * @param element what kind of element changed
         * @param code the element's code ({@link CurriculumDiff#PACKAGE_CODE} for the package's own fields)
         * @param kind added, removed or changed
         * @param label the element's title in the newer version (the older one for a removed element)
         * @param fields each changed field, for a changed element; copied
         * @throws IllegalArgumentException if a value is missing
         */
        public Change {
            Require.present(element, "Change.element");
            Require.present(code, "Change.code");
            Require.present(kind, "Change.kind");
            Require.present(label, "Change.label");
            fields = Require.list(fields, "Change.fields");
        }

        Change inverse() {
            // A changed element is labelled as it reads in the newer version, so undoing a change of the
            // label field (a title, a statement) brings back the older label.
            String older = fields.stream().filter(f -> f.field().equals(element.labelField)).findFirst()
                    .map(FieldChange::before).orElse(label);
            return new Change(element, code, kind.inverse(), older,
                    fields.stream().map(FieldChange::inverse).collect(ImmutableList.toImmutableList()));
        }

        /**
         * Whether the change includes a field, as the version policy asks ("did the minutes change?").
         *
         * @param field the field's name, as in {@link FieldChange#field()}, such as {@code minutes}
         * @return whether that field changed
         */
        public boolean touches(String field) {
            return fields.stream().anyMatch(f -> f.field().equals(field));
        }

        @Override
        public String toString() {
            String head = kind.mark + " " + element.label + " " + code + " \"" + label + "\"";
            if (fields.isEmpty()) {
                return head;
            }
            return head + ": " + fields.stream().map(FieldChange::toString).collect(Collectors.joining("; "));
        }
    }

    /** One field of a changed element, before and after. */
    public record FieldChange(String field, String before, String after) {

        /**
         * Checks the field change.
         *
         * @param field the field's name, such as {@code minutes} or {@code outcomes}
         * @param before its value in the older version, as text; empty if it had none
         * @param after its value in the newer version, as text; empty if it has none
         * @throws IllegalArgumentException if a value is missing
         */
        public FieldChange {
            Require.present(field, "FieldChange.field");
            Require.present(before, "FieldChange.before");
            Require.present(after, "FieldChange.after");
        }

        FieldChange inverse() {
            return new FieldChange(field, after, before);
        }

        @Override
        public String toString() {
            return field + " '" + before + "' -> '" + after + "'";
        }
    }

    /** An element reduced to its label and comparable fields. */
    private record Snapshot(String label, ImmutableSortedMap<String, String> fields) {}
}
