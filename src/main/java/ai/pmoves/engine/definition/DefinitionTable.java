package ai.pmoves.engine.definition;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.SchemaChange;
import ai.pmoves.engine.history.CatalogColumns;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.script.DryRunScript;
import ai.pmoves.engine.seed.SeedRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition table, {@code definition_files} in the history table's schema (next to the seed table): one row per
 * definition with the checksum it last ran with, when, and how long it took.
 */
public final class DefinitionTable {
    static final String TABLE = "definition_files";

    private final TableName name;

    /** The definition table that goes with {@code historyTable}. */
    public DefinitionTable(TableName historyTable) {
        this.name = new TableName(historyTable.schema(), TABLE);
    }

    public TableName name() {
        return name;
    }

    List<String> createStatements() {
        return List.of("CREATE TABLE IF NOT EXISTS " + name + " (path text NOT NULL PRIMARY KEY,"
                + " checksum text NOT NULL, applied_at timestamp NOT NULL, execution_ms integer NOT NULL)");
    }

    /** Creates the table (and its schema) where missing. Commits. */
    void ensure(Connection connection) {
        try {
            if (!exists(connection)) {
                SchemaChange.runInSchema(connection, name.schema(), createStatements());
            }
        } catch (SQLException e) {
            throw SchemaChange.failed(connection, "create the definition table " + name, name.schema(), e);
        }
    }

    boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, name.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Every row by path, as seed rows (the checksum as their hash); empty when the table does not exist. */
    public Map<String, SeedRow> readAll(Connection connection) {
        return readAll(connection, null);
    }

    /** {@link #readAll(Connection)}, with whether the table exists from {@code known} when it holds its columns. */
    public Map<String, SeedRow> readAll(Connection connection, CatalogColumns known) {
        Map<String, SeedRow> rows = new HashMap<>();
        try {
            Map<String, CatalogColumns.Column> columns = known == null ? null : known.columns(name);
            if (columns != null ? columns.isEmpty() : !exists(connection)) {
                return rows;
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT path, checksum, applied_at, execution_ms FROM " + name)) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3);
                    rows.put(rs.getString(1), new SeedRow(rs.getString(1), rs.getString(2),
                            at == null ? null : at.toLocalDateTime(), rs.getInt(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PmovesException("Cannot read the definition table " + name + ": " + e.getMessage()
                    + ". It must have the columns path, checksum, applied_at and execution_ms.", e);
        }
    }

    /** Records that {@code path} ran with {@code checksum}, in the connection's current transaction. */
    void record(Connection connection, String path, String checksum, int executionMs) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(upsert("?", "?", "?"))) {
            ps.setString(1, path);
            ps.setString(2, checksum);
            ps.setInt(3, executionMs);
            ps.executeUpdate();
        }
    }

    /** The row's write as a dry run shows it. */
    String recordSql(String path, String checksum) {
        return upsert(DryRunScript.literal(path), DryRunScript.literal(checksum), "0") + ";";
    }

    private String upsert(String path, String checksum, String executionMs) {
        return "INSERT INTO " + name + " (path, checksum, applied_at, execution_ms) VALUES (" + path + ", " + checksum
                + ", timezone('UTC', now()), " + executionMs + ") ON CONFLICT (path) DO UPDATE SET checksum ="
                + " excluded.checksum, applied_at = excluded.applied_at, execution_ms = excluded.execution_ms";
    }
}
