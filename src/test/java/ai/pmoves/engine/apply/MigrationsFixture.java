package ai.pmoves.engine.apply;

import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A migrations directory and a fresh database of its own, for engine tests against a real PostgreSQL. */
final class MigrationsFixture {
    static final TableName HISTORY = TableName.parse("supabase_migrations.schema_migrations", "historyTable");

    final Path directory;
    final TestPostgres.Database database;
    final RecordingLog recording = new RecordingLog();
    final List<String> log = recording.lines;

    MigrationsFixture(Path root, String name) throws IOException {
        this.directory = Files.createDirectories(root.resolve("migrations"));
        this.database = TestPostgres.newDatabase(name);
    }

    MigrationsFixture file(String name, String sql) throws IOException {
        Files.writeString(directory.resolve(name), sql);
        return this;
    }

    ConnectionSettings settings() {
        return ConnectionSettings.resolve(database.url(), database.user(), database.password(), Map.of(), 5);
    }

    ApplyOptions options() {
        return new ApplyOptions(directory, true, HISTORY, null, null, false, false,
                directory.resolveSibling("dry-run.sql"), Duration.ofSeconds(5));
    }

    ApplyResult apply() {
        return apply(options());
    }

    ApplyResult apply(ApplyOptions options) {
        return new Migrator(settings(), recording).apply(options);
    }

    List<String> column(String sql) throws SQLException {
        return database.column(sql);
    }

    boolean exists(String relation) throws SQLException {
        return database.exists(relation);
    }

    void execute(String sql) throws SQLException {
        database.execute(sql);
    }

    List<String> versions() throws SQLException {
        return column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version");
    }

    static ApplyOptions with(ApplyOptions o, String target, String baseline, boolean outOfOrder, boolean dryRun) {
        return new ApplyOptions(o.migrationsDirectory(), o.directoryConfigured(), o.historyTable(), target, baseline,
                outOfOrder, dryRun, o.dryRunFile(), o.lockTimeout());
    }

    static ApplyOptions withLockTimeout(ApplyOptions o, Duration timeout) {
        return new ApplyOptions(o.migrationsDirectory(), o.directoryConfigured(), o.historyTable(), o.target(),
                o.baseline(), o.outOfOrder(), o.dryRun(), o.dryRunFile(), timeout);
    }
}
