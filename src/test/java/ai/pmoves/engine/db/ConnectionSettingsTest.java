package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
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
}
