package org.cadre.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cadre.roster.RosterRows;
import org.junit.jupiter.api.Test;

/**
 * A roster file read a chunk at a time ({@link RosterCsv#open}) gives every row once, in order, with the line it
 * starts on and its cells, whatever the chunks' sizes: over seeded files with names in Cyrillic, cells quoted over
 * several lines, blank lines, either line ending and a byte order mark or none. The lines expected are counted as
 * the files are written, not by the reader.
 */
class RosterCsvChunksTest {

    private static final String[] NAMES = {"Айгерим Нурланова", "Ержан Сапаров", "Фарход Абдуллоев", "Bolat Omarov", "Ғалым Құрманов",
        "Ўткир Тошматов"};

    @Test
    void every_row_comes_once_in_order_with_its_line_whatever_the_chunks() {
        for (int seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            String end = rnd.nextBoolean() ? "\r\n" : "\n";
            StringBuilder csv = new StringBuilder(rnd.nextInt(4) == 0 ? "\uFEFF" : "").append("person_id,native_name,country,role").append(end);
            int line = 2;
            int size = 1 + rnd.nextInt(seed % 4 == 0 ? 3_000 : 80);
            List<Integer> lines = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                while (rnd.nextInt(10) == 0) {
                    csv.append(end); // a blank line: no row
                    line++;
                }
                String name = NAMES[rnd.nextInt(NAMES.length)];
                boolean twoLines = rnd.nextInt(8) == 0;
                lines.add(line);
                names.add(twoLines ? name + end + name : name);
                csv.append("p-").append(i).append(',').append(twoLines ? "\"" + name + end + name + "\"" : name).append(",KZ,participant").append(end);
                line += twoLines ? 2 : 1;
            }

            RosterCsv.Rows rows = RosterCsv.open(csv.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(rows.ok()).as("seed %d: %s", seed, rows.refusals()).isTrue();
            assertThat(rows.count()).isEqualTo(size);
            List<RosterRows.Row> read = new ArrayList<>();
            for (List<RosterRows.Row> chunk = rows.next(1 + rnd.nextInt(300)); !chunk.isEmpty(); chunk = rows.next(1 + rnd.nextInt(300))) {
                read.addAll(chunk);
            }
            assertThat(read).as("seed %d", seed).hasSize(size);
            for (int i = 0; i < size; i++) {
                assertThat(read.get(i).line()).as("seed %d, row %d", seed, i).isEqualTo(lines.get(i));
                assertThat(read.get(i).cells()).as("seed %d, row %d", seed, i)
                        .isEqualTo(Map.of("person_id", "p-" + i, "native_name", names.get(i), "country", "KZ", "role", "participant"));
            }
            assertThat(rows.next(10)).as("nothing after the last row").isEmpty();
        }
    }

    @Test
    void a_fault_on_the_last_line_refuses_the_file_and_gives_the_rows_before_it_to_be_checked() {
        StringBuilder csv = new StringBuilder("person_id,latin_name,country,role\r\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("p-").append(i).append(",Officer ").append(i).append(",KZ,participant\r\n");
        }
        csv.append("p-last,\"Officer Last,KZ,participant\r\n");

        RosterCsv.Rows rows = RosterCsv.open(csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(rows.ok()).isFalse();
        assertThat(rows.refusals()).extracting(f -> f.subject() + ": " + f.message())
                .containsExactly("line/5002: a quoted cell is not closed (a \" that no \" closes, on this line or a later one); nothing after it "
                        + "could be read");
        // The rows before the fault, to be checked, so one answer names their faults too.
        assertThat(rows.count()).isEqualTo(5_000);
        assertThat(rows.next(100)).hasSize(100).first().satisfies(r -> assertThat(r.line()).isEqualTo(2));
        int read = 100;
        for (List<RosterRows.Row> chunk = rows.next(1_000); !chunk.isEmpty(); chunk = rows.next(1_000)) {
            read += chunk.size();
        }
        assertThat(read).isEqualTo(5_000);
    }

    @Test
    void bytes_that_are_not_utf_8_refuse_the_file_and_give_the_rows_before_their_line() {
        byte[] head = "person_id,latin_name,country,role\r\np-1,Officer One,KZ,participant\rp-2,Officer Two,KZ,participant\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(head, head.length + 4);
        System.arraycopy(new byte[] {'p', (byte) 0xC3, ',', '\n'}, 0, file, head.length, 4);

        RosterCsv.Rows rows = RosterCsv.open(file);

        assertThat(rows.refusals()).extracting(f -> f.subject() + ": " + f.message())
                .containsExactly("line/4: is not valid UTF-8; save the file as UTF-8");
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.next(10)).extracting(RosterRows.Row::line).containsExactly(2, 3);
    }
}
