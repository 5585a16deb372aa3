package ai.pmoves.engine.locks;

import ai.pmoves.engine.sql.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How big the tables a migration locks are on the target: the planner's estimate, {@code pg_class.reltuples}, or for
 * a small table the planner has not measured yet, a count. Read-only; a table that does not exist (yet) has no size.
 */
public final class TableSizes {
    /** A table of at most this many pages (8 MB) whose size the planner does not know is counted. */
    private static final long COUNTED_PAGES = 1000;
    private static final String LOOKUP = """
            SELECT format('%I.%I', n.nspname, c.relname), c.reltuples::bigint, c.relpages
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = pg_catalog.to_regclass(?)""";

    /**
     * A table as the target knows it.
     *
     * @param name its schema-qualified name
     * @param rows its rows, estimated or counted; -1 when neither could be had
     */
    public record Size(String name, long rows) {
    }

    private final Connection connection;
    private final Map<String, Size> cache = new HashMap<>();

    /** Sizes read on {@code connection}, whose search path resolves the unqualified names. */
    public TableSizes(Connection connection) {
        this.connection = connection;
    }

    /** The size of {@code relation} as a {@link StatementLock} names it; null when the target has no such table. */
    public Size of(String relation) throws SQLException {
        if (cache.containsKey(relation)) {
            return cache.get(relation);
        }
        Size size = lookUp(relation);
        cache.put(relation, size);
        return size;
    }

    private Size lookUp(String relation) throws SQLException {
        String quoted = Arrays.stream(relation.split("\\.")).map(SqlIdentifier::quote)
                .collect(Collectors.joining("."));
        String name;
        long rows;
        long pages;
        try (PreparedStatement ps = connection.prepareStatement(LOOKUP)) {
            ps.setString(1, quoted);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                name = rs.getString(1);
                rows = rs.getLong(2);
                pages = rs.getLong(3);
            }
        }
        if (rows < 0 && pages <= COUNTED_PAGES) {
            rows = count(quoted);
        }
        return new Size(name, rows);
    }

    /** Counts a small table's rows, giving up (-1) rather than waiting behind a lock someone holds on it. */
    private long count(String quoted) {
        try (Statement st = connection.createStatement()) {
            st.execute("SET lock_timeout = '1s'");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quoted)) {
                return rs.next() ? rs.getLong(1) : -1;
            } finally {
                st.execute("RESET lock_timeout");
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /** {@code 12 rows}, {@code ≈12.3k rows}, {@code ≈1.2M rows}, {@code ≈3.4G rows}. */
    public static String approximately(long rows) {
        if (rows < 1000) {
            return rows + (rows == 1 ? " row" : " rows");
        }
        String[] units = {"k", "M", "G", "T"};
        double v = rows;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String number = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)
                .replaceAll("\\.0$", "");
        return "≈" + number + units[u] + " rows";
    }
}
