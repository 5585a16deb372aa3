package ai.pmoves.engine.scaffold;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a new definition, {@code NAME.sql} in the definitions directory: a function written to run again, since a
 * definition runs whenever its file changes. Never overwrites a file.
 */
public final class NewDefinition {
    private NewDefinition() {
    }

    /**
     * @param directory the definitions directory: one the user set must exist, the default is created
     * @return the file written
     */
    public static Path create(String name, ConfiguredDirectory directory, EngineLog log) {
        MigrationDescription description = MigrationDescription.of(name);
        if (!description.slug().matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new PmovesException("The function name '" + description.slug() + "' that pmoves:new derives from"
                    + " the name is not a plain PostgreSQL identifier: start the name with a letter.");
        }
        directory.exists("definitionsDirectory"); // refuses a missing configured one; a missing default is created
        Path file = directory.path().resolve(description.slug() + ".sql");
        if (Files.exists(file)) {
            throw new PmovesException("The definition " + Printable.of(file) + " already exists; pmoves:new never"
                    + " overwrites a file. Edit it: a definition runs again whenever it changes.");
        }
        NewMigration.write(file, template(description));
        log.info("Created " + file + " (a definition: runs after the pending migrations whenever it changes)");
        return file;
    }

    static String template(MigrationDescription description) {
        return "-- Definition: " + description.text() + "\n"
                + "-- Runs again whenever this file changes, after the pending migrations: keep every statement safe\n"
                + "-- to run twice (CREATE OR REPLACE; DROP ... IF EXISTS before CREATE POLICY or CREATE TRIGGER).\n"
                + "\n"
                + "CREATE OR REPLACE FUNCTION public." + description.slug() + "()\n"
                + "RETURNS void\n"
                + "LANGUAGE plpgsql\n"
                + "SECURITY INVOKER\n"
                + "SET search_path = ''\n"
                + "AS $$\n"
                + "BEGIN\n"
                + "  NULL; -- what the function does\n"
                + "END;\n"
                + "$$;\n";
    }
}
