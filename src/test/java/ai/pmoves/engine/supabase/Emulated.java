package ai.pmoves.engine.supabase;

import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/** A new database for one test, prepared as supabaseCompat=emulate leaves it, and the preparation's lines. */
record Emulated(TestPostgres.Database db, List<PreparedItem> items) {
    static Emulated database(String prefix, TestInfo test) throws SQLException {
        return database(prefix + test.getTestMethod().orElseThrow().getName());
    }

    static Emulated database(String name) throws SQLException {
        TestPostgres.Database db = TestPostgres.newDatabase(name);
        try (Connection c = db.connect()) {
            return new Emulated(db, SupabasePreparation.prepare(c, true));
        }
    }

    Connection connect() throws SQLException {
        return db.connect();
    }

    /** The connection the files run on: a file's statements about a stood-in extension run as nothing. */
    static Connection forFiles(Connection connection, RecordingLog log) throws SQLException {
        return StandInConnection.wrap(connection, SupabasePreparation.stoodInExtensions(connection), log);
    }

    /** Runs statements as a file's, one call each, and returns the lines they logged. */
    List<String> runAsFiles(String... statements) throws SQLException {
        RecordingLog log = new RecordingLog();
        try (Connection c = connect(); Connection files = forFiles(c, log); Statement st = files.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
        return log.lines;
    }

    /** The line of one piece, as the log shows it. */
    String line(String what) {
        return items.stream().filter(i -> i.what().equals(what)).findFirst().orElseThrow().toString();
    }
}
