package ai.pmoves.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.locks.LockWait;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * migrationLockTimeout against a real PostgreSQL, with a second session that holds a lock the migration needs: the
 * migration gives up instead of queueing, is tried again, and when the tries run out names the session in its way
 * and leaves nothing recorded.
 */
@Timeout(60)
class MigrationLockTimeoutTest {
    @TempDir
    Path root;
    MigrationsFixture db;
    /** The other session: a report that read orders and left its transaction open. */
    Connection holder;

    @BeforeEach
    void databaseWithABusyTable(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "locktimeout_" + test.getTestMethod().orElseThrow().getName());
        db.execute("CREATE TABLE orders (id int); INSERT INTO orders VALUES (1)");
        holder = db.database.connect();
    }

    @AfterEach
    void endTheOtherSession() throws SQLException {
        holder.close();
    }

    /** The other session opens a transaction, names itself and runs {@code sql}, keeping its locks. */
    private int hold(String sql) throws SQLException {
        holder.setAutoCommit(false);
        try (Statement st = holder.createStatement()) {
            st.execute("SET application_name = 'nightly-report'");
            st.execute(sql);
        }
        return holder.unwrap(PGConnection.class).getBackendPID();
    }

    private ApplyOptions waitingAtMost(String timeout, int retries) {
        return db.options().withMigrationLockWait(
                LockWait.of(LockWait.parseDuration(timeout, "migrationLockTimeout")).withRetries(retries));
    }

    private List<String> retryLines() {
        return db.log.stream().filter(l -> l.contains("gave up waiting for")).toList();
    }

    @Test
    void whenTheRetriesRunOutTheErrorNamesTheLockAndTheSessionHoldingItAndNothingIsRecorded() throws Exception {
        db.file("20250101_add_note.sql", "-- a column for the notes\nALTER TABLE orders ADD COLUMN note text;\n");
        int pid = hold("SELECT * FROM orders");
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(waitingAtMost("300ms", 1)));
        String m = e.getMessage();
        assertTrue(m.startsWith("20250101_add_note.sql:2:1: ERROR 55P03: canceling statement due to lock timeout"), m);
        assertTrue(m.contains("waited for AccessExclusiveLock on public.orders behind:"), m);
        assertTrue(m.contains("pid " + pid + " (nightly-report, user " + db.database.user() + ", idle in transaction,"
                + " transaction open for "), m);
        assertTrue(m.contains("): SELECT * FROM orders"), m);
        assertTrue(m.contains("gave up waiting for a lock 2 times (migrationLockTimeout 300 ms, migrationLockRetries"
                + " 1): none of it is applied, nothing is recorded, and it stays pending"), m);
        assertEquals(1, retryLines().size(), db.log.toString());
        assertTrue(retryLines().get(0).startsWith("WARN 20250101_add_note.sql:2 gave up waiting for"
                + " AccessExclusiveLock on public.orders behind pid " + pid + " after 300 ms; rolled back, try 2 of 2"
                + " in 1 s."), retryLines().toString());
        assertEquals(List.of(), db.versions());
        assertEquals(List.of(), db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
        assertEquals(List.of("id"), db.column("SELECT attname FROM pg_attribute WHERE attrelid = 'orders'::regclass"
                + " AND attnum > 0 ORDER BY attnum"));
    }

    @Test
    void aShortWaitIsAbsorbedByARetry() throws Exception {
        db.file("20250101_add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
        hold("SELECT * FROM orders");
        // the report ends 0.7 s in: after the first try gave up at 0.3 s, before the second starts at 1.3 s
        CompletableFuture<Void> ends = CompletableFuture.runAsync(() -> {
            try {
                holder.commit();
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        ApplyResult result = db.apply(waitingAtMost("300ms", 3));
        ends.join();
        assertEquals(List.of("20250101_add_note.sql"), result.applied());
        assertEquals(1, retryLines().size(), db.log.toString());
        assertEquals(List.of("20250101"), db.versions());
    }

    @Test
    void aFileOutsideATransactionWhoseFirstStatementGaveUpStaysPendingWithoutAFailedRow() throws Exception {
        db.file("20250101_index.sql", "CREATE INDEX CONCURRENTLY orders_id ON orders (id);\n");
        int pid = hold("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(waitingAtMost("200ms", 0)));
        assertTrue(e.getMessage().contains("waited for ShareUpdateExclusiveLock on public.orders behind:\n    pid "
                + pid), e.getMessage());
        assertTrue(e.getMessage().contains("it stays pending"), e.getMessage());
        assertEquals(List.of(), db.versions());
        assertEquals(List.of(), db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
    }

    @Test
    void aFileOutsideATransactionIsNotTriedAgainOnceAStatementTookEffect() throws Exception {
        db.file("20250101_two.sql", "CREATE TABLE notes (id int);\nCREATE INDEX CONCURRENTLY orders_id ON orders (id);\n");
        hold("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(waitingAtMost("200ms", 3)));
        assertTrue(e.getMessage().startsWith("20250101_two.sql:2:1: ERROR 55P03"), e.getMessage());
        assertTrue(e.getMessage().contains("recorded as failed"), e.getMessage());
        assertEquals(List.of(), retryLines(), "the CREATE TABLE took effect: running the file again would fail on it");
        assertEquals(List.of("20250101"), db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
    }

    @Test
    void theTimeoutHoldsOnlyForTheMigrationsTransaction() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (t text);\nINSERT INTO a VALUES (current_setting('lock_timeout'));\n")
                .file("20250102_b.sql", "-- pmoves:no-transaction\nCREATE TABLE b (t text);\n"
                        + "INSERT INTO b VALUES (current_setting('lock_timeout'));\n");
        db.apply(waitingAtMost("PT2S", 3));
        assertEquals(List.of("2s"), db.column("SELECT t FROM a"));
        assertEquals(List.of("2s"), db.column("SELECT t FROM b"));
        assertEquals(List.of("0"), db.column("SELECT current_setting('lock_timeout')"));
    }

    @Test
    void withoutATimeoutAMigrationWaitsAsBefore() throws Exception {
        db.file("20250101_a.sql", "INSERT INTO orders VALUES (current_setting('lock_timeout')::text::int + 2);\n");
        db.apply();
        assertEquals(List.of("1", "2"), db.column("SELECT id::text FROM orders ORDER BY id"));
    }
}
