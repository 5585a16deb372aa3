package ai.pmoves.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.migration.Checksum;
import ai.pmoves.testing.CatalogSnapshot;
import ai.pmoves.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that look hostile but are valid, and run as psql would run them: a UTF-8 BOM, CRLF and lone CR line ends
 * (same checksum as the LF text), empty and comment-only files (recorded, as the Supabase CLI records them), COPY data
 * that runs to the end of the file without {@code \.} (psql reads to EOF too), a directory named like a migration
 * (subdirectories are not read). And the sizes: a 50 MB migration whose last statement is unterminated fails with its
 * line, the database unchanged ({@code reliability} profile).
 */
class AcceptedInputTest {
    @TempDir
    Path root;

    @Test
    void validButOddFilesApplyAndRecordTheirNormalizedChecksum() throws Exception {
        BadInputProject p = new BadInputProject(root, TestPostgres.newDatabase("accepted_input"));
        String lf = "CREATE TABLE crlf (id int);\nINSERT INTO crlf VALUES (1);\n";
        BadInputProject.write(p.migrations.resolve("20250103_bom.sql"), "CREATE TABLE bom (id int);\n",
                StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        p.migration("20250104_crlf.sql", lf.replace("\n", "\r\n"));
        p.migration("20250105_cr.sql", "CREATE TABLE cr (id int);\rINSERT INTO cr VALUES (1);\r");
        p.migration("20250106_empty.sql", "");
        p.migration("20250107_comments.sql", "-- nothing yet\n/* still /* nothing */ */\n");
        p.migration("20250108_copy_to_eof.sql", "CREATE TABLE c (id int, note text);\nCOPY c FROM stdin;\n1\tone\n2\ttwo\n");
        p.migration("20250109_caf\u00e9_\u65e5\u672c.sql", "CREATE TABLE \"caf\u00e9\" (\"\u65e5\u672c\" text);\n");
        Files.createDirectories(p.migrations.resolve("20250110_drafts.sql"));
        p.apply();
        assertEquals(List.of("20250101", "20250102", "20250103", "20250104", "20250105", "20250106", "20250107",
                "20250108", "20250109"), p.database.column("SELECT version FROM " + BadInputProject.HISTORY
                + " ORDER BY version"));
        assertEquals(List.of(Checksum.sha256(lf)), p.database.column("SELECT checksum FROM " + BadInputProject.HISTORY
                + " WHERE version = '20250104'"), "CRLF is recorded with the checksum of its LF text");
        assertEquals(List.of("1|one", "2|two"), p.database.column("SELECT id || '|' || note FROM c ORDER BY id"));
        assertTrue(p.database.exists("public.bom") && p.database.exists("public.cr")
                && p.database.exists("public.\"caf\u00e9\""));
    }

    @Test
    void aHistoryTableWrittenQuotedOrInCapitalsNamesTheTableSqlWouldName() throws Exception {
        BadInputProject p = new BadInputProject(root, TestPostgres.newDatabase("accepted_history_names"));
        p.apply();
        for (String same : List.of("supabase_migrations.\"schema_migrations\"", "Supabase_Migrations.SCHEMA_MIGRATIONS")) {
            p.historyTable = same;
            p.apply();
            assertTrue(p.log.lines.get(p.log.lines.size() - 1).startsWith("INFO Nothing to apply"), same);
        }
        assertEquals(List.of("supabase_migrations"), p.database.column("SELECT nspname FROM pg_namespace"
                + " WHERE nspname ILIKE 'supabase_migrations'"), "no second history schema");
    }

    @Test
    @Tag("reliability")
    @Timeout(300)
    void aFiftyMegabyteMigrationWithAnUnterminatedStringAtItsEndFailsWithItsLine() throws Exception {
        BadInputProject p = new BadInputProject(root, TestPostgres.newDatabase("accepted_big"));
        p.apply();
        List<String> before = CatalogSnapshot.all(p.database);
        Path big = p.migrations.resolve("20250103_big.sql");
        int lines = 0;
        try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("CREATE TABLE big (id int, note text);\n");
            lines++;
            String row = "INSERT INTO big VALUES (%d, 'a line of about a hundred bytes, with a ; and a $$ inside"
                    + " the quotes');\n";
            for (int i = 0; Files.size(big) < 50L << 20 || i % 10_000 != 0; i++) {
                out.write(String.format(row, i));
                lines++;
                if (i % 10_000 == 0) {
                    out.flush();
                }
            }
            out.write("SELECT 'never closed;\n");
            lines++;
        }
        PmovesException e = assertThrows(PmovesException.class, p::apply);
        assertTrue(e.getMessage().startsWith("20250103_big.sql:" + lines + ":8: unterminated string"), e.getMessage());
        System.out.println("AcceptedInputTest: a " + (Files.size(big) >> 20) + " MB migration of " + lines
                + " lines: " + e.getMessage().lines().findFirst().orElse(""));
        assertEquals(before, CatalogSnapshot.all(p.database));
    }
}
