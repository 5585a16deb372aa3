package ai.pmoves.engine.status;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.migration.MigrationScript;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The state of a database's migrations, read without changing anything (no lock, no table created).
 *
 * @param maskedUrl     the database, password masked
 * @param serverVersion the server's version string, e.g. {@code 17.6}
 */
public record StatusReport(String maskedUrl, String serverVersion, MigrationStatus status) {

    public static StatusReport read(ConnectionSettings settings, Path migrationsDirectory, boolean directoryConfigured,
                                    TableName historyTable) {
        List<Migration> files = MigrationScanner.scan(migrationsDirectory, "migrationsDirectory", directoryConfigured);
        try (Connection connection = settings.connect()) {
            String serverVersion = connection.getMetaData().getDatabaseProductVersion();
            var rows = new HistoryTable(historyTable).readAll(connection);
            return new StatusReport(settings.maskedUrl(), serverVersion,
                    MigrationStatus.of(files, rows, m -> MigrationScript.checksumOf(m.file())));
        } catch (SQLException e) {
            throw new PmovesException("Database error on " + settings.maskedUrl() + ": " + e.getMessage(), e);
        }
    }
}
