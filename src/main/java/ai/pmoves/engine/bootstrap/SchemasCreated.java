package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.engine.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The schemas a project's SQL files create ({@code CREATE SCHEMA [IF NOT EXISTS] name}), read with the lexer, so
 * bootstrap can grant the API roles USAGE on exactly those and on nothing else of a real Supabase.
 */
final class SchemasCreated {
    private SchemasCreated() {
    }

    static Set<String> in(List<Path> directories) {
        Set<String> schemas = new TreeSet<>();
        for (Path directory : directories) {
            if (directory == null || !Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = SqlFiles.sqlNamed(directory)) {
                files.filter(Files::isRegularFile).forEach(f -> collect(f, schemas));
            } catch (IOException e) {
                // the steps before already read these directories; an error here only costs a grant
            }
        }
        return schemas;
    }

    private static void collect(Path file, Set<String> schemas) {
        for (SqlStatement s : MigrationScript.read(file).statements()) {
            List<String> w = s.words();
            if (w.size() >= 3 && w.get(0).equals("CREATE") && w.get(1).equals("SCHEMA")) {
                int name = w.size() >= 6 && w.get(2).equals("IF") && w.get(3).equals("NOT") && w.get(4).equals("EXISTS")
                        ? 5 : 2;
                if (w.size() > name && !w.get(name).equals("AUTHORIZATION")) {
                    schemas.add(w.get(name).toLowerCase(Locale.ROOT)); // unquoted names fold to lower case
                }
            }
        }
    }
}
