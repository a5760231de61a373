package org.cadre.roster.pool;

import com.google.common.collect.ImmutableCollection;
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

    /** {@return a pool with nobody in it, as before the first ToT} */
    public static TrainerPool empty() {
        return EMPTY;
    }

    /**
     * A pool of the given records.
     *
     * @param records at most one per person and package
     * @return the pool
     * @throws IllegalArgumentException if two records are of the same person and package
     */
    public static TrainerPool of(Collection<TrainerRecord> records) {
        Require.present(records, "records");
        return new TrainerPool(records.stream().collect(ImmutableMap.toImmutableMap(
                r -> new Key(r.person(), r.curriculum()), Function.identity())));
    }

    /**
     * A person's record for one package.
     *
     * @param person the person
     * @param curriculum the package
     * @return the record, or empty if the person is not in the pool for that package
     */
    public Optional<TrainerRecord> record(PersonId person, CurriculumId curriculum) {
        return Optional.ofNullable(records.get(new Key(person, curriculum)));
    }

    /** {@return every record, in the order added} */
    public ImmutableCollection<TrainerRecord> records() {
        return records.values();
    }

    /**
     * This pool with the record added or replaced.
     *
     * @param record the record, replacing any of the same person and package
     * @return a new pool; this one is unchanged
     */
    public TrainerPool with(TrainerRecord record) {
        java.util.Map<Key, TrainerRecord> copy = new java.util.LinkedHashMap<>(records);
        copy.put(new Key(record.person(), record.curriculum()), record);
        return new TrainerPool(ImmutableMap.copyOf(copy));
    }

    private record Key(PersonId person, CurriculumId curriculum) {}
}
