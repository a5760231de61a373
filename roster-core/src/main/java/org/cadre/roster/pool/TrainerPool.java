package org.cadre.roster.pool;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.cadre.curriculum.CurriculumId;
import org.cadre.kernel.Require;
import org.cadre.roster.PersonId;

/** The trainer pool: every person's record, per package. */
public final class TrainerPool {

    private static final TrainerPool EMPTY = new TrainerPool(ImmutableMap.of());

    private final ImmutableMap<Key, TrainerRecord> records;

    private TrainerPool(ImmutableMap<Key, TrainerRecord> records) {
        this.records = records;
    }

    public static TrainerPool empty() {
        return EMPTY;
    }

    public static TrainerPool of(Collection<TrainerRecord> records) {
        Require.present(records, "records");
        return new TrainerPool(records.stream().collect(ImmutableMap.toImmutableMap(
                r -> new Key(r.person(), r.curriculum()), Function.identity())));
    }

    public Optional<TrainerRecord> record(PersonId person, CurriculumId curriculum) {
        return Optional.ofNullable(records.get(new Key(person, curriculum)));
    }

    public Collection<TrainerRecord> records() {
        return records.values();
    }

    /** This pool with the record added or replaced. */
    public TrainerPool with(TrainerRecord record) {
        java.util.Map<Key, TrainerRecord> copy = new java.util.LinkedHashMap<>(records);
        copy.put(new Key(record.person(), record.curriculum()), record);
        return new TrainerPool(ImmutableMap.copyOf(copy));
    }

    private record Key(PersonId person, CurriculumId curriculum) {}
}
