package ai.pmoves.engine.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.sql.SqlStatementReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What tells that the test files create pgTAP themselves, and the error when nothing can. */
class PgTapTest {
    @Test
    void aFileCreatesPgTapWithCreateExtensionOrItsOwnFunctions() throws Exception {
        assertEquals(List.of(true, true, true, true, true), creates("""
                create extension pgtap;
                CREATE EXTENSION IF NOT EXISTS "pgtap" WITH SCHEMA extensions;
                create extension if not exists pgtap schema extensions cascade;
                CREATE OR REPLACE FUNCTION pgtap_version() RETURNS NUMERIC AS 'SELECT 1.2;' LANGUAGE SQL;
                create function tap.pgtap_version() returns numeric language sql as $$ select 1.2 $$;
                """));
        // four statements: the comment is none
        assertEquals(List.of(false, false, false, false), creates("""
                create extension pg_cron;
                select 'create extension pgtap';
                -- create extension pgtap;
                create table pgtap (id int);
                create function pgtap_versions() returns int language sql as 'select 1';
                """));
    }

    @Test
    void theErrorWhenTheServerHasNoPgTapNamesEveryWayOut() {
        String message = PgTap.missing("jdbc:postgresql://db:5432/app", "17.6").getMessage();
        assertTrue(message.startsWith("pgTAP is not installed on the server of jdbc:postgresql://db:5432/app"
                + " (PostgreSQL 17.6): the database has no pgtap extension, and the server cannot create one"), message);
        assertTrue(message.contains("apt install postgresql-17-pgtap (Debian, Ubuntu)"), message);
        assertTrue(message.contains("-Dpmoves.engine=system"), message);
        assertTrue(message.contains("-Dpmoves.engine=docker"), message);
        assertTrue(message.contains("let a test file create it"), message);
    }

    private static List<Boolean> creates(String sql) throws Exception {
        return SqlStatementReader.split(sql).stream().map(PgTap::creates).toList();
    }
}
