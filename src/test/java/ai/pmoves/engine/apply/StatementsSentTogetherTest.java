package ai.pmoves.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.locks.LockWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration's statements go to the server together, in one round trip, but a failure still names its own statement:
 * wherever it stands in the file, after statements that return rows, a COPY or a statement too long to go with others.
 */
class StatementsSentTogetherTest {
    private static final String LONG_NOTE = "x".repeat(70_000);
    /** The file's statements, each with the text that follows it; a failing one is put before each in turn. */
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE t (id int, note text);\n",
            "INSERT INTO t VALUES (1, 'one; two');\n",
            "SELECT id FROM t, generate_series(1, 3);\n", // rows, which end without a command status of their own
            "COPY t (id, note) FROM stdin;\n2\tcopied\n3\tcopied\n\\.\n",
            "DO $$\nBEGIN\n  PERFORM 1;\nEND\n$$;\n",
            "INSERT INTO t VALUES (4, '" + LONG_NOTE + "');\n", // too long to go with others: sent on its own
            "COMMENT ON TABLE t IS 'notes';\n",
            "UPDATE t SET note = note || '!' WHERE id = 1;\n");

    @TempDir
    Path root;
    private MigrationsFixture db;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "together_" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aFailureAnywhereInTheFileIsNamedWithItsOwnLineAndNothingOfTheFileIsLeft() throws Exception {
        for (int at = 0; at <= STATEMENTS.size(); at++) {
            // before some statements an error the server finds in the text, before others one it meets running it
            boolean parseError = at % 2 == 0;
            String failing = parseError ? "SELECT no_such_column\n  FROM pg_class;\n" : "SELECT 1 / 0;\n";
            List<String> file = new ArrayList<>(STATEMENTS);
            file.add(at, failing);
            db.file("20250101_notes.sql", String.join("", file));
            int line = 1 + String.join("", file.subList(0, at)).split("\n", -1).length - 1;

            PmovesException e = assertThrows(PmovesException.class, db::apply, "failing statement at " + at);
            String expected = "20250101_notes.sql:" + line + (parseError ? ":8: ERROR 42703: column \"no_such_column\""
                    : ":1: ERROR 22012: division by zero");
            assertTrue(e.getMessage().startsWith(expected), "failing statement at " + at + ": " + e.getMessage());
            assertFalse(db.exists("t"), "rolled back whole, failing statement at " + at);
            assertEquals(List.of(), db.versions());
        }
    }

    /**
     * The history row goes with the file's last statements and the commit, its values written into the statement: they
     * read back as the file's statements, whether the session's strings take backslashes as escapes or not, even when
     * the file itself switched that for its transaction.
     */
    @Test
    void theRowSentWithTheStatementsHoldsThemAsWritten() throws Exception {
        String text = "CREATE TABLE q (note text);\n"
                + "INSERT INTO q VALUES ('it''s a ''quote''; ünïcødé $$ $x$ \\d');\n"
                + "COMMENT ON TABLE q IS E'line\\nbreak \\\\ ''end''';\n"
                + "SET LOCAL standard_conforming_strings = off;\n";
        for (boolean conforming : new boolean[] {true, false}) {
            db.execute("ALTER DATABASE " + db.database.name() + " SET standard_conforming_strings = " + conforming);
            db.execute("DROP TABLE IF EXISTS q; DROP SCHEMA IF EXISTS supabase_migrations CASCADE");
            Path file = db.file("20250101_quotes.sql", text).directory.resolve("20250101_quotes.sql");
            db.apply();
            List<String> expected = ai.pmoves.engine.migration.MigrationScript.read(file).statements().stream()
                    .map(ai.pmoves.engine.sql.SqlStatement::sql).toList();
            assertEquals(4, expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(List.of(expected.get(i)), db.column("SELECT statements[" + (i + 1) + "] FROM "
                        + MigrationsFixture.HISTORY), "statement " + (i + 1) + ", standard_conforming_strings " + conforming);
            }
            assertEquals(List.of("quotes|applied|true|true"), db.column("SELECT name || '|' || state || '|' || (checksum IS"
                    + " NOT NULL) || '|' || (execution_ms >= 0 AND applied_by = current_user) FROM "
                    + MigrationsFixture.HISTORY), "standard_conforming_strings " + conforming);
        }
    }

    /**
     * A constraint checked at the commit, which now goes with the statements, still fails the file as a whole, and the
     * message blames the commit, not the history row sent before it. With a lock timeout the statements go one at a
     * time and the driver commits: the same message.
     */
    @Test
    void aConstraintCheckedAtTheCommitRollsTheFileBackStopsTheRunAndIsNamedAsTheCommits() throws Exception {
        db.file("20250101_parent.sql", "CREATE TABLE parent (id int PRIMARY KEY);\n");
        db.file("20250102_child.sql", "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY"
                + " DEFERRED);\nINSERT INTO child VALUES (7);\nINSERT INTO parent VALUES (1);\n");
        db.file("20250103_after.sql", "CREATE TABLE after_child (id int);\n");
        for (ApplyOptions options : List.of(db.options(), db.options().withMigrationLockWait(
                LockWait.of(Duration.ofSeconds(5))))) {
            PmovesException e = assertThrows(PmovesException.class, () -> db.apply(options));
            String m = e.getMessage();
            assertTrue(m.startsWith("20250102_child.sql, when its transaction committed after its last statement:"
                    + " ERROR 23503: insert or update on table \"child\" violates foreign key constraint"), m);
            assertTrue(m.contains("\n  Detail: Key (parent_id)=(7) is not present in table \"parent\"."), m);
            assertTrue(m.contains("DEFERRABLE INITIALLY DEFERRED") && m.contains("SET CONSTRAINTS ALL IMMEDIATE"), m);
            assertTrue(m.contains("Migration 20250102_child.sql was rolled back: none of it is applied"), m);
            assertFalse(m.contains("Cannot record"), m);
            assertEquals(List.of("20250101"), db.versions());
            assertFalse(db.exists("child"), "rolled back whole");
            assertFalse(db.exists("after_child"), "nothing after it ran");
        }
    }

    @Test
    void everyStatementRunsInOrderAndTheHistoryRowHoldsThemAll() throws Exception {
        db.file("20250101_notes.sql", String.join("", STATEMENTS));
        db.apply();
        assertEquals(List.of("1|one; two!", "2|copied", "3|copied", "4|70000"), db.column("SELECT id || '|' || CASE"
                + " WHEN length(note) > 100 THEN length(note)::text ELSE note END FROM t ORDER BY id"));
        assertEquals(List.of("notes"), db.column("SELECT obj_description('t'::regclass)"));
        assertEquals(List.of(Integer.toString(STATEMENTS.size())), db.column("SELECT cardinality(statements) FROM "
                + MigrationsFixture.HISTORY + " WHERE version = '20250101'"));
    }
}
