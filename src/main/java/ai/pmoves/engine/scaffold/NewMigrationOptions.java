package ai.pmoves.engine.scaffold;

import ai.pmoves.engine.migration.ConfiguredDirectory;

/**
 * What {@link NewMigration#create} is asked to write: {@code NewMigrationOptions.of(name, migrations, author)} and a
 * {@code with…} for each extra, e.g. {@code .withRollback(rollbacks).withIssue("PM-12")}. A missing default directory
 * is created; a missing configured one is an error.
 *
 * @param name                what the migration does, e.g. {@code add feature x}
 * @param migrationsDirectory where the migration goes
 * @param rollbackDirectory   where an empty down script goes too; null for none
 * @param author              the header's author
 * @param issue               the header's tracker issue, or null
 * @param table               the table the template creates ({@code schema.table} or {@code table}), or null for
 *                            {@code public.<description>}
 * @param timestamp           the UTC time that names the file, {@code yyyyMMddHHmmss}, or null for now
 */
public record NewMigrationOptions(String name, ConfiguredDirectory migrationsDirectory,
                                  ConfiguredDirectory rollbackDirectory, String author, String issue, String table,
                                  String timestamp) {

    public static NewMigrationOptions of(String name, ConfiguredDirectory migrationsDirectory, String author) {
        return new NewMigrationOptions(name, migrationsDirectory, null, author, null, null, null);
    }

    /** Also write an empty down script in {@code rollbackDirectory}; null for none. */
    public NewMigrationOptions withRollback(ConfiguredDirectory rollbackDirectory) {
        return new NewMigrationOptions(name, migrationsDirectory, rollbackDirectory, author, issue, table, timestamp);
    }

    public NewMigrationOptions withIssue(String issue) {
        return new NewMigrationOptions(name, migrationsDirectory, rollbackDirectory, author, issue, table, timestamp);
    }

    public NewMigrationOptions withTable(String table) {
        return new NewMigrationOptions(name, migrationsDirectory, rollbackDirectory, author, issue, table, timestamp);
    }

    public NewMigrationOptions withTimestamp(String timestamp) {
        return new NewMigrationOptions(name, migrationsDirectory, rollbackDirectory, author, issue, table, timestamp);
    }

    /** Whether a down script is written too. */
    public boolean withRollback() {
        return rollbackDirectory != null;
    }
}
