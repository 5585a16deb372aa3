package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.supabase.SupabasePreparation;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that only reads (default_transaction_read_only on) is reported as such, with where the setting comes
 * from and how to lift it: never as a missing privilege, which no GRANT would fix.
 */
class ReadOnlyDatabaseTest {
    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "read_only_" + test.getTestMethod().orElseThrow().getName());
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
    }

    private void readOnlyDatabase() throws Exception {
        db.execute("ALTER DATABASE " + db.database.name() + " SET default_transaction_read_only = on");
    }

    @Test
    void aHistoryTableThatCannotBeCreatedOnAReadOnlyDatabaseSaysTheDatabaseIsReadOnlyNotThatCreateIsMissing()
            throws Exception {
        readOnlyDatabase();
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("Cannot create or extend the history table"
                + " supabase_migrations.schema_migrations: ERROR: cannot execute CREATE SCHEMA in a read-only"
                + " transaction."), e.getMessage());
        assertTrue(e.getMessage().contains("The database is read-only: default_transaction_read_only is on for database "
                + db.database.name() + ". If it should be written, have its owner run SET default_transaction_read_only"
                + " = off; ALTER DATABASE " + db.database.name() + " RESET default_transaction_read_only;"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was changed."), e.getMessage());
        assertFalse(e.getMessage().contains("needs CREATE"), e.getMessage());
        assertFalse(db.exists("supabase_migrations.schema_migrations"));
    }

    @Test
    void aConnectionThatAsksForReadOnlyIsToldToStopAsking() throws Exception {
        ConnectionSettings readOnly = ConnectionSettings.resolve(db.database.url()
                + "?options=-c%20default_transaction_read_only%3Don", db.database.user(), db.database.password(),
                Map.of(), 5);
        PmovesException e = assertThrows(PmovesException.class,
                () -> new Migrator(readOnly, db.engineLog()).apply(db.options()));
        assertTrue(e.getMessage().contains("The database is read-only: the connection turns"
                + " default_transaction_read_only on (the options of pmoves.url, or PGOPTIONS). Remove it there."),
                e.getMessage());
    }

    @Test
    void aMigrationRefusedByADatabaseThatTurnedReadOnlySaysSoAfterTheServersError() throws Exception {
        db.apply(); // the history tables exist: nothing is created before the next migration runs
        db.file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        readOnlyDatabase();
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("20250102_b.sql:1:1: ERROR 25006: cannot execute CREATE TABLE in a"
                + " read-only transaction"), e.getMessage());
        assertTrue(e.getMessage().contains("was rolled back: none of it is applied, and nothing after it ran. The"
                + " database is read-only: default_transaction_read_only is on for database"), e.getMessage());
        assertFalse(e.getMessage().contains("Fix the file"), e.getMessage());
    }

    @Test
    void aFileThatMakesItsOwnTransactionReadOnlyIsNotBlamedOnTheDatabase() throws Exception {
        db.file("20250102_b.sql", "SET TRANSACTION READ ONLY;\nCREATE TABLE b (id int);\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("20250102_b.sql:2:1: ERROR 25006:"), e.getMessage());
        assertFalse(e.getMessage().contains("The database is read-only"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix the file and run again."), e.getMessage());
    }

    @Test
    void theSupabasePreparationOnAReadOnlyDatabaseDoesNotOfferSkippingItAsTheWayOut() throws Exception {
        readOnlyDatabase();
        PmovesException e;
        try (Connection c = db.database.connect()) {
            e = assertThrows(PmovesException.class, () -> SupabasePreparation.prepare(c, false));
        }
        assertTrue(e.getMessage().startsWith("Supabase preparation failed: ERROR: cannot execute"), e.getMessage());
        assertTrue(e.getMessage().contains("in a read-only transaction. The database is read-only:"
                + " default_transaction_read_only is on for database"), e.getMessage());
        assertFalse(e.getMessage().contains("supabaseCompat=off"), e.getMessage());
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM pg_namespace WHERE nspname = 'auth'"));
    }
}
