package ai.pmoves.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTableTest {
    private static final TestPostgres.Database DB = TestPostgres.newDatabase("history");

    @Test
    void appliedAtReadsTheSameFromTimestampAndTimestamptz() throws Exception {
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            for (String type : List.of("timestamp", "timestamptz")) {
                String table = "h_" + type;
                st.execute("CREATE TABLE public." + table + " (version text PRIMARY KEY, statements text[], name text,"
                        + " checksum text, applied_at " + type + ", execution_ms integer, applied_by text, state text)");
                st.execute("INSERT INTO public." + table + " VALUES ('20250101', NULL, 'a', 'sum', '2025-01-02 03:04:05',"
                        + " 12, 'postgres', 'applied'), ('20250102', NULL, 'b', NULL, NULL, NULL, NULL, NULL)");
                List<HistoryRow> rows = new HistoryTable(TableName.parse("public." + table, "historyTable"))
                        .readAll(c);
                assertEquals(2, rows.size(), type);
                // the test JVM's zone is the one a timestamptz is shown in, as the server's session zone is UTC here
                LocalDateTime expected = type.equals("timestamp") ? LocalDateTime.of(2025, 1, 2, 3, 4, 5)
                        : java.sql.Timestamp.from(java.time.Instant.parse("2025-01-02T03:04:05Z")).toLocalDateTime();
                assertEquals(expected, rows.get(0).appliedAt(), type);
                assertEquals(12, rows.get(0).executionMs(), type);
                assertNull(rows.get(1).appliedAt(), type);
                assertNull(rows.get(1).executionMs(), type);
            }
        }
    }

    @Test
    void ensureAfterAReadThatSawBothTablesWithEveryColumnAsksTheServerNothing() throws Exception {
        HistoryTable complete = new HistoryTable(TableName.parse("public.h_complete", "historyTable"));
        try (Connection c = DB.connect()) {
            complete.ensure(c);
            complete.readAll(c);
            c.close();
            complete.ensure(c); // on a closed connection: any question would fail
        }
        // a table the Supabase CLI made has three columns: the read sees it incomplete, and ensure adds the others
        HistoryTable cliMade = new HistoryTable(TableName.parse("public.h_cli", "historyTable"));
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.h_cli (version text PRIMARY KEY, statements text[], name text)");
            cliMade.readAll(c);
            cliMade.ensure(c);
            assertEquals(java.util.Set.of("version", "statements", "name", "checksum", "applied_at", "execution_ms",
                    "applied_by", "state"), CatalogColumns.of(c, cliMade.name()).get(0).keySet());
            assertTrue(CatalogColumns.of(c, TableName.parse("public.h_cli_failed", "historyTable")).get(0)
                    .containsKey("failed_at"));
        }
    }
}
