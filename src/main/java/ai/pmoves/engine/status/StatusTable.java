package ai.pmoves.engine.status;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.seed.SeedInfo;
import ai.pmoves.engine.seed.SeedState;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The status as log lines: a table of version, name, state, applied at, ms; a summary line; then the init scripts and
 * the seeds, if any, each under its own heading.
 */
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
        int[] widths = {versionWidth, nameWidth, 12, 19};
        List<String> lines = new ArrayList<>(migrations.size() + 4);
        lines.add("Database " + report.maskedUrl() + " (PostgreSQL " + report.serverVersion() + ")");
        lines.add(row(widths, "version", "name", "state", "applied at (UTC)", "ms"));
        for (MigrationInfo i : migrations) {
            var row = i.row();
            lines.add(row(widths, i.version(), i.name(), i.state().label(),
                    row == null || row.appliedAt() == null ? "" : AT.format(row.appliedAt()),
                    row == null || row.executionMs() == null ? "" : row.executionMs().toString()));
        }
        Map<MigrationState, Integer> c = report.status().counts();
        lines.add(Counted.of(migrations.size(), "migration") + ": " + c.get(MigrationState.APPLIED) + " applied, "
                + (c.get(MigrationState.PENDING) + c.get(MigrationState.OUT_OF_ORDER)) + " pending ("
                + c.get(MigrationState.OUT_OF_ORDER) + " out of order), " + c.get(MigrationState.CHANGED) + " changed, "
                + c.get(MigrationState.MISSING) + " missing, " + c.get(MigrationState.FAILED) + " failed, "
                + c.get(MigrationState.BASELINE) + " baseline.");
        List<SeedInfo> initScripts = report.seeds().stream().filter(SeedInfo::initScript).toList();
        List<SeedInfo> seeds = report.seeds().stream().filter(s -> !s.initScript()).toList();
        if (!initScripts.isEmpty()) {
            seedLines(initScripts, "init script", lines);
        }
        if (!seeds.isEmpty()) {
            seedLines(seeds, "seed", lines);
        }
        if (!report.definitions().isEmpty()) {
            seedLines(report.definitions(), "definition", lines);
        }
        return lines;
    }

    /** Init scripts or seeds ({@code noun}): a table of path, state, applied at under its own heading; a summary line. */
    private static void seedLines(List<SeedInfo> seeds, String noun, List<String> lines) {
        int pathWidth = noun.length();
        for (SeedInfo s : seeds) {
            pathWidth = Math.max(pathWidth, s.path().length());
        }
        int[] widths = {pathWidth, 8};
        lines.add(row(widths, noun, "state", "applied at (UTC)"));
        Map<SeedState, Integer> counts = new EnumMap<>(SeedState.class);
        for (SeedInfo s : seeds) {
            counts.merge(s.state(), 1, Integer::sum);
            lines.add(row(widths, s.path(), s.state().label(),
                    s.row() == null || s.row().appliedAt() == null ? "" : AT.format(s.row().appliedAt())));
        }
        lines.add(Counted.of(seeds.size(), noun.equals("seed") ? "seed file" : noun) + ": " + counts.getOrDefault(SeedState.APPLIED, 0) + " applied, "
                + counts.getOrDefault(SeedState.PENDING, 0) + " pending, " + counts.getOrDefault(SeedState.CHANGED, 0)
                + " changed, " + counts.getOrDefault(SeedState.MISSING, 0) + " missing.");
    }

    /**
     * One line: each cell left-aligned in its width, two spaces apart, the last as it is, no trailing blanks. By hand
     * rather than String.format, which parses its pattern again for each of 10,000 rows.
     */
    private static String row(int[] widths, String... cells) {
        StringBuilder line = new StringBuilder(128);
        for (int c = 0; c < cells.length; c++) {
            line.append(cells[c]);
            if (c < widths.length) {
                for (int pad = widths[c] - cells[c].length(); pad > 0; pad--) {
                    line.append(' ');
                }
                line.append("  ");
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        return line.toString();
    }
}
