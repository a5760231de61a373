package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.ASSESSMENT_ITEM;
import static org.cadre.server.store.schema.Tables.COMPETENCE;
import static org.cadre.server.store.schema.Tables.CURRICULUM;
import static org.cadre.server.store.schema.Tables.CURRICULUM_MODULE;
import static org.cadre.server.store.schema.Tables.CURRICULUM_OWNER;
import static org.cadre.server.store.schema.Tables.CURRICULUM_REF;
import static org.cadre.server.store.schema.Tables.CURRICULUM_SESSION;
import static org.cadre.server.store.schema.Tables.LEARNING_OUTCOME;
import static org.cadre.server.store.schema.Tables.SESSION_MATERIAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.cadre.curriculum.Material;
import org.cadre.curriculum.Module;
import org.cadre.curriculum.ModuleCode;
import org.cadre.curriculum.OutcomeCode;
import org.cadre.curriculum.OutcomeDomain;
import org.cadre.curriculum.Revision;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.curriculum.Session;
import org.cadre.curriculum.SessionCode;
import org.cadre.server.store.schema.tables.records.CurriculumRecord;
import org.cadre.server.store.schema.tables.records.CurriculumRefRecord;
import org.jooq.DSLContext;

/** Stored Training Support Packages: every version, whole and unchangeable. */
public final class Curricula {

    /** Stored for a package that certifies no trainers (the column is NOT NULL; see V11). */
    private static final String NO_VALIDITY = "";


    static final String ENTITY = "curriculum";

    private final Database db;
    private final AuditLog audit;

    /**
     * Versions read, kept: a stored version never changes (a change is a new version), so a version read once
     * is the version for good, on every server over the same database. Bounded, least recently used out.
     */
    private final com.google.common.cache.Cache<String, Curriculum> read =
            com.google.common.cache.CacheBuilder.newBuilder().maximumSize(64).build();

    public Curricula(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Stores a new version; a version that is stored already is refused. */
    public void add(Curriculum c, String actor) {
        db.inTransaction(tx -> {
            String id = c.id().value();
            String v = c.version().toString();
            if (tx.fetchExists(CURRICULUM, CURRICULUM.ID.eq(id).and(CURRICULUM.VERSION.eq(v)))) {
                throw new AlreadyStoredException("package " + id + " version " + v);
            }
            CertificationCriteria cc = c.certification();
            tx.insertInto(CURRICULUM).set(CURRICULUM.ID, id).set(CURRICULUM.VERSION, v).set(CURRICULUM.TITLE, c.title())
                    .set(CURRICULUM.TARGET_AUDIENCE, c.targetAudience()).set(CURRICULUM.LANGUAGES, String.join(",", c.languages()))
                    .set(CURRICULUM.TEST_PASS_MARK, c.assessment().passMark())
                    .set(CURRICULUM.MIN_ATTENDANCE_SHARE, BigDecimal.valueOf(cc.minAttendanceShare()).toPlainString())
                    .set(CURRICULUM.POST_TEST_PASS_MARK, cc.postTestPassMark())
                    .set(CURRICULUM.PRACTICE_TEACHING_REQUIRED, cc.practiceTeachingRequired())
                    .set(CURRICULUM.CERTIFICATE_VALIDITY, cc.certificateValidity().map(Object::toString).orElse(NO_VALIDITY))
                    .set(CURRICULUM.REVISES, c.revision().map(r -> r.previous().toString()).orElse(null))
                    .set(CURRICULUM.REVISION_REASON, c.revision().map(Revision::reason).orElse(null)).execute();
            for (int i = 0; i < c.owners().size(); i++) {
                tx.insertInto(CURRICULUM_OWNER).set(CURRICULUM_OWNER.CURRICULUM_ID, id).set(CURRICULUM_OWNER.VERSION, v)
                        .set(CURRICULUM_OWNER.POSITION, i).set(CURRICULUM_OWNER.NAME, c.owners().get(i)).execute();
            }
            for (int i = 0; i < c.outcomes().size(); i++) {
                LearningOutcome o = c.outcomes().get(i);
                tx.insertInto(LEARNING_OUTCOME).set(LEARNING_OUTCOME.CURRICULUM_ID, id).set(LEARNING_OUTCOME.VERSION, v)
                        .set(LEARNING_OUTCOME.POSITION, i).set(LEARNING_OUTCOME.CODE, o.code().value())
                        .set(LEARNING_OUTCOME.STATEMENT, o.statement()).set(LEARNING_OUTCOME.LEVEL, o.level())
                        .set(LEARNING_OUTCOME.DOMAIN, o.domain().name()).execute();
            }
            for (int i = 0; i < c.competences().size(); i++) {
                Competence k = c.competences().get(i);
                tx.insertInto(COMPETENCE).set(COMPETENCE.CURRICULUM_ID, id).set(COMPETENCE.VERSION, v).set(COMPETENCE.POSITION, i)
                        .set(COMPETENCE.CODE, k.code().value()).set(COMPETENCE.TITLE, k.title()).execute();
                refs(tx, c, "competence", Integer.toString(i), "outcomes", k.outcomes());
            }
            for (int m = 0; m < c.modules().size(); m++) {
                Module mod = c.modules().get(m);
                tx.insertInto(CURRICULUM_MODULE).set(CURRICULUM_MODULE.CURRICULUM_ID, id).set(CURRICULUM_MODULE.VERSION, v)
                        .set(CURRICULUM_MODULE.POSITION, m).set(CURRICULUM_MODULE.CODE, mod.code().value())
                        .set(CURRICULUM_MODULE.TITLE, mod.title()).execute();
                refs(tx, c, "module", Integer.toString(m), "outcomes", mod.outcomes());
                refs(tx, c, "module", Integer.toString(m), "prerequisites", mod.prerequisites());
                refs(tx, c, "module", Integer.toString(m), "settings", mod.settings());
                for (int s = 0; s < mod.sessions().size(); s++) {
                    Session ses = mod.sessions().get(s);
                    tx.insertInto(CURRICULUM_SESSION).set(CURRICULUM_SESSION.CURRICULUM_ID, id).set(CURRICULUM_SESSION.VERSION, v)
                            .set(CURRICULUM_SESSION.MODULE_POSITION, m).set(CURRICULUM_SESSION.POSITION, s)
                            .set(CURRICULUM_SESSION.CODE, ses.code().value()).set(CURRICULUM_SESSION.TITLE, ses.title())
                            .set(CURRICULUM_SESSION.MINUTES, ses.minutes()).execute();
                    String key = m + "." + s;
                    refs(tx, c, "session", key, "methods", ses.methods());
                    refs(tx, c, "session", key, "outcomes", ses.outcomes());
                    for (int x = 0; x < ses.materials().size(); x++) {
                        Material mat = ses.materials().get(x);
                        tx.insertInto(SESSION_MATERIAL).set(SESSION_MATERIAL.CURRICULUM_ID, id).set(SESSION_MATERIAL.VERSION, v)
                                .set(SESSION_MATERIAL.MODULE_POSITION, m).set(SESSION_MATERIAL.SESSION_POSITION, s)
                                .set(SESSION_MATERIAL.POSITION, x).set(SESSION_MATERIAL.TITLE, mat.title())
                                .set(SESSION_MATERIAL.MATERIAL_VERSION, mat.version()).execute();
                    }
                }
            }
            List<AssessmentItem> items = c.assessment().items();
            for (int i = 0; i < items.size(); i++) {
                AssessmentItem it = items.get(i);
                tx.insertInto(ASSESSMENT_ITEM).set(ASSESSMENT_ITEM.CURRICULUM_ID, id).set(ASSESSMENT_ITEM.VERSION, v)
                        .set(ASSESSMENT_ITEM.POSITION, i).set(ASSESSMENT_ITEM.CODE, it.code().value()).set(ASSESSMENT_ITEM.KIND, it.kind().name())
                        .set(ASSESSMENT_ITEM.PROMPT, it.prompt()).set(ASSESSMENT_ITEM.MAX_POINTS, it.maxPoints()).execute();
                refs(tx, c, "item", Integer.toString(i), "outcomes", it.outcomes());
            }
            audit.record(tx, actor, "create", ENTITY, id + "@" + v, null, c.title());
            return null;
        });
    }

    public Optional<Curriculum> get(CurriculumId id, SemanticVersion version) {
        String key = id.value() + "@" + version;
        Curriculum known = read.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        DSLContext dsl = db.dsl();
        Optional<Curriculum> found = dsl.selectFrom(CURRICULUM).where(CURRICULUM.ID.eq(id.value()).and(CURRICULUM.VERSION.eq(version.toString())))
                .fetchOptional().map(r -> load(dsl, r));
        found.ifPresent(c -> read.put(key, c));
        return found;
    }

    /** A stored version as listed: its package id, version and title. */
    public record Listed(CurriculumId id, SemanticVersion version, String title) {}

    /** Every stored version of every package, by id and then version. */
    public List<Listed> catalogue() {
        return db.dsl().select(CURRICULUM.ID, CURRICULUM.VERSION, CURRICULUM.TITLE).from(CURRICULUM).fetch(
                r -> new Listed(CurriculumId.of(r.value1()), SemanticVersion.parse(r.value2()), r.value3())).stream()
                .sorted(java.util.Comparator.comparing(Listed::id).thenComparing(Listed::version)).toList();
    }

    /** Every stored version of the package, oldest first. */
    public List<SemanticVersion> versions(CurriculumId id) {
        return db.dsl().select(CURRICULUM.VERSION).from(CURRICULUM).where(CURRICULUM.ID.eq(id.value())).fetch(r -> SemanticVersion.parse(r.value1()))
                .stream().sorted().toList();
    }

    private static void refs(DSLContext tx, Curriculum c, String owner, String key, String list, Collection<?> values) {
        int i = 0;
        for (Object value : values) {
            String text = value instanceof Enum<?> e ? e.name() : value.toString();
            tx.insertInto(CURRICULUM_REF).set(CURRICULUM_REF.CURRICULUM_ID, c.id().value()).set(CURRICULUM_REF.VERSION, c.version().toString())
                    .set(CURRICULUM_REF.OWNER, owner).set(CURRICULUM_REF.OWNER_KEY, key).set(CURRICULUM_REF.LIST, list)
                    .set(CURRICULUM_REF.POSITION, i++).set(CURRICULUM_REF.VALUE, text).execute();
        }
    }

    private static Curriculum load(DSLContext dsl, CurriculumRecord r) {
        var inThis = CURRICULUM_REF.CURRICULUM_ID.eq(r.getId()).and(CURRICULUM_REF.VERSION.eq(r.getVersion()));
        Map<String, List<String>> refs = dsl.selectFrom(CURRICULUM_REF).where(inThis)
                .orderBy(CURRICULUM_REF.OWNER, CURRICULUM_REF.OWNER_KEY, CURRICULUM_REF.LIST, CURRICULUM_REF.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(x -> x.getOwner() + "/" + x.getOwnerKey() + "/" + x.getList(), java.util.LinkedHashMap::new,
                        Collectors.mapping(CurriculumRefRecord::getValue, Collectors.toList())));
        Function<String, List<String>> ref = k -> refs.getOrDefault(k, List.of());
        String id = r.getId();
        String v = r.getVersion();
        ImmutableList<LearningOutcome> outcomes = dsl.selectFrom(LEARNING_OUTCOME)
                .where(LEARNING_OUTCOME.CURRICULUM_ID.eq(id).and(LEARNING_OUTCOME.VERSION.eq(v))).orderBy(LEARNING_OUTCOME.POSITION)
                .fetch(o -> LearningOutcome.of(o.getCode(), o.getStatement(), o.getLevel(), OutcomeDomain.valueOf(o.getDomain())))
                .stream().collect(ImmutableList.toImmutableList());
        ImmutableList<Competence> competences = dsl.selectFrom(COMPETENCE)
                .where(COMPETENCE.CURRICULUM_ID.eq(id).and(COMPETENCE.VERSION.eq(v))).orderBy(COMPETENCE.POSITION)
                .fetch(k -> new Competence(CompetenceCode.of(k.getCode()), k.getTitle(),
                        codes(ref.apply("competence/" + k.getPosition() + "/outcomes"), OutcomeCode::of)))
                .stream().collect(ImmutableList.toImmutableList());
        var sessionRows = dsl.selectFrom(CURRICULUM_SESSION).where(CURRICULUM_SESSION.CURRICULUM_ID.eq(id).and(CURRICULUM_SESSION.VERSION.eq(v)))
                .orderBy(CURRICULUM_SESSION.MODULE_POSITION, CURRICULUM_SESSION.POSITION).fetch();
        var materialRows = dsl.selectFrom(SESSION_MATERIAL).where(SESSION_MATERIAL.CURRICULUM_ID.eq(id).and(SESSION_MATERIAL.VERSION.eq(v)))
                .orderBy(SESSION_MATERIAL.MODULE_POSITION, SESSION_MATERIAL.SESSION_POSITION, SESSION_MATERIAL.POSITION).fetch();
        ImmutableList<Module> modules = dsl.selectFrom(CURRICULUM_MODULE)
                .where(CURRICULUM_MODULE.CURRICULUM_ID.eq(id).and(CURRICULUM_MODULE.VERSION.eq(v))).orderBy(CURRICULUM_MODULE.POSITION)
                .fetch(m -> {
                    String key = "module/" + m.getPosition() + "/";
                    ImmutableList<Session> sessions = sessionRows.stream().filter(s -> s.getModulePosition().equals(m.getPosition()))
                            .sorted(Comparator.comparing(s -> s.getPosition()))
                            .map(s -> {
                                String sk = "session/" + m.getPosition() + "." + s.getPosition() + "/";
                                ImmutableList<Material> materials = materialRows.stream()
                                        .filter(x -> x.getModulePosition().equals(m.getPosition()) && x.getSessionPosition().equals(s.getPosition()))
                                        .map(x -> new Material(x.getTitle(), x.getMaterialVersion())).collect(ImmutableList.toImmutableList());
                                return new Session(SessionCode.of(s.getCode()), s.getTitle(), s.getMinutes(),
                                        codes(ref.apply(sk + "methods"), DeliveryMethod::valueOf), codes(ref.apply(sk + "outcomes"), OutcomeCode::of),
                                        materials);
                            }).collect(ImmutableList.toImmutableList());
                    return new Module(ModuleCode.of(m.getCode()), m.getTitle(), codes(ref.apply(key + "outcomes"), OutcomeCode::of),
                            codes(ref.apply(key + "prerequisites"), ModuleCode::of), codes(ref.apply(key + "settings"), BorderSetting::valueOf),
                            sessions);
                }).stream().collect(ImmutableList.toImmutableList());
        ImmutableList<AssessmentItem> items = dsl.selectFrom(ASSESSMENT_ITEM)
                .where(ASSESSMENT_ITEM.CURRICULUM_ID.eq(id).and(ASSESSMENT_ITEM.VERSION.eq(v))).orderBy(ASSESSMENT_ITEM.POSITION)
                .fetch(i -> new AssessmentItem(ItemCode.of(i.getCode()), ItemKind.valueOf(i.getKind()), i.getPrompt(),
                        codes(ref.apply("item/" + i.getPosition() + "/outcomes"), OutcomeCode::of), i.getMaxPoints()))
                .stream().collect(ImmutableList.toImmutableList());
        ImmutableList<String> owners = dsl.select(CURRICULUM_OWNER.NAME).from(CURRICULUM_OWNER)
                .where(CURRICULUM_OWNER.CURRICULUM_ID.eq(id).and(CURRICULUM_OWNER.VERSION.eq(v))).orderBy(CURRICULUM_OWNER.POSITION)
                .fetch(x -> x.value1()).stream().collect(ImmutableList.toImmutableList());
        Optional<Revision> revision = Optional.ofNullable(r.getRevises())
                .map(prev -> new Revision(SemanticVersion.parse(prev), r.getRevisionReason()));
        return new Curriculum(CurriculumId.of(id), r.getTitle(), SemanticVersion.parse(v),
                r.getLanguages().isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(r.getLanguages().split(",")), owners,
                r.getTargetAudience(), competences, outcomes, modules, new AssessmentBlueprint(items, r.getTestPassMark()),
                new CertificationCriteria(new BigDecimal(r.getMinAttendanceShare()).doubleValue(), r.getPostTestPassMark(),
                        r.getPracticeTeachingRequired(), NO_VALIDITY.equals(r.getCertificateValidity())
                                ? java.util.Optional.empty() : java.util.Optional.of(Period.parse(r.getCertificateValidity()))),
                revision);
    }

    private static <T> ImmutableSet<T> codes(List<String> values, Function<String, T> parse) {
        return values.stream().map(parse).collect(ImmutableSet.toImmutableSet());
    }
}
