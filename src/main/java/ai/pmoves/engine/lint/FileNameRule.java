package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.MigrationName;
import java.util.List;

/**
 * A {@code .sql} file in the migrations directory whose name fits none of the forms: the goals skip it, as the Supabase
 * CLI skips it, so it never runs (with {@code strictFileNames=true} they refuse it).
 */
final class FileNameRule extends Rule {
    FileNameRule() {
        super("file-name", Severity.WARNING,
                "the file never runs: pmoves:apply skips it, as the Supabase CLI does (with strictFileNames=true it"
                        + " refuses to run while the file is there)",
                "rename it to " + MigrationName.FORMS + ", or move it out of the migrations directory");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        for (SourceFile file : files.of(SourceKind.MIGRATION)) {
            if (file.migrationName() == null) {
                out.add(about(file, "'" + file.fileName() + "' is not a migration's name, so it is skipped",
                        "rename it to " + MigrationName.suggestedFor(file.fileName()) + " to run it, or move it out"
                                + " of the migrations directory"));
            }
        }
    }
}
