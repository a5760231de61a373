package org.cadre.server;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on a terminal: {@code Importing [######----] 60% 3000/5000}.
 * It redraws only when the shown percentage changes, so a long run writes at most a hundred updates.
 */
final class ProgressBar implements IntConsumer {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final int total;
    private int shownPercent = -1;

    ProgressBar(PrintWriter out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
    }

    @Override
    public void accept(int done) {
        int percent = (int) (100L * Math.min(done, total) / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format(java.util.Locale.ROOT, "%3d%% %d/%d", percent, Math.min(done, total), total));
        out.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        if (shownPercent >= 0) {
            out.println();
        }
    }
}
