package ai.pmoves.engine.plan;

import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.migration.Checksum;
import ai.pmoves.engine.plan.ReleasePlan.HistoryEntry;
import ai.pmoves.engine.seed.SeedRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The history as a plan records it: every row of the history table, of its failed table and of the definition table
 * (what decides what an apply runs), and one SHA-256 over all of them. A row added, removed, re-recorded (a repair, a
 * realigned checksum, a new applied_at) changes the fingerprint; the rows themselves let a refusal name which.
 */
public final class HistoryFingerprint {
    /** What a definition's key starts with, so that it never reads as a migration's version. */
    static final String DEFINITION = "definition:";

    private HistoryFingerprint() {
    }

    /**
     * @param table       the history table's name, recorded with the rows
     * @param rows        every history row, failed ones included ({@code HistoryTable.readAll})
     * @param definitions every row of the definition table
     */
    public static ReleasePlan.History of(String table, List<HistoryRow> rows, Collection<SeedRow> definitions) {
        List<HistoryEntry> entries = new ArrayList<>(rows.size() + definitions.size());
        StringBuilder text = new StringBuilder(rows.size() * 120);
        for (HistoryRow row : rows) {
            String state = row.state() == null ? HistoryRow.APPLIED : row.state();
            entries.add(new HistoryEntry(row.version(), state, row.checksum()));
            line(text, "m", row.version(), row.name(), row.checksum(), state, row.appliedAt());
        }
        List<SeedRow> sorted = new ArrayList<>(definitions);
        sorted.sort(Comparator.comparing(SeedRow::path));
        for (SeedRow row : sorted) {
            entries.add(new HistoryEntry(DEFINITION + row.path(), HistoryRow.APPLIED, row.hash()));
            line(text, "d", row.path(), null, row.hash(), HistoryRow.APPLIED, row.appliedAt());
        }
        return new ReleasePlan.History(table, Checksum.sha256(text.toString()), List.copyOf(entries));
    }

    /** One row as a line of the hashed text: its fields, each length-prefixed so that no two rows read alike. */
    private static void line(StringBuilder text, String kind, Object... fields) {
        text.append(kind);
        for (Object field : fields) {
            String value = Objects.toString(field, "");
            text.append(' ').append(field == null ? -1 : value.length()).append(':').append(value);
        }
        text.append('\n');
    }
}
