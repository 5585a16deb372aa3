package ai.pmoves.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TableNameTest {
    @Test
    void plainSchemaTable() {
        TableName t = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
        assertEquals("supabase_migrations", t.schema());
        assertEquals("schema_migrations", t.table());
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema_migrations", "a.b.c", "public.x; drop table y", "\"Public\".t", "Public.T", ".t",
            "s.", "1s.t", ""})
    void anythingElseIsRefusedNamingTheParameter(String name) {
        PmovesException e = assertThrows(PmovesException.class, () -> TableName.parse(name, "historyTable"));
        assertTrue(e.getMessage().startsWith("historyTable '"), e.getMessage());
    }
}
