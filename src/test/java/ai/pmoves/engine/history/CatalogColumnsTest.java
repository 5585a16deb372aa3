package ai.pmoves.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.history.CatalogColumns.Column;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogColumnsTest {
    private static final TestPostgres.Database DB = TestPostgres.newDatabase("catalog_columns");

    /** The shape checks were written against information_schema's names: every kind of column must read the same. */
    @Test
    void columnsReadAsInformationSchemaDescribesThem() throws Exception {
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"odd Schema\"");
            st.execute("CREATE DOMAIN \"odd Schema\".label AS varchar(20) NOT NULL");
            st.execute("CREATE DOMAIN \"odd Schema\".labels AS text[]");
            st.execute("CREATE TYPE \"odd Schema\".mood AS ENUM ('ok')");
            st.execute("""
                    CREATE TABLE "odd Schema"."Mixed" (
                      version text PRIMARY KEY, short varchar(10), statements text[], counts int[],
                      applied_at timestamp, zoned timestamptz, ms integer, big bigint, label "odd Schema".label,
                      labels "odd Schema".labels, mood "odd Schema".mood, id bigint GENERATED ALWAYS AS IDENTITY,
                      twice bigint GENERATED ALWAYS AS (big * 2) STORED, stamped timestamp NOT NULL DEFAULT now(),
                      gone text)""");
            st.execute("ALTER TABLE \"odd Schema\".\"Mixed\" DROP COLUMN gone");

            Map<String, Column> expected = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT column_name, data_type, is_nullable = 'YES', column_default IS"
                    + " NOT NULL OR is_identity = 'YES' OR is_generated <> 'NEVER' FROM information_schema.columns"
                    + " WHERE table_schema = 'odd Schema' AND table_name = 'Mixed'")) {
                while (rs.next()) {
                    expected.put(rs.getString(1), new Column(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
                }
            }
            List<Map<String, Column>> read = CatalogColumns.of(c, new TableName("odd Schema", "Mixed"),
                    new TableName("odd Schema", "missing"), new TableName("no_such_schema", "Mixed"));

            assertEquals(14, expected.size());
            assertEquals(expected, read.get(0));
            assertTrue(read.get(1).isEmpty(), "a missing table has no columns");
            assertTrue(read.get(2).isEmpty(), "nor has a table in a missing schema");
        }
    }

    @Test
    void aNameWithQuotesAndBackslashesIsAskedForAsItIs() throws Exception {
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.\"it's a \\name\" (version text)");
            // read with standard_conforming_strings off, as a file before a history read may leave it (SET LOCAL)
            st.execute("SET standard_conforming_strings = off");
            assertEquals(List.of("version"), List.copyOf(CatalogColumns.of(c, new TableName("public", "it's a \\name"))
                    .get(0).keySet()));
        }
    }
}
