package ai.pmoves.engine.status;

import ai.pmoves.engine.Json;
import ai.pmoves.engine.seed.SeedInfo;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code status.json} (design.md: Status): {@code {"database": {"url", "serverVersion"}, "migrations":
 * [{"version", "name", "state", "appliedAt", "executionMs", "checksum"}], "seeds": [{"path", "state", "appliedAt"}],
 * "summary": {…}}}. The checksum is the file's, or the recorded one when the file is missing. Hand-written: eight
 * fields do not justify a JSON library on the plugin's class path.
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
        sb.append("  \"seeds\": [");
        sep = "\n";
        for (SeedInfo seed : report.seeds()) {
            sb.append(sep).append("    {\"path\": ").append(str(seed.path()))
                    .append(", \"state\": ").append(str(seed.state().label()))
                    .append(", \"appliedAt\": ").append(seed.row() == null ? "null"
                            : Json.localDateTime(seed.row().appliedAt()))
                    .append('}');
            sep = ",\n";
        }
        sb.append(report.seeds().isEmpty() ? "],\n" : "\n  ],\n");
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

    public static void write(StatusReport report, Path file) {
        Json.write(file, toJson(report));
    }

    static String str(String s) {
        return Json.string(s);
    }
}
