package ai.pmoves.engine.status;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The status as log lines: a table of version, name, state, applied at, ms; then a summary line. */
public final class StatusTable {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusTable() {
    }

    public static List<String> lines(StatusReport report) {
        List<MigrationInfo> migrations = report.status().migrations();
        int versionWidth = "version".length();
        int nameWidth = "name".length();
        for (MigrationInfo i : migrations) {
            versionWidth = Math.max(versionWidth, i.version().length());
            nameWidth = Math.max(nameWidth, i.name().length());
        }
        String format = "%-" + versionWidth + "s  %-" + nameWidth + "s  %-12s  %-19s  %s";
        List<String> lines = new ArrayList<>(migrations.size() + 4);
        lines.add("Database " + report.maskedUrl() + " (PostgreSQL " + report.serverVersion() + ")");
        lines.add(String.format(format, "version", "name", "state", "applied at (UTC)", "ms"));
        for (MigrationInfo i : migrations) {
            var row = i.row();
            lines.add(String.format(format, i.version(), i.name(), i.state().label(),
                    row == null || row.appliedAt() == null ? "" : AT.format(row.appliedAt()),
                    row == null || row.executionMs() == null ? "" : row.executionMs().toString()).stripTrailing());
        }
        Map<MigrationState, Integer> c = report.status().counts();
        lines.add(migrations.size() + " migrations: " + c.get(MigrationState.APPLIED) + " applied, "
                + (c.get(MigrationState.PENDING) + c.get(MigrationState.OUT_OF_ORDER)) + " pending ("
                + c.get(MigrationState.OUT_OF_ORDER) + " out of order), " + c.get(MigrationState.CHANGED) + " changed, "
                + c.get(MigrationState.MISSING) + " missing, " + c.get(MigrationState.FAILED) + " failed, "
                + c.get(MigrationState.BASELINE) + " baseline.");
        return lines;
    }
}
