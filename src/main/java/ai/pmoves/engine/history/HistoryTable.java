package ai.pmoves.engine.history;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.Pooler;
import ai.pmoves.engine.db.SchemaChange;
import ai.pmoves.engine.history.CatalogColumns.Column;
import java.nio.charset.StandardCharsets;
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
import org.postgresql.core.Utils;

/**
 * The migration history: by default the Supabase CLI's own {@code supabase_migrations.schema_migrations}
 * ({@code version text primary key, statements text[], name text}) plus the plugin's nullable columns, so the CLI,
 * Studio and the plugin agree on what ran. The CLI reads every row of it as applied, so it holds only what ran to the
 * end (and baselines); a file that failed part-way is recorded beside it, in a table only the plugin reads
 * ({@code <history table>_failed}), and reads back as a {@code failed} row.
 */
public final class HistoryTable {
    /** The Supabase CLI's table, which the plugin uses unless told otherwise. */
    public static final TableName DEFAULT_NAME = new TableName("supabase_migrations", "schema_migrations");

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

    /** The data types each column accepts, as information_schema names them (a CLI table may use varchar). */
    private static final Map<String, Set<String>> ACCEPTED_TYPES = Map.of(
            "version", Set.of("text", "character varying"),
            "statements", Set.of("ARRAY"),
            "name", Set.of("text", "character varying"),
            "checksum", Set.of("text", "character varying"),
            "applied_at", Set.of("timestamp without time zone", "timestamp with time zone"),
            "execution_ms", Set.of("integer", "bigint"),
            "applied_by", Set.of("text", "character varying"),
            "state", Set.of("text", "character varying"));

    private static final String FAILED_SUFFIX = "_failed";
    /** The columns an applied row is written in, by both inserts. */
    private static final String ROW_COLUMNS =
            " (version, name, statements, checksum, applied_at, execution_ms, applied_by, state)";

    private final TableName name;
    private final TableName failedName;
    /**
     * Whether {@link #readAll} saw both tables with every column: {@link #ensure} then has nothing to do and asks
     * nothing (a round trip, 50 ms to a database 50 ms away), since a run reads and ensures under the migration lock.
     */
    private boolean seenComplete;

    public HistoryTable(TableName name) {
        this.name = name;
        this.failedName = new TableName(name.schema(), withinNameLimit(name.table()) + FAILED_SUFFIX);
    }

    /**
     * {@code table} cut, at a whole character, to leave room for the suffix within the bytes PostgreSQL keeps of a
     * name, as the server would cut it: the failed table's name is then the one the catalog holds.
     */
    private static String withinNameLimit(String table) {
        int room = TableName.MAX_BYTES - FAILED_SUFFIX.length();
        String cut = table;
        while (cut.getBytes(StandardCharsets.UTF_8).length > room) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut;
    }

    /** The history table and the table of failed files beside it. */
    public TableName[] tables() {
        return new TableName[] {name, failedName};
    }

    public TableName name() {
        return name;
    }

    /** The plugin's own table of files that failed part-way, beside the history table. */
    public TableName failedName() {
        return failedName;
    }

    /** The statements that create the table where missing and add the plugin's columns to a CLI-made one. */
    public List<String> createStatements() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SCHEMA IF NOT EXISTS " + name.quotedSchema());
        sql.addAll(tableStatements());
        sql.add(failedTableStatement());
        return sql;
    }

    private String failedTableStatement() {
        return "CREATE TABLE IF NOT EXISTS " + failedName + " (version text NOT NULL PRIMARY KEY, name text,"
                + " statements text[], checksum text, failed_at timestamp, execution_ms integer, failed_by text)";
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
        if (seenComplete) {
            return;
        }
        try {
            List<Map<String, Column>> tables = CatalogColumns.of(connection, name, failedName);
            Map<String, Column> existing = tables.get(0);
            if (!existing.isEmpty()) {
                checkShape(existing);
            }
            boolean failedTableExists = !tables.get(1).isEmpty();
            List<String> statements = new ArrayList<>();
            if (existing.isEmpty() || !existing.keySet().containsAll(COLUMNS.keySet())) {
                statements.addAll(tableStatements());
            }
            if (!failedTableExists) {
                statements.add(failedTableStatement());
            }
            if (!statements.isEmpty()) {
                SchemaChange.runInSchema(connection, name.schema(), statements);
            }
        } catch (SQLException e) {
            throw SchemaChange.failed(connection, "create or extend the history table " + name, name.schema(), e);
        }
    }

    /** Whether the table exists; status and dry runs read without creating anything. */
    public boolean exists(Connection connection) throws SQLException {
        return !CatalogColumns.of(connection, name).get(0).isEmpty();
    }

    /**
     * Every row, in insertion-independent version order, a file that failed part-way as a {@code failed} row; empty
     * when neither table exists.
     */
    public List<HistoryRow> readAll(Connection connection) {
        return readAll(connection, null);
    }

    /** {@link #readAll(Connection)}, with the columns of {@link #tables()} from {@code known} when it holds them. */
    public List<HistoryRow> readAll(Connection connection, CatalogColumns known) {
        try {
            List<Map<String, Column>> tables = CatalogColumns.readUnlessKnown(connection, known, name, failedName);
            Map<String, Column> existing = tables.get(0);
            boolean failedTableExists = !tables.get(1).isEmpty();
            if (existing.isEmpty()) {
                return failedTableExists ? readFailed(connection) : List.of();
            }
            checkShape(existing);
            seenComplete = failedTableExists && existing.keySet().containsAll(COLUMNS.keySet());
            String select = "SELECT version, " + col(existing, "name") + ", " + col(existing, "checksum") + ", "
                    + col(existing, "applied_at") + ", " + col(existing, "execution_ms") + ", "
                    + col(existing, "applied_by") + ", " + col(existing, "state") + " FROM " + name + " ORDER BY version";
            List<HistoryRow> rows = new ArrayList<>();
            try (Statement st = connection.createStatement()) {
                // the failed files' rows in the same round trip: 50 ms less against a database 50 ms away
                st.execute(failedTableExists ? select + "; " + failedSelect() : select);
                boolean zoned = existing.containsKey("applied_at")
                        && existing.get("applied_at").dataType().equals("timestamp with time zone");
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        LocalDateTime at = zoned ? localOf(rs.getTimestamp(4)) : rs.getObject(4, LocalDateTime.class);
                        int ms = rs.getInt(5);
                        Integer executionMs = rs.wasNull() ? null : ms; // right after getInt: wasNull reads the last get
                        rows.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), at, executionMs,
                                rs.getString(6), rs.getString(7)));
                    }
                }
                if (failedTableExists && st.getMoreResults()) {
                    try (ResultSet rs = st.getResultSet()) {
                        return addFailed(rs, rows);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PmovesException("Cannot read the history table " + name + ": " + e.getMessage()
                    + Pooler.advice(e), e);
        }
    }

    private String failedSelect() {
        return "SELECT version, name, checksum, failed_at, execution_ms, failed_by FROM " + failedName
                + " ORDER BY version";
    }

    /** The failed files alone: the history table itself is missing. */
    private List<HistoryRow> readFailed(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(failedSelect())) {
            return addFailed(rs, new ArrayList<>());
        }
    }

    /** Adds the failed files of {@code rs} to {@code rows}: a failed undo marks its applied row, a failed apply adds one. */
    private static List<HistoryRow> addFailed(ResultSet rs, List<HistoryRow> rows) throws SQLException {
        Map<String, Integer> index = new HashMap<>();
        boolean added = false;
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).version(), i);
        }
        while (rs.next()) {
            String version = rs.getString(1);
            Integer at = index.get(version);
            if (at != null) {
                HistoryRow row = rows.get(at);
                rows.set(at, new HistoryRow(version, row.name(), row.checksum(), row.appliedAt(),
                        row.executionMs(), row.appliedBy(), HistoryRow.FAILED));
            } else {
                int ms = rs.getInt(5);
                Integer executionMs = rs.wasNull() ? null : ms;
                rows.add(new HistoryRow(version, rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), executionMs, rs.getString(6), HistoryRow.FAILED));
                added = true;
            }
        }
        if (added) {
            rows.sort(java.util.Comparator.comparing(HistoryRow::version));
        }
        return rows;
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
        return "INSERT INTO " + name + ROW_COLUMNS + " VALUES (?, ?, ?, ?, timezone('UTC', now()), ?, current_user, ?)";
    }

    /**
     * The insert of one row as a statement of its own, the values written in: for sending together with other
     * statements, where no parameter can be bound. Its execution_ms is the server's time since the transaction began.
     */
    public String insertStatement(String version, String rowName, String[] statements, String checksum, String state)
            throws SQLException {
        StringBuilder sql = new StringBuilder(256).append("INSERT INTO ").append(name).append(ROW_COLUMNS)
                .append(" VALUES (");
        literal(sql, version).append(", ");
        literal(sql, rowName).append(", ");
        if (statements == null) {
            sql.append("NULL");
        } else {
            sql.append("ARRAY[");
            for (int i = 0; i < statements.length; i++) {
                literal(sql.append(i == 0 ? "" : ", "), statements[i]);
            }
            sql.append("]::text[]");
        }
        literal(sql.append(", "), checksum).append(", timezone('UTC', now()),"
                + " (extract(epoch FROM clock_timestamp() - now()) * 1000)::integer, current_user, ");
        return literal(sql, state).append(')').toString();
    }

    /**
     * {@code value} as an escape string ({@code E'…'}), or NULL, by the driver's own escaping: it reads the same
     * whatever standard_conforming_strings is when the statement runs, which the file before it may have SET LOCAL.
     */
    static StringBuilder literal(StringBuilder sql, String value) throws SQLException {
        if (value == null) {
            return sql.append("NULL");
        }
        return Utils.escapeLiteral(sql.append("E'"), value, false).append('\'');
    }

    /** Writes one row in the connection's current transaction. */
    public void insert(Connection connection, String version, String rowName, String[] statements, String checksum,
                       Integer executionMs, String state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insertSql())) {
            bindRow(ps, connection, version, rowName, statements, checksum, executionMs);
            ps.setString(6, state);
            ps.executeUpdate();
        }
    }

    /**
     * Deletes the row of {@code version}, and its failure if one is recorded, in the connection's current transaction
     * (after {@link #ensure}); returns whether there was a row.
     */
    public boolean delete(Connection connection, String version) throws SQLException {
        int deleted;
        try (PreparedStatement ps = connection.prepareStatement(deleteSql())) {
            ps.setString(1, version);
            deleted = ps.executeUpdate();
        }
        deleted += deleteFailed(connection, version);
        return deleted > 0;
    }

    /** The delete of one row; parameter: version. */
    public String deleteSql() {
        return "DELETE FROM " + name + " WHERE version = ?";
    }

    /**
     * Records that the file of {@code version} failed part-way (its statements before the failing one took effect), in
     * the plugin's own table and never in the CLI's, which would read it as applied: later runs refuse to go on until
     * it is repaired. The one place every failure (a migration's, a down script's) is recorded; needs {@link #ensure}.
     */
    public void recordFailed(Connection connection, String version, String rowName, String[] statements,
                             String checksum, Integer executionMs) throws SQLException {
        deleteFailed(connection, version);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + failedName + " (version, name,"
                + " statements, checksum, failed_at, execution_ms, failed_by) VALUES (?, ?, ?, ?, timezone('UTC', now()),"
                + " ?, current_user)")) {
            bindRow(ps, connection, version, rowName, statements, checksum, executionMs);
            ps.executeUpdate();
        }
    }

    private int deleteFailed(Connection connection, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + failedName + " WHERE version = ?")) {
            ps.setString(1, version);
            return ps.executeUpdate();
        }
    }

    /** The first five parameters both tables' inserts share: version, name, statements, checksum, execution_ms. */
    private static void bindRow(PreparedStatement ps, Connection connection, String version, String rowName,
                                String[] statements, String checksum, Integer executionMs) throws SQLException {
        ps.setString(1, version);
        ps.setString(2, rowName);
        ps.setArray(3, statements == null ? null : connection.createArrayOf("text", statements));
        ps.setString(4, checksum);
        if (executionMs == null) {
            ps.setNull(5, java.sql.Types.INTEGER);
        } else {
            ps.setInt(5, executionMs);
        }
    }

    /**
     * Turns a failed migration into an applied one that was not run by the plugin: a row in the CLI's table with state
     * {@code applied}, the file's checksum, now as applied_at, the current user as applied_by, no execution time; its
     * failure is forgotten. Needs {@link #ensure}.
     */
    public void markApplied(Connection connection, String version, String checksum) throws SQLException {
        int updated;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name + " SET state = ?, checksum = ?,"
                + " applied_at = timezone('UTC', now()), applied_by = current_user, execution_ms = NULL"
                + " WHERE version = ?")) {
            ps.setString(1, HistoryRow.APPLIED);
            ps.setString(2, checksum);
            ps.setString(3, version);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + name + " (version, name,"
                    + " statements, checksum, applied_at, applied_by, state) SELECT version, name, statements, ?,"
                    + " timezone('UTC', now()), current_user, ? FROM " + failedName + " WHERE version = ?")) {
                ps.setString(1, checksum);
                ps.setString(2, HistoryRow.APPLIED);
                ps.setString(3, version);
                ps.executeUpdate();
            }
        }
        deleteFailed(connection, version);
    }

    /** Stores a new checksum for a row, leaving everything else as it was. */
    public void updateChecksum(Connection connection, String version, String checksum) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name + " SET checksum = ? WHERE version = ?")) {
            ps.setString(1, checksum);
            ps.setString(2, version);
            ps.executeUpdate();
        }
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
