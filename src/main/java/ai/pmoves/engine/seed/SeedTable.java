package ai.pmoves.engine.seed;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.SchemaChange;
import ai.pmoves.engine.history.CatalogColumns;
import ai.pmoves.engine.history.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed table (design.md: History tables): the Supabase CLI's {@code seed_files (path text primary key, hash text)}
 * plus the plugin's nullable {@code applied_at} and {@code execution_ms}, so {@code supabase db push --include-seed}
 * and the plugin agree on which seeds ran.
 */
public final class SeedTable {
    /** Where seeds are recorded unless told otherwise. */
    public static final TableName DEFAULT_NAME = new TableName("supabase_migrations", "seed_files");

    private final TableName name;

    public SeedTable(TableName name) {
        this.name = name;
    }

    public TableName name() {
        return name;
    }

    /**
     * Creates the table where missing and adds the plugin's columns to one the CLI made; refuses a table without
     * {@code path} and {@code hash}. Commits.
     */
    public void ensure(Connection connection) {
        try {
            Map<String, String> columns = columns(connection, null);
            checkShape(columns);
            if (columns.keySet().containsAll(Set.of("path", "hash", "applied_at", "execution_ms"))) {
                return;
            }
            SchemaChange.runInSchema(connection, name.schema(), List.of(
                    "CREATE TABLE IF NOT EXISTS " + name + " (path text NOT NULL PRIMARY KEY, hash text NOT NULL,"
                            + " applied_at timestamp, execution_ms integer)",
                    "ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS applied_at timestamp,"
                            + " ADD COLUMN IF NOT EXISTS execution_ms integer"));
        } catch (SQLException e) {
            throw SchemaChange.failed(connection, "create or extend the seed table " + name, name.schema(), e);
        }
    }

    /** Every row by path; empty when the table does not exist. Creates nothing. */
    public Map<String, SeedRow> readAll(Connection connection) {
        return readAll(connection, null);
    }

    /** {@link #readAll(Connection)}, with the table's columns from {@code known} when it holds them. */
    public Map<String, SeedRow> readAll(Connection connection, CatalogColumns known) {
        try {
            Map<String, String> columns = columns(connection, known);
            Map<String, SeedRow> rows = new HashMap<>();
            if (columns.isEmpty()) {
                return rows;
            }
            checkShape(columns);
            String select = "SELECT path, hash, " + (columns.containsKey("applied_at") ? "applied_at" : "NULL") + ", "
                    + (columns.containsKey("execution_ms") ? "execution_ms" : "NULL") + " FROM " + name;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(select)) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3);
                    int ms = rs.getInt(4);
                    rows.put(rs.getString(1), new SeedRow(rs.getString(1), rs.getString(2),
                            at == null ? null : at.toLocalDateTime(), rs.wasNull() ? null : ms));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PmovesException("Cannot read the seed table " + name + ": " + e.getMessage(), e);
        }
    }

    /** Records that {@code path} ran with {@code hash}, in the connection's current transaction. */
    public void record(Connection connection, String path, String hash, int executionMs) throws SQLException {
        // Update, else insert: works under the lock without relying on the primary key a hand-made table may lack.
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + name
                + " SET hash = ?, applied_at = timezone('UTC', now()), execution_ms = ? WHERE path = ?")) {
            update.setString(1, hash);
            update.setInt(2, executionMs);
            update.setString(3, path);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name
                + " (path, hash, applied_at, execution_ms) VALUES (?, ?, timezone('UTC', now()), ?)")) {
            insert.setString(1, path);
            insert.setString(2, hash);
            insert.setInt(3, executionMs);
            insert.executeUpdate();
        }
    }

    /** Column name to data type; empty when the table does not exist. Asks only when {@code known} does not say. */
    private Map<String, String> columns(Connection connection, CatalogColumns known) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        CatalogColumns.readUnlessKnown(connection, known, name).get(0)
                .forEach((column, shape) -> columns.put(column, shape.dataType()));
        return columns;
    }

    private void checkShape(Map<String, String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        for (String column : List.of("path", "hash")) {
            String type = columns.get(column);
            if (type == null || !(type.equals("text") || type.equals("character varying"))) {
                throw new PmovesException("The seed table " + name + " cannot hold this plugin's rows: "
                        + (type == null ? "it has no '" + column + "' column" : "its column '" + column + "' is " + type)
                        + ", where the Supabase CLI's seed_files has path text and hash text. Point seedTable"
                        + " (-Dpmoves.seedTable) at another table, e.g. the default supabase_migrations.seed_files.");
            }
        }
    }
}
