package org.cadre.documents;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.cadre.curriculum.AssessmentBlueprint;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.BorderSetting;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.Competence;
import org.cadre.curriculum.CompetenceCode;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.DeliveryMethod;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.ItemKind;
import org.cadre.curriculum.LearningOutcome;
import org.cadre.curriculum.Module;
import org.cadre.curriculum.ModuleCode;
import org.cadre.curriculum.OutcomeCode;
import org.cadre.curriculum.OutcomeDomain;
import org.cadre.curriculum.Revision;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.curriculum.Session;

/** One whole version of a Training Support Package as JSON; {@code docs/openapi.yaml} (Curriculum) documents it. */
public record CurriculumDoc(String id, String title, String version, List<String> languages, List<String> owners,
        String audience, List<CompetenceDoc> competences, List<OutcomeDoc> outcomes, List<ModuleDoc> modules,
        AssessmentDoc assessment, CertificationDoc certification, RevisionDoc revision) {

    public record CompetenceDoc(String code, String title, List<String> outcomes) {}

    public record OutcomeDoc(String code, String statement, Integer level, String domain) {}

    public record ModuleDoc(String code, String title, List<String> outcomes, List<String> prerequisites,
            List<String> settings, List<SessionDoc> sessions) {}

    public record SessionDoc(String code, String title, Integer minutes, List<String> methods, List<String> outcomes,
            List<MaterialDoc> materials) {}

    public record MaterialDoc(String title, String version) {}

    public record AssessmentDoc(Integer passMark, List<ItemDoc> items) {}

    public record ItemDoc(String code, String kind, String prompt, List<String> outcomes, Integer maxPoints) {}

    /**
     * @param certificateValidity an ISO 8601 period such as {@code P3Y}; absent for a package that certifies no
     *     trainers
     */
    public record CertificationDoc(Double minAttendanceShare, Integer postTestPassMark, Boolean practiceTeachingRequired,
            String certificateValidity) {}

    public record RevisionDoc(String previous, String reason) {}

    /** The document of a stored version. */
    public static CurriculumDoc of(Curriculum c) {
        return new CurriculumDoc(c.id().value(), c.title(), c.version().toString(), c.languages(), c.owners(),
                c.targetAudience(),
                c.competences().stream().map(k -> new CompetenceDoc(k.code().value(), k.title(), codes(k.outcomes()))).toList(),
                c.outcomes().stream().map(o -> new OutcomeDoc(o.code().value(), o.statement(), o.level(), Labels.of(o.domain()))).toList(),
                c.modules().stream().map(m -> new ModuleDoc(m.code().value(), m.title(), codes(m.outcomes()),
                        m.prerequisites().stream().map(ModuleCode::value).toList(),
                        m.settings().stream().map(Labels::of).toList(),
                        m.sessions().stream().map(s -> new SessionDoc(s.code().value(), s.title(), s.minutes(),
                                s.methods().stream().map(Labels::of).toList(), codes(s.outcomes()),
                                s.materials().stream().map(x -> new MaterialDoc(x.title(), x.version())).toList())).toList())).toList(),
                new AssessmentDoc(c.assessment().passMark(), c.assessment().items().stream().map(i -> new ItemDoc(i.code().value(),
                        Labels.of(i.kind()), i.prompt(), codes(i.outcomes()), i.maxPoints())).toList()),
                new CertificationDoc(c.certification().minAttendanceShare(), c.certification().postTestPassMark(),
                        c.certification().practiceTeachingRequired(),
                        c.certification().certificateValidity().map(Object::toString).orElse(null)),
                c.revision().map(r -> new RevisionDoc(r.previous().toString(), r.reason())).orElse(null));
    }

    private static List<String> codes(ImmutableSet<OutcomeCode> outcomes) {
        return outcomes.stream().map(OutcomeCode::value).toList();
    }

    /** The domain value, or {@link Fields.InvalidFields} naming every invalid field. */
    public Curriculum toDomain() {
        Fields f = new Fields();
        CurriculumId cid = f.at("id", () -> CurriculumId.of(id));
        SemanticVersion v = f.require("version", version) == null ? null : f.at("version", () -> SemanticVersion.parse(version));
        f.require("title", title);
        f.require("audience", audience);
        var comps = f.each("competences", competences, k -> new Competence(
                CompetenceCode.of(k.code()), k.title(), outcomeCodes(k.outcomes())));
        var outs = f.each("outcomes", outcomes, o -> new LearningOutcome(OutcomeCode.of(o.code()), o.statement(),
                number(o.level(), "level"), Labels.parse(OutcomeDomain.class, o.domain())));
        var mods = f.each("modules", modules, m -> module(f, m));
        AssessmentBlueprint blueprint = f.require("assessment", assessment) == null ? null : f.at("assessment", () ->
                new AssessmentBlueprint(f.each("assessment.items", assessment.items(), i -> new AssessmentItem(
                        ItemCode.of(i.code()), Labels.parse(ItemKind.class, i.kind()), i.prompt(), outcomeCodes(i.outcomes()),
                        number(i.maxPoints(), "maxPoints"))), number(assessment.passMark(), "passMark")));
        // No certificate validity: a package that certifies no trainers (a course, a seminar).
        Optional<Period> validity = certification == null || certification.certificateValidity() == null ? Optional.empty()
                : Optional.ofNullable(f.at("certification.certificateValidity", () -> parsePeriod(certification.certificateValidity())));
        CertificationCriteria criteria = f.require("certification", certification) == null ? null : f.document("certification", () ->
                new CertificationCriteria(present(certification.minAttendanceShare(), "minAttendanceShare"),
                        number(certification.postTestPassMark(), "postTestPassMark"),
                        present(certification.practiceTeachingRequired(), "practiceTeachingRequired"), validity));
        Optional<Revision> rev = revision == null ? Optional.empty() : Optional.ofNullable(f.at("revision", () ->
                new Revision(SemanticVersion.parse(present(revision.previous(), "previous")), revision.reason())));
        f.check();
        Curriculum c = f.document("package", () -> new Curriculum(cid, title, v, ImmutableList.copyOf(orEmpty(languages)),
                ImmutableList.copyOf(orEmpty(owners)), audience, comps, outs, mods, blueprint, criteria, rev));
        f.check();
        return c;
    }

    private static Module module(Fields f, ModuleDoc m) {
        Module.Builder b = Module.builder(m.code(), m.title())
                .outcomes(orEmpty(m.outcomes()).toArray(String[]::new))
                .prerequisites(orEmpty(m.prerequisites()).toArray(String[]::new))
                .settings(orEmpty(m.settings()).stream().map(s -> Labels.parse(BorderSetting.class, s)).toArray(BorderSetting[]::new));
        for (SessionDoc s : orEmpty(m.sessions())) {
            if (s == null) {
                throw new org.cadre.kernel.InvalidValue("sessions", "must not hold null");
            }
            Session.Builder sb = Session.builder(s.code(), s.title()).minutes(number(s.minutes(), "minutes"))
                    .methods(orEmpty(s.methods()).stream().map(x -> Labels.parse(DeliveryMethod.class, x)).toArray(DeliveryMethod[]::new))
                    .outcomes(orEmpty(s.outcomes()).toArray(String[]::new));
            for (MaterialDoc x : orEmpty(s.materials())) {
                sb.material(x.title(), x.version());
            }
            b.session(sb.build());
        }
        return b.build();
    }

    private static ImmutableSet<OutcomeCode> outcomeCodes(List<String> codes) {
        return orEmpty(codes).stream().map(OutcomeCode::of).collect(ImmutableSet.toImmutableSet());
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** An ISO-8601 period ({@code P3Y}); anything else is refused in the API's words. */
    private static Period parsePeriod(String text) {
        try {
            return Period.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.cadre.kernel.InvalidValue("", "must be an ISO-8601 period such as P3Y (three years)");
        }
    }

    static int number(Integer value, String field) {
        return present(value, field);
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new org.cadre.kernel.InvalidValue(field, "is required");
        }
        return value;
    }
}
