package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreatedExtensionsTest {

    private static Set<String> created(String sql) throws IOException {
        return CreatedExtensions.in(new StringReader(sql));
    }

    @Test
    void everySpellingOfCreateExtensionGivesTheNamePostgresStores() throws IOException {
        assertEquals(Set.of("vector", "uuid-ossp", "pg_cron", "pgtap"), created("""
                create extension vector;
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
                Create Extension If Not Exists PG_CRON;
                create extension if not exists pgtap with schema extensions cascade;
                """));
    }

    @Test
    void anExtensionCreatedInsideADoBlockCounts() throws IOException {
        assertEquals(Set.of("pg_net"), created("""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_net') THEN
                    CREATE EXTENSION pg_net;
                  END IF;
                END $$;
                """));
    }

    @Test
    void namesInCommentsStringsFunctionBodiesAndCopyDataDoNotCount() throws IOException {
        assertEquals(Set.of(), created("""
                -- create extension vector;
                /* create extension pg_cron; */
                select 'create extension pgtap';
                create function later() returns void language plpgsql as $$
                begin
                  create extension postgis;
                end $$;
                comment on extension plpgsql is 'create extension http';
                copy notes (body) from stdin;
                create extension timescaledb;
                \\.
                drop extension if exists hstore;
                """));
    }

    @Test
    void aSyntaxErrorEndsTheReadingWithWhatCameBefore() throws IOException {
        assertEquals(Set.of("citext"), created("create extension citext;\nselect 'never closed;\ncreate extension x;"));
    }

    @Test
    void theFilesOfAProjectGiveTheirExtensionsTogether(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.sql"), "create extension vector;");
        Path b = Files.writeString(dir.resolve("b.sql"), "create extension if not exists pg_cron;");
        Path gone = dir.resolve("gone.sql");

        assertEquals(Set.of("pg_cron", "vector"), CreatedExtensions.in(List.of(a, b, gone)));
    }
}
