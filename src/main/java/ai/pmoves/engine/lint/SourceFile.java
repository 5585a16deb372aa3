package ai.pmoves.engine.lint;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.migration.MigrationName;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlSyntaxException;
import ai.pmoves.engine.sql.SqlText;
import java.nio.file.Path;
import java.util.List;

/**
 * A SQL file as the linter sees it: its statements with their tokens, or why it could not be read.
 *
 * @param kind        what the file is
 * @param path        where it is
 * @param displayName the path shown in findings: relative to the project when inside it
 * @param script      the read file; null when it could not be read or split
 * @param statements  its statements with their tokens; empty when it could not be read
 * @param readError   why it could not be read or split (an unterminated quote, not UTF-8, …); null when it could
 * @param errorLine   1-based line of the read error; 0 when it is not about a position
 * @param errorColumn 1-based column of the read error; 0 when it is not about a position
 */
public record SourceFile(SourceKind kind, Path path, String displayName, MigrationScript script,
                         List<LintStatement> statements, String readError, int errorLine, int errorColumn) {

    /** Reads and splits a file; a file that cannot be read is returned with its error, not thrown. */
    static SourceFile read(SourceKind kind, Path path, String displayName) {
        try {
            MigrationScript script = MigrationScript.read(path);
            List<LintStatement> statements = script.statements().stream().map(LintStatement::new).toList();
            return new SourceFile(kind, path, displayName, script, statements, null, 0, 0);
        } catch (PmovesException e) {
            if (e.getCause() instanceof SqlSyntaxException syntax) {
                return new SourceFile(kind, path, displayName, null, List.of(), syntax.reason(), syntax.line(),
                        syntax.column());
            }
            return new SourceFile(kind, path, displayName, null, List.of(), e.getMessage(), 0, 0);
        }
    }

    /** The file's name without its directory. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /** What the name of a migration file says, or null when it fits none of the forms (the file-name rule says so). */
    MigrationName migrationName() {
        return MigrationName.of(fileName());
    }

    /** The 1-based {@code {line, column}} of a statement-relative offset. */
    int[] lineAndColumn(SqlStatement statement, int offsetInStatement) {
        return SqlText.lineAndColumn(script.text(), statement.offset() + offsetInStatement);
    }
}
