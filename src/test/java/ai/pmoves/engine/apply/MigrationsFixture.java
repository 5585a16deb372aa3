package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.testing.OutOfMemoryAt;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A migrations directory and a fresh database of its own, for engine tests against a real PostgreSQL. */
public final class MigrationsFixture {
    public static final TableName HISTORY = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
    /** A role that may read the history tables but not write them (a user who lost INSERT on them). */
    private static final String READER = "pmoves_history_reader";
    private static final String READER_PASSWORD = "history-Reader-pw-5";

    public final Path directory;
    public final TestPostgres.Database database;
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public MigrationsFixture(Path root, String name) throws IOException {
        this.directory = Files.createDirectories(root.resolve("migrations"));
        this.database = TestPostgres.newDatabase(name);
    }

    public MigrationsFixture file(String name, String sql) throws IOException {
        Files.writeString(directory.resolve(name), sql);
        return this;
    }

    public ConnectionSettings settings() {
        return ConnectionSettings.resolve(database.url(), database.user(), database.password(), Map.of(), 5);
    }

    /**
     * Connection settings of a login role that may create tables in {@code public} and read the history tables of
     * this database, which must exist, but not write them: a user who lost INSERT on them.
     */
    public ConnectionSettings historyReader() throws SQLException {
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + READER + "') THEN CREATE ROLE "
                + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'; END IF; END $$;"
                + " GRANT USAGE ON SCHEMA supabase_migrations TO " + READER + ";"
                + " GRANT SELECT ON ALL TABLES IN SCHEMA supabase_migrations TO " + READER + ";"
                + " GRANT CREATE ON SCHEMA public TO " + READER + ";");
        return ConnectionSettings.resolve(database.url(), READER, READER_PASSWORD, Map.of(), 5);
    }

    /** Every pending migration of {@link #directory}, waiting 5 s for a lock. */
    public ApplyOptions options() {
        return ApplyOptions.of(configured(directory)).withHistoryTable(HISTORY)
                .withLockTimeout(Duration.ofSeconds(5));
    }

    /** {@link #options()}, with the migrations' checksums remembered in {@code cache} between runs. */
    public ApplyOptions optionsRemembering(Path cache) {
        return ApplyOptions.of(configured(directory).withChecksumCache(cache)).withHistoryTable(HISTORY)
                .withLockTimeout(Duration.ofSeconds(5));
    }

    /** Sets every migration's modification time an hour back: long enough ago for its checksum to be remembered. */
    public MigrationsFixture settled() throws IOException {
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        return this;
    }

    /** Where a dry run of {@code options().withDryRun(dryRunFile())} writes its SQL. */
    public Path dryRunFile() {
        return directory.resolveSibling("dry-run.sql");
    }

    public ApplyResult apply() {
        return apply(options());
    }

    public ApplyResult apply(ApplyOptions options) {
        return new Migrator(settings(), engineLog()).apply(options);
    }

    /**
     * Applies on a session where the JVM runs out of memory at each statement containing {@code marker} (see
     * {@link OutOfMemoryAt}), and returns the failure, which must be the engine's, worded, with the Error as its cause
     * ({@link OutOfMemoryAt#failureOf}).
     * The session must be out of any transaction after it: rolled back on the spot, not left open for whatever the
     * session runs next (the onError hooks, bootstrap's next step) to commit.
     */
    public PmovesException applyOutOfMemoryAt(String marker, ApplyOptions options) throws SQLException {
        try (WorkSession session = WorkSession.open(settings())) {
            session.decorate(OutOfMemoryAt.statementWith(marker));
            PmovesException e = OutOfMemoryAt.failureOf(
                    () -> new Migrator(settings(), engineLog()).applyWithLockHeld(session, options));
            assertFalse(Transactions.inBlock(session.connection()), "rolled back on the session itself");
            return e;
        }
    }

    /** A log that keeps every line in {@link #log}, as {@code INFO …} or {@code WARN …}. */
    public EngineLog engineLog() {
        return new RecordingLog(log);
    }

    public List<String> column(String sql) throws SQLException {
        return database.column(sql);
    }

    public boolean exists(String relation) throws SQLException {
        return database.exists(relation);
    }

    public void execute(String sql) throws SQLException {
        database.execute(sql);
    }

    public List<String> versions() throws SQLException {
        return column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version");
    }
}
