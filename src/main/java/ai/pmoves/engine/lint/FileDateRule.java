package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.MigrationName;
import java.util.List;

/**
 * A migration whose prefix looks like a date but is none ({@code 20251340_x.sql}, {@code 20250115250000_x.sql}). It
 * still runs, in the order its digits give, as the Supabase CLI runs it; the name was probably mistyped.
 */
final class FileDateRule extends Rule {
    FileDateRule() {
        super("file-date", Severity.WARNING,
                "the file still runs where its digits sort it, as the Supabase CLI runs it, but the name was probably"
                        + " mistyped, and it may run before or after the migrations it was written against",
                "rename it to the UTC date and time it was written (YYYYMMDDhhmmss_description.sql) before it is"
                        + " applied anywhere; once applied, leave it");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        for (SourceFile file : files.of(SourceKind.MIGRATION)) {
            MigrationName name = file.migrationName();
            String problem = name == null ? null : name.impossibleDate();
            if (problem != null) {
                out.add(about(file, problem, fix()));
            }
        }
    }
}
