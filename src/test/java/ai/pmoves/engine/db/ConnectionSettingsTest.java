package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
    /** In the startup message (the setting's source is then "client"), not a SET costing a round trip after it. */
    @Test
    void theSessionIsNamedInTheStartupMessage() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("application_name");
        ConnectionSettings settings = ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(), 10);
        for (String purpose : new String[] {null, "lock"}) {
            try (Connection c = settings.connect(purpose); java.sql.Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT setting || '|' || source FROM pg_settings"
                         + " WHERE name = 'application_name'")) {
                assertTrue(rs.next());
                assertEquals("pmoves-maven-plugin" + (purpose == null ? "" : " " + purpose) + "|client",
                        rs.getString(1));
            }
        }
    }

    @Test
    void jdbcUrlIsUsedAsGiven() {
        ConnectionSettings s = ConnectionSettings.resolve("jdbc:postgresql://db:6543/app", "u", "p", Map.of(), 10);
        assertEquals("jdbc:postgresql://db:6543/app", s.maskedUrl());
        assertEquals("u", s.user());
    }

    @Test
    void supabaseUriIsTurnedIntoJdbcAndItsPasswordHidden() {
        ConnectionSettings s = ConnectionSettings.resolve(
                "postgresql://postgres:s3cr%40t@db.example.supabase.co:5432/postgres?sslmode=require", null, null,
                Map.of(), 10);
        assertEquals("jdbc:postgresql://db.example.supabase.co:5432/postgres?sslmode=require", s.maskedUrl());
        assertEquals("postgres", s.user());
        assertFalse(s.toString().contains("s3cr"));
    }

    @Test
    void passwordInUrlQueryIsMasked() {
        assertEquals("jdbc:postgresql://h/db?user=a&password=****&ssl=true",
                ConnectionSettings.mask("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true"));
        assertEquals("postgresql://a:****@h/db", ConnectionSettings.mask("postgresql://a:hunter2@h/db"));
    }

    @Test
    void libpqVariablesWhenNoUrl() {
        ConnectionSettings s = ConnectionSettings.resolve(null, null, null,
                Map.of("PGHOST", "pghost", "PGPORT", "5433", "PGDATABASE", "app", "PGUSER", "me", "PGPASSWORD", "pw"), 10);
        assertEquals("jdbc:postgresql://pghost:5433/app", s.maskedUrl());
        assertEquals("me", s.user());
    }

    @Test
    void explicitUserWinsOverPgUser() {
        ConnectionSettings s = ConnectionSettings.resolve(null, "admin", null, Map.of("PGHOST", "h", "PGUSER", "me"), 10);
        assertEquals("admin", s.user());
        assertEquals("jdbc:postgresql://h:5432/admin", s.maskedUrl());
    }

    @Test
    void nothingGivenIsAClearError() {
        PmovesException e = assertThrows(PmovesException.class,
                () -> ConnectionSettings.resolve(" ", null, null, Map.of(), 10));
        assertTrue(e.getMessage().contains("pmoves.url") && e.getMessage().contains("PGHOST"), e.getMessage());
    }

    @Test
    void nonPostgresUrlIsRefusedWithoutShowingThePassword() {
        PmovesException e = assertThrows(PmovesException.class,
                () -> ConnectionSettings.resolve("jdbc:mysql://h/db?password=hunter2", null, null, Map.of(), 10));
        assertTrue(e.getMessage().contains("pmoves.url"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aPasswordThatCannotBeReadIsMaskedAllTheSameAndTheUserKept() {
        assertEquals("postgresql://app:****@db.example.com:5432/postgres",
                ConnectionSettings.mask("postgresql://app:Pa/ss@db.example.com:5432/postgres"));
        assertEquals("jdbc:postgresql://app:****@db/app?sslmode=require",
                ConnectionSettings.mask("jdbc:postgresql://app:p@ss/w@db/app?sslmode=require"));
        assertEquals("postgresql://app:****@db/app", ConnectionSettings.mask("postgresql://app:pa?ss@db/app"));
        assertEquals("Unable to parse URL jdbc:postgresql://app:****@db:5432/app (in a sentence)",
                ConnectionSettings.mask("Unable to parse URL jdbc:postgresql://app:Pa/ss@db:5432/app (in a sentence)"));
    }

    @Test
    void anAtSignInTheQueryOrAUserAloneIsNoPasswordToMask() {
        assertEquals("jdbc:postgresql://db:5432/app?user=me@server&ssl=true",
                ConnectionSettings.mask("jdbc:postgresql://db:5432/app?user=me@server&ssl=true"));
        assertEquals("postgresql://app@db/app", ConnectionSettings.mask("postgresql://app@db/app"));
    }

    @Test
    void aUserInfoThatIsNotPercentEncodedIsRefusedSayingHowToWriteIt() {
        for (String url : List.of("postgresql://app:Pa/ss-Hunter@db.example.com:5432/postgres",
                "postgres://app:Pa@ss-Hunter@db.example.com:5432/postgres")) {
            PmovesException e = assertThrows(PmovesException.class,
                    () -> ConnectionSettings.resolve(url, null, null, Map.of(), 10));
            assertTrue(e.getMessage().startsWith("pmoves.url '" + url.substring(0, url.indexOf(':', 12))
                    + ":****@db.example.com:5432/postgres' has a user name or password before the host that is not"
                    + " percent-encoded: write / as %2F, @ as %40"), e.getMessage());
            assertTrue(e.getMessage().endsWith("or give them as pmoves.user and pmoves.password (or serverId)."),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Hunter"), e.getMessage());
        }
    }

    @Test
    void aJdbcUrlWithAUserInfoIsRefusedBeforeTheDriverTakesItForAHost() {
        PmovesException e = assertThrows(PmovesException.class, () -> ConnectionSettings.resolve(
                "jdbc:postgresql://app:Pa/ss-Hunter@db:5432/app", null, null, Map.of(), 10));
        assertTrue(e.getMessage().startsWith("pmoves.url 'jdbc:postgresql://app:****@db:5432/app' has a user name or"
                + " password before the host, which a jdbc:postgresql: URL cannot hold: write it as"
                + " postgresql://USER:PASSWORD@HOST:PORT/DATABASE"), e.getMessage());
        assertFalse(e.getMessage().contains("Hunter"), e.getMessage());
    }

    @Test
    void aPercentEncodedPasswordWithSlashAndAtConnects() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("encoded_password");
        TestPostgres.passwordRole("encoded_pw_user", "Pa/ss@word-7");
        TestPostgres.Server server = TestPostgres.server();
        ConnectionSettings s = ConnectionSettings.resolve("postgresql://encoded_pw_user:Pa%2Fss%40word-7@"
                + server.host() + ":" + server.port() + "/" + db.name(), null, null, Map.of(), 10);
        try (Connection c = s.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            assertEquals("encoded_pw_user", rs.getString(1));
        }
    }

    @Test
    void theDriversOwnWarningAboutAUrlItCannotParseShowsNoPassword() {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger driverLog = Logger.getLogger("org.postgresql.Driver");
        driverLog.addHandler(handler);
        try {
            ConnectionSettings s = ConnectionSettings.resolve(
                    "jdbc:postgresql://localhost:5432/app/extra?password=Driver-Hunter-2", null, null, Map.of(), 2);
            PmovesException e = assertThrows(PmovesException.class, s::connect);
            assertTrue(e.getMessage().contains("?password=****"), e.getMessage());
            assertFalse(e.getMessage().contains("Driver-Hunter"), e.getMessage());
        } finally {
            driverLog.removeHandler(handler);
        }
        assertEquals(List.of("JDBC URL contains too many / characters:"
                + " jdbc:postgresql://localhost:5432/app/extra?password=****"), warnings);
    }
}
