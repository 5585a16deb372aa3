package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;

/**
 * The migration lock as the server sees it: held by a transaction that stays idle without a snapshot (which
 * {@code CREATE INDEX CONCURRENTLY} would wait for), whatever the server's isolation level and timeouts; released
 * on close. And the connections' statements stay unnamed, which poolers in transaction mode need.
 */
class AdvisoryLockTest {
    private static final String TABLE = "supabase_migrations.schema_migrations";

    @Test
    @Timeout(60)
    void heldByAnIdleTransactionWithoutSnapshotEvenWhenTheServerWantsSerializableAndTimeouts() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("lock_idle");
        db.execute("ALTER DATABASE " + db.name() + " SET default_transaction_isolation = 'serializable'");
        db.execute("ALTER DATABASE " + db.name() + " SET idle_in_transaction_session_timeout = '1s'");
        if (Integer.parseInt(db.column("SHOW server_version_num").get(0)) >= 170000) {
            db.execute("ALTER DATABASE " + db.name() + " SET transaction_timeout = '1s'");
        }
        ConnectionSettings settings = settings(db.url(), db);
        try (AdvisoryLock lock = AdvisoryLock.acquire(settings, TABLE, Duration.ofSeconds(5))) {
            Thread.sleep(1500); // past the server's timeouts
            assertEquals(List.of("idle in transaction|||true"), db.column("SELECT a.state || '|' || coalesce(a.backend_xid::text, '')"
                    + " || '|' || coalesce(a.backend_xmin::text, '') || '|' || l.granted FROM pg_locks l"
                    + " JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.objid::bigint = "
                    + (AdvisoryLock.keyOf(TABLE) & 0xffffffffL)),
                    "the lock is held, idle in transaction, with no transaction id and no xmin");
            PmovesException e = assertThrows(PmovesException.class,
                    () -> AdvisoryLock.acquire(settings, TABLE, Duration.ofMillis(300)).close());
            assertTrue(e.getMessage().contains("pmoves.lockTimeout"), e.getMessage());
        }
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
        AdvisoryLock.acquire(settings, TABLE, Duration.ofSeconds(1)).close();
    }

    @Test
    void statementsStayUnnamedUnlessTheUrlSaysOtherwise() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("prepare_threshold");
        try (Connection c = settings(db.url(), db).connect()) {
            assertEquals(0, c.unwrap(PGConnection.class).getPrepareThreshold());
        }
        try (Connection c = settings(db.url() + "?prepareThreshold=3", db).connect()) {
            assertEquals(3, c.unwrap(PGConnection.class).getPrepareThreshold());
        }
    }

    private static ConnectionSettings settings(String url, TestPostgres.Database db) {
        return ConnectionSettings.resolve(url, db.user(), db.password(), Map.of(), 5);
    }
}
