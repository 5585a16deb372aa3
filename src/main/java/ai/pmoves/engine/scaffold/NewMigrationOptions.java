package ai.pmoves.engine.scaffold;

import java.nio.file.Path;

/**
 * What {@link NewMigration#create} is asked to write.
 *
 * @param name                 what the migration does, e.g. {@code add feature x}
 * @param migrationsDirectory  where the migration goes
 * @param migrationsConfigured whether the user set that directory (a missing default one is created)
 * @param withRollback         also write an empty down script
 * @param rollbackDirectory    where the down script goes
 * @param rollbackConfigured   whether the user set that directory (a missing default one is created)
 * @param author               the header's author
 * @param issue                the header's tracker issue, or null
 * @param table                the table the template creates ({@code schema.table} or {@code table}), or null for
 *                             {@code public.<description>}
 * @param timestamp            the UTC time that names the file, {@code yyyyMMddHHmmss}, or null for now
 */
public record NewMigrationOptions(String name, Path migrationsDirectory, boolean migrationsConfigured,
                                  boolean withRollback, Path rollbackDirectory, boolean rollbackConfigured,
                                  String author, String issue, String table, String timestamp) {
}
