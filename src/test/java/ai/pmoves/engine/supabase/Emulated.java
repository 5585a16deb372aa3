package ai.pmoves.engine.supabase;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/** A new database for one test, prepared as supabaseCompat=emulate leaves it, and the preparation's lines. */
record Emulated(TestPostgres.Database db, List<PreparedItem> items) {
    static Emulated database(String prefix, TestInfo test) throws SQLException {
        TestPostgres.Database db = TestPostgres.newDatabase(prefix + test.getTestMethod().orElseThrow().getName());
        try (Connection c = db.connect()) {
            return new Emulated(db, SupabasePreparation.prepare(c, true));
        }
    }

    /** The line of one piece, as the log shows it. */
    String line(String what) {
        return items.stream().filter(i -> i.what().equals(what)).findFirst().orElseThrow().toString();
    }
}
