package ai.pmoves.engine.status;

import ai.pmoves.engine.Json;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.seed.SeedInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code status.json} (design.md: Status): {@code {"database": {"url", "serverVersion"}, "migrations":
 * [{"version", "name", "state", "appliedAt", "executionMs", "checksum"}], "seeds": [{"path", "state", "appliedAt"}],
 * "definitions": [the same], "summary": {…}}}. The checksum is the file's, or the recorded one when the file is
 * missing. Hand-written: eight fields do not justify a JSON library on the plugin's class path.
 */
public final class StatusJson {
    private StatusJson() {
    }

    public static String toJson(StatusReport report) {
        StringBuilder sb = new StringBuilder(256 + report.status().migrations().size() * 160);
        sb.append("{\n  \"database\": {\"url\": ").append(str(report.maskedUrl()))
                .append(", \"serverVersion\": ").append(str(report.serverVersion())).append("},\n");
        sb.append("  \"migrations\": [");
        String sep = "\n";
        for (MigrationInfo i : report.status().migrations()) {
            var row = i.row();
            sb.append(sep).append("    {\"version\": ").append(str(i.version()))
                    .append(", \"name\": ").append(str(i.name()))
                    .append(", \"state\": ").append(str(i.state().label()))
                    .append(", \"appliedAt\": ").append(row == null ? "null" : Json.localDateTime(row.appliedAt()))
                    .append(", \"executionMs\": ").append(row == null || row.executionMs() == null ? "null"
                            : row.executionMs().toString())
                    .append(", \"checksum\": ").append(str(i.fileChecksum() != null ? i.fileChecksum()
                            : row == null ? null : row.checksum()))
                    .append('}');
            sep = ",\n";
        }
        sb.append(report.status().migrations().isEmpty() ? "],\n" : "\n  ],\n");
        files(sb, "seeds", report.seeds());
        files(sb, "definitions", report.definitions());
        Map<MigrationState, Integer> counts = report.status().counts();
        sb.append("  \"summary\": {\"applied\": ").append(counts.get(MigrationState.APPLIED))
                .append(", \"pending\": ").append(counts.get(MigrationState.PENDING) + counts.get(MigrationState.OUT_OF_ORDER))
                .append(", \"changed\": ").append(counts.get(MigrationState.CHANGED))
                .append(", \"missing\": ").append(counts.get(MigrationState.MISSING))
                .append(", \"failed\": ").append(counts.get(MigrationState.FAILED))
                .append(", \"baseline\": ").append(counts.get(MigrationState.BASELINE))
                .append(", \"outOfOrder\": ").append(counts.get(MigrationState.OUT_OF_ORDER))
                .append("}\n}\n");
        return sb.toString();
    }

    /** {@code "key": [{"path", "state", "appliedAt"}, …],} for seeds and definitions alike. */
    private static void files(StringBuilder sb, String key, List<SeedInfo> files) {
        sb.append("  ").append(str(key)).append(": [");
        String sep = "\n";
        for (SeedInfo file : files) {
            sb.append(sep).append("    {\"path\": ").append(str(file.path()))
                    .append(", \"state\": ").append(str(file.state().label()))
                    .append(", \"appliedAt\": ").append(file.row() == null ? "null"
                            : Json.localDateTime(file.row().appliedAt()))
                    .append('}');
            sep = ",\n";
        }
        sb.append(files.isEmpty() ? "],\n" : "\n  ],\n");
    }

    public static void write(StatusReport report, Path file) {
        Json.write(file, toJson(report));
    }

    static String str(String s) {
        return Json.string(s);
    }
}
