package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.MigrationName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two migrations of the same day and description in different name forms, such as {@code 2025-09-08_geometry_bus.sql}
 * and {@code 20250908_geometry_bus.sql}: their versions differ, so both run.
 */
final class SameDayFormsRule extends Rule {
    private static final int DATE = 8;
    private static final int DASHED = 10;
    private static final int TIMESTAMP = 14;

    SameDayFormsRule() {
        super("same-day-forms", Severity.WARNING,
                "the two have different versions, so both run: it looks like one migration saved under two names, and"
                        + " running it twice fails or doubles its effect",
                "delete the copy; if both are meant to run, give them different descriptions");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        Map<String, SourceFile> first = new HashMap<>();
        for (SourceFile file : files.of(SourceKind.MIGRATION)) {
            MigrationName name = file.migrationName();
            if (name == null || form(file.fileName()) != DATE && form(file.fileName()) != TIMESTAMP
                    && form(file.fileName()) != DASHED) {
                continue; // a sequence number (0001_x.sql) names no day
            }
            String day = name.orderKey().substring(0, 8);
            SourceFile other = first.putIfAbsent(day + "_" + name.description(), file);
            if (other != null && form(other.fileName()) != form(file.fileName())) {
                out.add(about(file, "same day and description as " + other.fileName() + ", in another name form",
                        fix()));
            }
        }
    }

    /** The name form: the length of the prefix before the first {@code _} (14, 8, or 10 for a dashed date). */
    private static int form(String fileName) {
        return fileName.indexOf('_');
    }
}
