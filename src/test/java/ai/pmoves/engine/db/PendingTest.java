package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PendingTest {
    private static final TestPostgres.Database DB = TestPostgres.newDatabase("pending");
    private static final String TABLE = "supabase_migrations.schema_migrations";
    private static final String LOCK_SESSIONS = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name LIKE '%lock'";

    private static ConnectionSettings settings(String url, int timeoutSeconds) {
        return ConnectionSettings.resolve(url, DB.user(), DB.password(), Map.of(), timeoutSeconds);
    }

    @Test
    void joinHandsOverAnOpenConnection() throws Exception {
        try (Pending<Connection> pending = Pending.connection(settings(DB.url(), 10)); Connection c = pending.join();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals(DB.name(), rs.getString(1));
        }
    }

    @Test
    void joinThrowsWhatConnectingThrew() {
        String missing = DB.url() + "_missing";
        try (Pending<Connection> pending = Pending.connection(settings(missing, 10))) {
            PmovesException e = assertThrows(PmovesException.class, pending::join);
            assertTrue(e.getMessage().startsWith("Cannot connect to " + missing), e.getMessage());
            assertTrue(e.getMessage().contains("3D000"), e.getMessage());
        }
    }

    /** A caller that fails on its files must not wait out a server that never answers (here: 30 s of timeout). */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void closeWithoutJoinDoesNotWaitForTheServer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts, never answers the startup message
            Pending.connection(settings("jdbc:postgresql://localhost:" + silent.getLocalPort() + "/x", 30)).close();
        }
    }

    @Test
    void joinHandsOverTheLockHeld() throws Exception {
        try (Pending<AdvisoryLock> pending = Pending.lock(settings(DB.url(), 10), TABLE, Duration.ofSeconds(5));
             AdvisoryLock lock = pending.join()) {
            assertEquals(List.of("1"), DB.column(LOCK_SESSIONS));
            PmovesException e = assertThrows(PmovesException.class,
                    () -> AdvisoryLock.acquire(settings(DB.url(), 10), TABLE, Duration.ofMillis(100)).close());
            assertTrue(e.getMessage().contains("Another run holds the migration lock"), e.getMessage());
        }
        assertEquals(List.of("0"), DB.column(LOCK_SESSIONS));
    }

    /** A run that fails on a bad file while the lock is taken for it leaves no lock behind. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void closeWithoutJoinReleasesTheLockTaken() throws Exception {
        Pending<AdvisoryLock> pending = Pending.lock(settings(DB.url(), 10), TABLE, Duration.ofSeconds(5));
        while (!DB.column(LOCK_SESSIONS).equals(List.of("1"))) {
            Thread.sleep(10);
        }
        pending.close();
        AdvisoryLock.acquire(settings(DB.url(), 10), TABLE, Duration.ofSeconds(5)).close();
        awaitNoLockSession();
    }

    /** Nor does it go on waiting, behind the build's back, for another run's lock (here: 60 s of lockTimeout). */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void closeWithoutJoinStopsWaitingForAnotherRunsLock() throws Exception {
        try (AdvisoryLock held = AdvisoryLock.acquire(settings(DB.url(), 10), TABLE, Duration.ofSeconds(5))) {
            Pending<AdvisoryLock> waiting = Pending.lock(settings(DB.url(), 10), TABLE, Duration.ofSeconds(60));
            while (!DB.column(LOCK_SESSIONS).equals(List.of("2"))) {
                Thread.sleep(10);
            }
            waiting.close();
            awaitNoLockSessionBut(1);
        }
        awaitNoLockSession();
    }

    private static void awaitNoLockSession() throws Exception {
        awaitNoLockSessionBut(0);
    }

    /** The server ends a session a moment after its client closes the socket. */
    private static void awaitNoLockSessionBut(int left) throws Exception {
        while (!DB.column(LOCK_SESSIONS).equals(List.of(String.valueOf(left)))) {
            Thread.sleep(10);
        }
    }
}
