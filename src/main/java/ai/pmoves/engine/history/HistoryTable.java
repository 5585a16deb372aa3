package ai.pmoves.engine.history;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.SchemaChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migration history (DESIGN §5): by default the Supabase CLI's own {@code supabase_migrations.schema_migrations}
 * ({@code version text primary key, statements text[], name text}) plus the plugin's nullable columns, so the CLI,
 * Studio and the plugin agree on what ran.
 */
public final class HistoryTable {
    /** The plugin's columns and the SQL type each must have; the CLI's three come first. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("version", "text");
        COLUMNS.put("statements", "text[]");
        COLUMNS.put("name", "text");
        COLUMNS.put("checksum", "text");
        COLUMNS.put("applied_at", "timestamp");
        COLUMNS.put("execution_ms", "integer");
        COLUMNS.put("applied_by", "text");
        COLUMNS.put("state", "text");
    }

    /** information_schema data types each column accepts (a CLI table may use varchar). */
    private static final Map<String, Set<String>> ACCEPTED_TYPES = Map.of(
            "version", Set.of("text", "character varying"),
            "statements", Set.of("ARRAY"),
            "name", Set.of("text", "character varying"),
            "checksum", Set.of("text", "character varying"),
            "applied_at", Set.of("timestamp without time zone", "timestamp with time zone"),
            "execution_ms", Set.of("integer", "bigint"),
            "applied_by", Set.of("text", "character varying"),
            "state", Set.of("text", "character varying"));

    private final TableName name;

    public HistoryTable(TableName name) {
        this.name = name;
    }

    public TableName name() {
        return name;
    }

    /** The statements that create the table where missing and add the plugin's columns to a CLI-made one. */
    public List<String> createStatements() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SCHEMA IF NOT EXISTS " + name.schema());
        sql.addAll(tableStatements());
        return sql;
    }

    private List<String> tableStatements() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE IF NOT EXISTS " + name + " (version text NOT NULL PRIMARY KEY, statements text[],"
                + " name text, checksum text, applied_at timestamp, execution_ms integer, applied_by text, state text)");
        StringBuilder alter = new StringBuilder("ALTER TABLE " + name);
        String sep = " ";
        for (Map.Entry<String, String> c : COLUMNS.entrySet()) {
            if (!c.getKey().equals("version")) {
                alter.append(sep).append("ADD COLUMN IF NOT EXISTS ").append(c.getKey()).append(' ').append(c.getValue());
                sep = ", ";
            }
        }
        sql.add(alter.toString());
        return sql;
    }

    /**
     * Makes sure the table exists and can hold our rows: creates it if missing, checks the shape of one that exists
     * (refusing, with the reason, a table that cannot hold text versions), adds our nullable columns. Commits.
     */
    public void ensure(Connection connection) {
        try {
            Map<String, Column> existing = columns(connection);
            if (!existing.isEmpty()) {
                checkShape(existing);
            }
            if (existing.isEmpty() || !existing.keySet().containsAll(COLUMNS.keySet())) {
                SchemaChange.runInSchema(connection, name.schema(), tableStatements());
            }
        } catch (SQLException e) {
            throw new PmovesException("Cannot create or extend the history table " + name + ": " + e.getMessage()
                    + ". The user needs CREATE on the database (for the schema) or on schema " + name.schema() + ".", e);
        }
    }

    /** Whether the table exists; status and dry runs read without creating anything. */
    public boolean exists(Connection connection) throws SQLException {
        return !columns(connection).isEmpty();
    }

    /** Every row, in insertion-independent version order; empty when the table does not exist. */
    public List<HistoryRow> readAll(Connection connection) {
        try {
            Map<String, Column> existing = columns(connection);
            if (existing.isEmpty()) {
                return List.of();
            }
            checkShape(existing);
            String select = "SELECT version, " + col(existing, "name") + ", " + col(existing, "checksum") + ", "
                    + col(existing, "applied_at") + ", " + col(existing, "execution_ms") + ", "
                    + col(existing, "applied_by") + ", " + col(existing, "state") + " FROM " + name + " ORDER BY version";
            List<HistoryRow> rows = new ArrayList<>();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(select)) {
                boolean zoned = existing.containsKey("applied_at")
                        && existing.get("applied_at").dataType().equals("timestamp with time zone");
                while (rs.next()) {
                    LocalDateTime at = zoned ? localOf(rs.getTimestamp(4)) : rs.getObject(4, LocalDateTime.class);
                    int ms = rs.getInt(5);
                    Integer executionMs = rs.wasNull() ? null : ms; // right after getInt: wasNull reads the last get
                    rows.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), at, executionMs,
                            rs.getString(6), rs.getString(7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PmovesException("Cannot read the history table " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A {@code timestamptz} someone chose for the column, in the JVM's zone as before. Our own {@code timestamp} is
     * read straight into a LocalDateTime: {@code getTimestamp} builds a Calendar per row, a tenth of a second at 10,000.
     */
    private static LocalDateTime localOf(Timestamp at) {
        return at == null ? null : at.toLocalDateTime();
    }

    /** The insert of one row; parameters: version, name, statements, checksum, execution_ms, state. */
    public String insertSql() {
        return "INSERT INTO " + name + " (version, name, statements, checksum, applied_at, execution_ms, applied_by, state)"
                + " VALUES (?, ?, ?, ?, timezone('UTC', now()), ?, current_user, ?)";
    }

    /** Writes one row in the connection's current transaction. */
    public void insert(Connection connection, String version, String rowName, String[] statements, String checksum,
                       Integer executionMs, String state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insertSql())) {
            ps.setString(1, version);
            ps.setString(2, rowName);
            ps.setArray(3, statements == null ? null : connection.createArrayOf("text", statements));
            ps.setString(4, checksum);
            if (executionMs == null) {
                ps.setNull(5, java.sql.Types.INTEGER);
            } else {
                ps.setInt(5, executionMs);
            }
            ps.setString(6, state);
            ps.executeUpdate();
        }
    }

    /** Deletes the row of {@code version} in the connection's current transaction; returns whether there was one. */
    public boolean delete(Connection connection, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(deleteSql())) {
            ps.setString(1, version);
            return ps.executeUpdate() > 0;
        }
    }

    /** The delete of one row; parameter: version. */
    public String deleteSql() {
        return "DELETE FROM " + name + " WHERE version = ?";
    }

    /** Marks the row of {@code version} as {@code failed}: later runs refuse to go on until it is repaired. */
    public void markFailed(Connection connection, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name + " SET state = ? WHERE version = ?")) {
            ps.setString(1, HistoryRow.FAILED);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    /**
     * Turns a row into an applied one that was not run by the plugin: state {@code applied}, the file's checksum, now
     * as applied_at, the current user as applied_by, no execution time.
     */
    public void markApplied(Connection connection, String version, String checksum) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name + " SET state = ?, checksum = ?,"
                + " applied_at = timezone('UTC', now()), applied_by = current_user, execution_ms = NULL"
                + " WHERE version = ?")) {
            ps.setString(1, HistoryRow.APPLIED);
            ps.setString(2, checksum);
            ps.setString(3, version);
            ps.executeUpdate();
        }
    }

    /** Stores a new checksum for a row, leaving everything else as it was. */
    public void updateChecksum(Connection connection, String version, String checksum) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name + " SET checksum = ? WHERE version = ?")) {
            ps.setString(1, checksum);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    private record Column(String dataType, boolean nullable, boolean hasDefault) {
    }

    private Map<String, Column> columns(Connection connection) throws SQLException {
        Map<String, Column> columns = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, data_type, is_nullable,"
                + " column_default IS NOT NULL OR is_identity = 'YES' OR is_generated <> 'NEVER'"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, name.schema());
            ps.setString(2, name.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), new Column(rs.getString(2), "YES".equals(rs.getString(3)),
                            rs.getBoolean(4)));
                }
            }
        }
        return columns;
    }

    /** Refuses a table that cannot hold our rows, saying what is wrong and what to do. */
    private void checkShape(Map<String, Column> existing) {
        Column version = existing.get("version");
        if (version == null) {
            throw shapeError("it has no 'version' column");
        }
        for (Map.Entry<String, Column> c : existing.entrySet()) {
            Set<String> accepted = ACCEPTED_TYPES.get(c.getKey());
            if (accepted != null && !accepted.contains(c.getValue().dataType())) {
                throw shapeError("its column '" + c.getKey() + "' is " + c.getValue().dataType() + ", where "
                        + COLUMNS.get(c.getKey()) + " is needed"
                        + (c.getKey().equals("version") ? " (dashed versions such as 2025-09-08_geometry_bus are text)" : ""));
            }
            if (accepted == null && !c.getValue().nullable() && !c.getValue().hasDefault()) {
                throw shapeError("its column '" + c.getKey() + "' is NOT NULL without a default, and the plugin does not"
                        + " write it");
            }
        }
    }

    private PmovesException shapeError(String why) {
        return new PmovesException("The history table " + name + " cannot hold this plugin's rows: " + why + ". It looks"
                + " like another tool's table (Realtime/Ecto's public.schema_migrations has version bigint and"
                + " inserted_at). Point historyTable (-Dpmoves.historyTable) at another table, e.g. the default"
                + " supabase_migrations.schema_migrations.");
    }

    private static String col(Map<String, Column> existing, String column) {
        return existing.containsKey(column) ? column : "NULL";
    }
}
