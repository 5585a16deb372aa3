package ai.pmoves.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {
    @Test
    void theSupabaseCliTableReadsAndWritesAsBefore() {
        TableName t = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
        assertEquals("supabase_migrations", t.schema());
        assertEquals("schema_migrations", t.table());
        assertEquals("supabase_migrations.schema_migrations", t.toString());
    }

    /** written → the names the catalog holds → the name as the plugin writes it in SQL. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select.from | select | from | \"select\".\"from\"",
            "Ops.History | ops | history | ops.history",
            "\"Ops\".\"History\" | Ops | History | \"Ops\".\"History\"",
            "\"my schema\".\"say \"\"hi\"\"\" | my schema | say \"hi\" | \"my schema\".\"say \"\"hi\"\"\"",
            "user.order | user | order | \"user\".\"order\"",
            "app . history$1 | app | history$1 | app.\"history$1\""})
    void aNameIsReadAsPostgresqlReadsItAndWrittenBackQuotedWhereNeeded(String written, String schema, String table,
                                                                       String sql) {
        TableName t = TableName.parse(written, "historyTable");
        assertEquals(schema, t.schema());
        assertEquals(table, t.table());
        assertEquals(sql, t.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema_migrations", "a.b.c", "public.x; drop table y", ".t", "s.", "1s.t", "", "\"\".t",
            "\"open.t", "U&\"d\\0061t\".t", "pg_catalog.history",
            "s.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void whatCannotBeATableNameIsRefusedNamingTheParameterAndTheWayToWriteOne(String name) {
        PmovesException e = assertThrows(PmovesException.class, () -> TableName.parse(name, "historyTable"));
        assertTrue(e.getMessage().startsWith("historyTable '" + name + "' is not a schema.table name: "), e.getMessage());
        assertTrue(e.getMessage().contains("e.g. supabase_migrations.schema_migrations"), e.getMessage());
    }
}
