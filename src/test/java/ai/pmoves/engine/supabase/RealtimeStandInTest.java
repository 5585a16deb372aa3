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

/** Realtime's Broadcast-from-the-database objects under supabaseCompat=emulate on a bare PostgreSQL 17. */
class RealtimeStandInTest {
    Emulated emulated;

    @BeforeEach
    void emulated(TestInfo test) throws SQLException {
        emulated = Emulated.database("realtime_", test);
    }

    @Test
    void theLineSaysSendRecordsAndNoClientReceives() {
        assertEquals("stand-in realtime: created — realtime.send and broadcast_changes record each message in"
                + " realtime.messages, and realtime.topic() reads the topic a policy checks; no Realtime server runs,"
                + " so no client receives a message", emulated.line("stand-in realtime"));
    }

    @Test
    void sendRecordsTheMessageWithItsIdAndSetsTheTopicForTheTransaction() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT realtime.send('{\"total\": 9.5}', 'order_paid', 'orders:7', false)");
            assertEquals("orders:7", single(st, "SELECT realtime.topic()"), "as policies on realtime.messages read it");
            c.commit();
            assertEquals("orders:7|order_paid|false|broadcast|9.5|true", single(st, "SELECT topic || '|' || event || '|'"
                    + " || private || '|' || extension || '|' || (payload ->> 'total') || '|'"
                    + " || ((payload ->> 'id')::uuid = id) FROM realtime.messages"));
            assertEquals(null, single(st, "SELECT realtime.topic()"), "SET LOCAL: gone after the transaction");
            st.execute("SELECT realtime.send('{\"id\": 1}', 'e', 't')");
            assertEquals("true|1", single(st, "SELECT private || '|' || (payload ->> 'id') FROM realtime.messages"
                    + " WHERE topic = 't'"), "private unless the call says otherwise; the payload's own id is kept");
        }
    }

    @Test
    void underAutoACallToSendIsTheServersLackAndTheWayOutIsEmulate() throws Exception {
        TestPostgres.Database auto = TestPostgres.newDatabase("realtime_auto");
        try (Connection c = auto.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            SQLException e = assertThrows(SQLException.class,
                    () -> st.execute("SELECT realtime.send('{}', 'e', 'topic', false)"));
            String advice = MissingPlatform.advice(e, c);
            assertTrue(advice.contains("The file is not at fault: realtime.send belongs to Supabase's Realtime service")
                    && advice.contains("Ways out: -Dpmoves.supabaseCompat=emulate"), advice);
        }
    }

    @Test
    void aTriggerCallingBroadcastChangesRecordsTheRowAndItsOperation() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE public.rooms (id int PRIMARY KEY, name text);
                    CREATE FUNCTION public.rooms_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN
                      PERFORM realtime.broadcast_changes('room:' || coalesce(NEW.id, OLD.id)::text, TG_OP, TG_OP,
                        TG_TABLE_NAME, TG_TABLE_SCHEMA, NEW, OLD);
                      RETURN NULL;
                    END $$;
                    CREATE TRIGGER rooms_changed AFTER INSERT OR UPDATE OR DELETE ON public.rooms
                      FOR EACH ROW EXECUTE FUNCTION public.rooms_changed();
                    CREATE POLICY "members read their room" ON realtime.messages FOR SELECT TO authenticated
                      USING (realtime.topic() LIKE 'room:%')""");
            for (String change : List.of("INSERT INTO public.rooms VALUES (1, 'lobby')",
                    "UPDATE public.rooms SET name = 'hall'", "DELETE FROM public.rooms")) {
                st.execute(change); // a transaction each, so inserted_at orders them
            }
            assertEquals("INSERT room:1 - lobby; UPDATE room:1 lobby hall; DELETE room:1 hall -", single(st,
                    "SELECT string_agg(event || ' ' || topic || ' ' || coalesce(payload -> 'old_record' ->> 'name', '-')"
                    + " || ' ' || coalesce(payload -> 'record' ->> 'name', '-'), '; ' ORDER BY inserted_at)"
                    + " FROM realtime.messages WHERE payload ->> 'table' = 'rooms'"));
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT realtime.broadcast_changes('t',"
                    + " 'e', 'TRUNCATE', 'rooms', 'public', NULL::record, NULL::record)"));
            assertTrue(e.getMessage().contains("Unexpected operation type: TRUNCATE"), e.getMessage());
        }
    }
}
