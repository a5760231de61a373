package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cadre.roster.EventId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checked roster files waiting for their import, on both stores: for one user and event, half an hour, four a user. */
class RosterUploadsTest {

    private static final EventId EVENT = EventId.of("tot-almaty-2023");
    private static final EventId OTHER = EventId.of("cascade-shymkent-2024");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_file_comes_back_whole_to_its_user_for_its_event_until_its_half_hour_is_over(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database db = TestDatabases.fresh(kind)) {
            RosterUploads uploads = new RosterUploads(db, clock);
            // Every byte value, a BOM and Cyrillic: the file comes back byte for byte.
            byte[] file = new byte[256 + 16];
            for (int b = 0; b < 256; b++) {
                file[b] = (byte) b;
            }
            System.arraycopy("\uFEFFАйгерим".getBytes(StandardCharsets.UTF_8), 0, file, 256, 16);
            uploads.keep("k1", "kz", EVENT, file);

            assertThat(uploads.checked("k1", "kz", EVENT)).hasValue(file);
            assertThat(uploads.checked("k1", "tj", EVENT)).as("another user").isEmpty();
            assertThat(uploads.checked("k1", "kz", OTHER)).as("another event").isEmpty();
            assertThat(uploads.checked("k2", "kz", EVENT)).as("another key").isEmpty();
            clock.advance(Duration.ofMinutes(30));
            assertThat(uploads.checked("k1", "kz", EVENT)).as("at half an hour").isPresent();
            clock.advance(Duration.ofSeconds(1));
            assertThat(uploads.checked("k1", "kz", EVENT)).as("past half an hour").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_user_keeps_the_four_newest_and_files_past_their_time_are_deleted_as_others_come(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database db = TestDatabases.fresh(kind)) {
            RosterUploads uploads = new RosterUploads(db, clock);
            uploads.keep("old", "tj", EVENT, new byte[] {1});
            clock.advance(Duration.ofMinutes(31));
            for (int k = 1; k <= 6; k++) {
                uploads.keep("k" + k, "kz", EVENT, new byte[] {(byte) k});
                clock.advance(Duration.ofSeconds(1));
            }
            for (int k = 1; k <= 6; k++) {
                assertThat(uploads.checked("k" + k, "kz", EVENT).isPresent()).as("k%d", k).isEqualTo(k > 2);
            }
            int rows = db.dsl().fetchCount(org.cadre.server.store.schema.Tables.ROSTER_UPLOAD);
            assertThat(rows).as("tj's file past its time is gone from the table, not only hidden").isEqualTo(RosterUploads.MOST_PER_USER);
        }
    }
}
