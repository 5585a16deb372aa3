package ai.pmoves.engine.lint;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.migration.MigrationName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration file names that {@code pmoves:apply} refuses: a name that fits none of the forms, and two files with the
 * same version.
 */
final class FileNameRule extends Rule {
    FileNameRule() {
        super("file-name", Severity.ERROR,
                "pmoves:apply refuses to run while such a file is in the migrations directory",
                "rename it to " + MigrationName.FORMS + ", or move it out of the migrations directory");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        Map<String, SourceFile> byVersion = new HashMap<>();
        for (SourceFile file : files.of(SourceKind.MIGRATION)) {
            MigrationName name;
            try {
                name = MigrationName.parse(file.fileName());
            } catch (PmovesException e) {
                // The parser's reason up to its advice, which the fix gives: "… fits none of the accepted forms"
                String reason = e.getMessage();
                int advice = reason.indexOf(": ");
                out.add(about(file, advice < 0 ? reason : reason.substring(0, advice), fix()));
                continue;
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
