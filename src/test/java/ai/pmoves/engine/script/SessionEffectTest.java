package ai.pmoves.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.pmoves.engine.sql.SqlStatementReader;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which statements may leave something in their session for the next file, read from the lexer's words. */
class SessionEffectTest {
    @Test
    void settingsRolesAndSetConfigCallsAreUndoneByAReset() throws Exception {
        for (String sql : new String[] {"SET search_path = ''", "set role authenticated",
                "SET SESSION AUTHORIZATION authenticated", "RESET search_path",
                "SELECT pg_catalog.set_config('search_path', '', false)",
                "DO $$ BEGIN PERFORM set_config('app.x', '1', false); END $$"}) {
            assertEquals(SessionEffect.SETTINGS, effectOf(sql), sql);
        }
    }

    @Test
    void whatOnlyLastsTheTransactionOrLivesInAFunctionIsNothing() throws Exception {
        for (String sql : new String[] {"SET LOCAL search_path = ''", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                "SET CONSTRAINTS ALL DEFERRED", "CREATE FUNCTION f() RETURNS void LANGUAGE sql SET search_path = ''"
                + " AS $$ SELECT set_config('a.b', '1', false) $$", "UPDATE t SET x = 1",
                "SELECT 'SET search_path = x'", "CREATE TABLE t (temp int)", "ALTER ROLE r WITH LOGIN"}) {
            assertNull(effectOf(sql), sql);
        }
    }

    @Test
    void temporaryObjectsAndSessionLocksNeedANewSession() throws Exception {
        for (String sql : new String[] {"CREATE TEMP TABLE t (id int)", "create temporary view v as select 1",
                "CREATE OR REPLACE TEMP VIEW v AS SELECT 1", "CREATE LOCAL TEMPORARY TABLE t (id int)",
                "SELECT 1 INTO TEMP t", "PREPARE p AS SELECT 1", "LISTEN ch", "SELECT pg_advisory_lock(1)",
                "DECLARE c CURSOR WITH HOLD FOR SELECT 1"}) {
            assertEquals(SessionEffect.SESSION_OBJECTS, effectOf(sql), sql);
        }
    }

    @Test
    void databaseAndRoleDefaultsAreDefaults() throws Exception {
        for (String sql : new String[] {"ALTER DATABASE postgres SET search_path = \"$user\", public, extensions",
                "ALTER ROLE authenticator SET statement_timeout = '8s'", "ALTER USER u IN DATABASE d RESET ALL"}) {
            assertEquals(SessionEffect.DEFAULTS, effectOf(sql), sql);
        }
    }

    @Test
    void aFileCollectsTheEffectsOfItsStatements() throws Exception {
        Set<SessionEffect> effects = SessionEffect.of(SqlStatementReader.split("CREATE TABLE a (id int);\nSET ROLE x;\n"
                + "ALTER DATABASE d SET work_mem = '8MB';\n"));
        assertEquals(EnumSet.of(SessionEffect.SETTINGS, SessionEffect.DEFAULTS), effects);
        assertEquals(Set.of(),
                SessionEffect.of(SqlStatementReader.split("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n")));
    }

    private static SessionEffect effectOf(String sql) throws Exception {
        return SessionEffect.of(SqlStatementReader.split(sql + ";").get(0));
    }
}
