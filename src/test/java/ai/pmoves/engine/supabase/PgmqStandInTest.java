package ai.pmoves.engine.supabase;

import static ai.pmoves.engine.supabase.SupabasePreparationTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The pgmq stand-in used as a queue, under supabaseCompat=emulate on a bare PostgreSQL 17 (which has no pgmq). */
class PgmqStandInTest {
    Emulated emulated;

    @BeforeEach
    void emulatedWithAQueue(TestInfo test) throws SQLException {
        emulated = Emulated.database("pgmq_", test);
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pgmq.create('Jobs')");
        }
    }

    @Test
    void theLineSaysItIsAWorkingQueueWithoutPartitionedQueues() {
        String line = emulated.line("stand-in pgmq (for pgmq)");
        assertTrue(line.startsWith("stand-in pgmq (for pgmq): created — a working queue: create, send, send_batch,")
                && line.endsWith("no partitioned queues"), line);
    }

    @Test
    void aReadMessageIsHiddenForItsVisibilityTimeoutAndCountsEachRead() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            String first = single(st, "SELECT pgmq.send('jobs', '{\"n\": 1}')");
            String second = single(st, "SELECT pgmq.send('jobs', '{\"n\": 2}')");
            single(st, "SELECT pgmq.send('jobs', '{\"n\": 3}', 3600)"); // delayed: not visible for an hour
            assertEquals(first + ":1:1," + second + ":1:2", single(st, "SELECT string_agg(msg_id || ':' || read_ct"
                    + " || ':' || (message ->> 'n'), ',' ORDER BY msg_id) FROM pgmq.read('jobs', 30, 5)"));
            assertEquals("0", single(st, "SELECT count(*) FROM pgmq.read('jobs', 30, 5)"),
                    "both are hidden for 30 s, and the third is delayed");
            assertEquals(first, single(st, "SELECT msg_id FROM pgmq.set_vt('jobs', " + first + ", 0)"));
            assertEquals(first + ":2", single(st, "SELECT msg_id || ':' || read_ct FROM pgmq.read('jobs', 30, 5)"),
                    "visible again once its vt is set to now, read a second time");
            assertEquals("3|3", single(st, "SELECT queue_length || '|' || total_messages FROM pgmq.metrics('jobs')"));
        }
    }

    @Test
    void archiveMovesTheMessageAndPopReadsAndRemovesIt() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            assertEquals("1,2,3", single(st, "SELECT string_agg(id::text, ',') FROM pgmq.send_batch('jobs',"
                    + " ARRAY['{\"n\": 1}', '{\"n\": 2}', '{\"n\": 3}']::jsonb[]) id"));
            assertEquals("true|false", single(st, "SELECT pgmq.archive('jobs', 1::bigint) || '|'"
                    + " || pgmq.archive('jobs', 99::bigint)"));
            assertEquals("1:{\"n\": 1}:true", single(st, "SELECT msg_id || ':' || message || ':'"
                    + " || (archived_at IS NOT NULL) FROM pgmq.a_jobs"));
            assertEquals("2", single(st, "SELECT (message ->> 'n') FROM pgmq.pop('jobs')"));
            assertEquals("3", single(st, "SELECT string_agg(msg_id::text, ',') FROM pgmq.q_jobs"),
                    "the archived and the popped message left the queue");
            assertEquals("true|false", single(st, "SELECT pgmq.delete('jobs', 3::bigint) || '|'"
                    + " || pgmq.delete('jobs', 3::bigint)"));
            assertEquals("0|3", single(st, "SELECT queue_length || '|' || total_messages FROM pgmq.metrics('jobs')"));
        }
    }

    @Test
    void queuesAreListedPurgedAndDroppedWithTheirTables() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pgmq.create('mail')");
            st.execute("SELECT pgmq.send_batch('mail', ARRAY['{}', '{}']::jsonb[])");
            assertEquals("Jobs,mail", single(st, "SELECT string_agg(queue_name, ',' ORDER BY queue_name)"
                    + " FROM pgmq.list_queues()"));
            assertEquals("2", single(st, "SELECT pgmq.purge_queue('mail')"));
            assertEquals("true", single(st, "SELECT pgmq.drop_queue('mail')::text"));
            assertEquals("Jobs|pgmq.q_jobs|pgmq.a_jobs|null", single(st, "SELECT string_agg(queue_name, ',') || '|'"
                    + " || to_regclass('pgmq.q_jobs') || '|' || to_regclass('pgmq.a_jobs') || '|'"
                    + " || coalesce(to_regclass('pgmq.q_mail')::text, 'null') FROM pgmq.list_queues()"));
            assertEquals("q_jobs", single(st, "SELECT pgmq.format_table_name('Jobs', 'q')"));
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT pgmq.create('F--oo')"));
            assertTrue(e.getMessage().contains("queue name contains invalid characters"), e.getMessage());
        }
    }

    @Test
    void readWithPollWaitsForAMessageOnlyAsLongAsItIsTold() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            long start = System.nanoTime();
            assertEquals("0", single(st, "SELECT count(*) FROM pgmq.read_with_poll('jobs', 30, 1, 1, 50)"));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 900 && waited < 5000, waited + " ms");
            st.execute("SELECT pgmq.send('jobs', '{\"n\": 1}')");
            assertEquals("1", single(st, "SELECT (message ->> 'n') FROM pgmq.read_with_poll('jobs', 30, 1)"));
        }
    }

    @Test
    void underAutoACallToPgmqIsTheServersLackAndTheWayOutIsEmulate() throws Exception {
        try (Connection c = TestPostgres.newDatabase("pgmq_auto").connect();
             Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT pgmq.create('jobs')"));
            String advice = MissingPlatform.advice(e, c);
            assertTrue(advice.contains("The file is not at fault: schema pgmq comes with the extension pgmq")
                    && advice.contains("-Dpmoves.supabaseCompat=emulate (a working queue"), advice);
        }
    }

    @Test
    void aFilesCreateAndUpdateOfTheExtensionRunAsNothing() throws Exception {
        List<String> lines = emulated.runAsFiles("CREATE EXTENSION IF NOT EXISTS pgmq", "ALTER EXTENSION pgmq UPDATE");
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("INFO Supabase stand-in: ALTER EXTENSION pgmq UPDATE — the server has no"
                + " pgmq, so the statement runs as nothing: in its place is a working queue"), lines.get(1));
    }
}
