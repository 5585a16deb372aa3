package ai.pmoves.engine.status;

import ai.pmoves.engine.seed.SeedInfo;
import ai.pmoves.engine.seed.SeedState;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The status as log lines: a table of version, name, state, applied at, ms; a summary line; then the seeds, if any. */
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
        if (!report.seeds().isEmpty()) {
            seedLines(report.seeds(), lines);
        }
        return lines;
    }

    /** The seeds: a table of path, state, applied at; then a summary line. */
    private static void seedLines(List<SeedInfo> seeds, List<String> lines) {
        int pathWidth = "seed".length();
        for (SeedInfo s : seeds) {
            pathWidth = Math.max(pathWidth, s.path().length());
        }
        String format = "%-" + pathWidth + "s  %-8s  %s";
        lines.add(String.format(format, "seed", "state", "applied at (UTC)"));
        Map<SeedState, Integer> counts = new EnumMap<>(SeedState.class);
        for (SeedInfo s : seeds) {
            counts.merge(s.state(), 1, Integer::sum);
            lines.add(String.format(format, s.path(), s.state().label(),
                    s.row() == null || s.row().appliedAt() == null ? "" : AT.format(s.row().appliedAt())).stripTrailing());
        }
        lines.add(seeds.size() + " seed files: " + counts.getOrDefault(SeedState.APPLIED, 0) + " applied, "
                + counts.getOrDefault(SeedState.PENDING, 0) + " pending, " + counts.getOrDefault(SeedState.CHANGED, 0)
                + " changed, " + counts.getOrDefault(SeedState.MISSING, 0) + " missing.");
    }
}
