package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the plugin's transactions end, against a real PostgreSQL: committed only when their work returns, rolled back
 * whatever else ends them, an Error of the JVM included, and never committed by switching auto-commit back on.
 */
class TransactionsTest {
    static TestPostgres.Database db;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase("transactions");
    }

    @Test
    void workThatReturnsIsCommittedAndTheAutoCommitModeRestored() throws Exception {
        try (Connection c = db.connect()) {
            assertEquals("done", Transactions.inOne(c, () -> {
                execute(c, "CREATE TABLE returned (id int)");
                return "done";
            }));
            assertTrue(c.getAutoCommit());
        }
        assertTrue(db.exists("returned"));
    }

    @Test
    void anErrorOfTheJvmRollsTheWorkBackAndIsRethrownAsItWas() throws Exception {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        try (Connection c = db.connect()) {
            OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> Transactions.inOne(c, () -> {
                execute(c, "CREATE TABLE half_done (id int)");
                throw error; // the work's own seam: what a statement too long for the heap would throw
            }));
            assertSame(error, thrown);
            assertTrue(c.getAutoCommit(), "back in auto-commit, only after the rollback");
            assertFalse(Transactions.inBlock(c));
        }
        assertFalse(db.exists("half_done"));
    }

    @Test
    void aBlockAFileOpenedInAutoCommitIsRolledBackToo() throws Exception {
        try (Connection c = db.connect()) {
            execute(c, "BEGIN");
            execute(c, "CREATE TABLE in_block (id int)");
            assertTrue(Transactions.inBlock(c));
            assertTrue(Transactions.rollBackQuietly(c));
            assertFalse(Transactions.inBlock(c));
            assertEquals(List.of("f"), column(c, "SELECT to_regclass('in_block') IS NOT NULL"));
        }
    }

    @Test
    void aBrokenConnectionIsReportedSoThatNothingCommitsOnIt() throws Exception {
        Connection c = db.connect();
        c.setAutoCommit(false);
        c.close();
        assertFalse(Transactions.rollBackQuietly(c));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return List.of(rs.getString(1));
        }
    }
}
