package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.MigrationName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two migrations with the same version: {@code pmoves:apply} refuses them, as one of them would never run. */
final class DuplicateVersionRule extends Rule {
    DuplicateVersionRule() {
        super("duplicate-version", Severity.ERROR,
                "pmoves:apply refuses to run while two migrations share a version, the history key",
                "give one of them another version (e.g. a later timestamp)");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        Map<String, SourceFile> byVersion = new HashMap<>();
        for (SourceFile file : files.of(SourceKind.MIGRATION)) {
            MigrationName name = file.migrationName();
            if (name == null) {
                continue; // skipped: the file-name rule's
            }
            SourceFile other = byVersion.putIfAbsent(name.version(), file);
            if (other != null) {
                out.add(about(file, "has the same version " + name.version() + " as " + other.fileName()
                                + ": the version is the history key, so one of them would never run",
                        "give one of them another version (e.g. a later timestamp: YYYYMMDDhhmmss_"
                                + name.description() + ".sql)"));
            }
        }
    }
}
