package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Runs against the database pmoves:start and pmoves:bootstrap prepared: failsafe passes its URL and user as system
 * properties, and its password as PGPASSWORD, which its reports do not record.
 */
class DemoIT {
    private static Connection connect() throws Exception {
        return DriverManager.getConnection(System.getProperty("pmoves.url"), System.getProperty("pmoves.user"),
                System.getenv("PGPASSWORD"));
    }

    @Test
    void everyMigrationAndTheSeedAreThere() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM supabase_migrations.schema_migrations),"
                     + " (SELECT count(*) FROM public.anchors), to_regclass('pmoves_core.chat_messages') IS NOT NULL")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "migrations recorded");
            assertEquals(2, rs.getInt(2), "seeded anchors");
            assertEquals(true, rs.getBoolean(3));
        }
    }

    @Test
    void rowLevelSecurityShowsEachSignedInUserTheirOwnAnchors() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL ROLE authenticated");
            st.execute("SELECT set_config('request.jwt.claims', '{\"sub\": \"6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11\"}', true)");
            try (ResultSet rs = st.executeQuery("SELECT string_agg(label, ',') FROM public.anchors")) {
                rs.next();
                assertEquals("ada's anchor", rs.getString(1));
            }
            c.rollback();
        }
    }
}
