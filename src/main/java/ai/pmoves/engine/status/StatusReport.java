package ai.pmoves.engine.status;

import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Pending;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.definition.DefinitionTable;
import ai.pmoves.engine.history.CatalogColumns;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.ChecksumCache;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.migration.MigrationStatus;
import ai.pmoves.engine.seed.SeedInfo;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.SeedStatus;
import ai.pmoves.engine.seed.SeedTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The state of a database's migrations and seeds, read without changing anything (no lock, no table created).
 *
 * @param maskedUrl     the database, password masked
 * @param serverVersion the server's version string, e.g. {@code 17.6}
 * @param seeds         the init scripts and seed files with their state, in run order; empty when not asked for
 * @param definitions   the definitions with their state, in run order; empty when not asked for
 */
public record StatusReport(String maskedUrl, String serverVersion, MigrationStatus status, List<SeedInfo> seeds,
                           List<SeedInfo> definitions) {

    public StatusReport {
        seeds = List.copyOf(seeds);
        definitions = List.copyOf(definitions);
    }

    /** A report without definitions. */
    public StatusReport(String maskedUrl, String serverVersion, MigrationStatus status, List<SeedInfo> seeds) {
        this(maskedUrl, serverVersion, status, seeds, List.of());
    }

    /** A report without seeds. */
    public StatusReport(String maskedUrl, String serverVersion, MigrationStatus status) {
        this(maskedUrl, serverVersion, status, List.of());
    }

    public static StatusReport read(ConnectionSettings settings, ConfiguredDirectory migrationsDirectory,
                                    TableName historyTable) {
        return read(settings, migrationsDirectory, historyTable, null, null);
    }

    /** With the seeds of {@code seedSources} as {@code seedTable} records them (none when {@code seedSources} is null). */
    public static StatusReport read(ConnectionSettings settings, ConfiguredDirectory migrationsDirectory,
                                    TableName historyTable, SeedSources seedSources, TableName seedTable) {
        return read(settings, migrationsDirectory, historyTable, seedSources, seedTable, null);
    }

    /** With the definitions of {@code definitionSources} too (none when it is null). */
    public static StatusReport read(ConnectionSettings settings, ConfiguredDirectory migrationsDirectory,
                                    TableName historyTable, SeedSources seedSources, TableName seedTable,
                                    DefinitionSources definitionSources) {
        try (Pending<Connection> pending = Pending.connection(settings)) { // opens while the files are read
            List<Migration> files = MigrationScanner.scan(migrationsDirectory);
            Function<Migration, String> checksums = ChecksumCache.checksumsOf(files,
                    migrationsDirectory.checksumCache());
            try (Connection connection = pending.join()) {
                String serverVersion = connection.getMetaData().getDatabaseProductVersion();
                HistoryTable history = new HistoryTable(historyTable);
                // one catalog query for every table the report reads: a round trip for each saved
                List<TableName> tables = new ArrayList<>(List.of(history.tables()));
                if (seedSources != null) {
                    tables.add(seedTable);
                }
                if (definitionSources != null) {
                    tables.add(new DefinitionTable(historyTable).name());
                }
                CatalogColumns known = CatalogColumns.read(connection, tables.toArray(TableName[]::new));
                var rows = history.readAll(connection, known);
                List<SeedInfo> seeds = seedSources == null ? List.of()
                        : SeedStatus.read(connection, seedSources, new SeedTable(seedTable), known);
                List<SeedInfo> definitions = definitionSources == null ? List.of()
                        : definitionSources.status(connection, historyTable, known);
                return new StatusReport(settings.maskedUrl(), serverVersion, MigrationStatus.of(files, rows, checksums),
                        seeds, definitions);
            }
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }
}
