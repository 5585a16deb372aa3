package ai.pmoves.engine.drift;

import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The statements of the project's files that make or change what belongs to the whole server (roles, databases,
 * tablespaces), read with the lexer, also inside {@code DO} blocks: on a scratch database of the target's server they
 * would act on the target's own roles.
 */
final class ServerWideStatements {
    private static final Set<String> VERBS = Set.of("CREATE", "ALTER", "DROP");
    private static final Set<String> OBJECTS = Set.of("ROLE", "USER", "GROUP", "DATABASE", "TABLESPACE");

    private ServerWideStatements() {
    }

    /** {@code file:line: CREATE ROLE} for each such statement of the {@code .sql} files of {@code directories}. */
    static List<String> in(List<ConfiguredDirectory> directories, Path project) {
        List<String> found = new ArrayList<>();
        for (ConfiguredDirectory directory : directories) {
            if (directory == null || !Files.isDirectory(directory.path())) {
                continue;
            }
            try (Stream<Path> files = SqlFiles.sqlNamed(directory.path())) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> collect(f, project, found));
            } catch (IOException e) {
                found.add(directory.path() + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return found;
    }

    private static void collect(Path file, Path project, List<String> found) {
        for (SqlStatement s : MigrationScript.read(file).statements()) {
            String what = serverWide(SqlTokens.of(s.sql()));
            if (what != null) {
                found.add(project.relativize(file.toAbsolutePath()) + ":" + s.line() + ": " + what);
            }
        }
    }

    /** {@code CREATE ROLE} when the tokens (or a dollar-quoted body among them) make a server-wide object; else null. */
    private static String serverWide(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.kind() == SqlToken.Kind.DOLLAR_STRING) {
                String inside = serverWide(SqlTokens.inside(t));
                if (inside != null) {
                    return inside;
                }
            } else if (t.kind() == SqlToken.Kind.WORD && i + 1 < tokens.size()
                    && VERBS.contains(t.text().toUpperCase(java.util.Locale.ROOT))
                    && tokens.get(i + 1).kind() == SqlToken.Kind.WORD
                    && OBJECTS.contains(tokens.get(i + 1).text().toUpperCase(java.util.Locale.ROOT))
                    && (i + 2 >= tokens.size() || !tokens.get(i + 2).isWord("MAPPING"))) { // a user mapping is the database's
                return t.text().toUpperCase(java.util.Locale.ROOT) + " "
                        + tokens.get(i + 1).text().toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }
}
