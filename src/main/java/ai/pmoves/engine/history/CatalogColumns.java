package ai.pmoves.engine.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the plugin's own tables, read from {@code pg_catalog} in one query. {@code information_schema.columns}
 * says the same, but a fresh backend takes about 20 ms to plan that view, and each goal asks it on a fresh backend, two
 * or three times. Types are named as information_schema names them: a domain by its base type, any array as
 * {@code ARRAY}, a type outside pg_catalog as {@code USER-DEFINED}.
 */
public final class CatalogColumns {
    /**
     * information_schema.columns' data_type and is_nullable, computed as that view computes them, for the tables named
     * in the VALUES list that {@link #of} puts between the two halves: the names go as literals in a plain query, which
     * a goal's first query on a cold driver runs in half the time of an array parameter (its encoder loaded and run).
     */
    private static final String SELECT = """
            SELECT t.i, a.attname,
                   CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY'
                        WHEN bt.typnamespace = 'pg_catalog'::regnamespace THEN pg_catalog.format_type(bt.oid, NULL)
                        ELSE 'USER-DEFINED' END,
                   NOT (a.attnotnull OR (ty.typtype = 'd' AND ty.typnotnull)),
                   a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
            FROM (VALUES\s""";
    private static final String FROM = """
            ) AS t(i, name)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = pg_catalog.to_regclass(t.name)
            JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
            JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.oid END
            WHERE a.attnum > 0 AND NOT a.attisdropped""";

    /** A column: its type as information_schema's {@code data_type} names it, whether it takes NULL, whether it fills itself. */
    public record Column(String dataType, boolean nullable, boolean hasDefault) {
    }

    /** Each table's columns, by the table's name as SQL writes it ({@link TableName#toString()}). */
    private final Map<String, Map<String, Column>> byTable;

    private CatalogColumns(Map<String, Map<String, Column>> byTable) {
        this.byTable = byTable;
    }

    /**
     * The columns of {@code tables}, read in one query: a goal that reads several of the plugin's tables (status reads
     * four) asks once for all of them, one round trip instead of one each.
     */
    public static CatalogColumns read(Connection connection, TableName... tables) throws SQLException {
        List<Map<String, Column>> columns = of(connection, tables);
        Map<String, Map<String, Column>> byTable = new HashMap<>();
        for (int i = 0; i < tables.length; i++) {
            byTable.put(tables[i].toString(), columns.get(i));
        }
        return new CatalogColumns(byTable);
    }

    /** The columns of {@code table}, none when it does not exist; null when it was not among the tables read. */
    public Map<String, Column> columns(TableName table) {
        return byTable.get(table.toString());
    }

    /**
     * {@link #of}, answered from {@code known} when it read all of {@code tables}; read now, in one query, when it is
     * null or lacks one of them.
     */
    public static List<Map<String, Column>> readUnlessKnown(Connection connection, CatalogColumns known,
                                                            TableName... tables) throws SQLException {
        List<Map<String, Column>> columns = new ArrayList<>(tables.length);
        for (TableName table : tables) {
            Map<String, Column> read = known == null ? null : known.columns(table);
            if (read == null) {
                return of(connection, tables);
            }
            columns.add(read);
        }
        return columns;
    }

    /** The columns of each of {@code tables} by name, in the order asked; none for a table that does not exist. */
    public static List<Map<String, Column>> of(Connection connection, TableName... tables) throws SQLException {
        List<Map<String, Column>> columns = new ArrayList<>(tables.length);
        StringBuilder sql = new StringBuilder(SELECT);
        for (int i = 0; i < tables.length; i++) {
            columns.add(new HashMap<>());
            HistoryTable.literal(sql.append(i == 0 ? "(" : ", (").append(i + 1).append(", "), tables[i].toString())
                    .append(')');
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.append(FROM).toString())) {
            while (rs.next()) {
                columns.get(rs.getInt(1) - 1).put(rs.getString(2),
                        new Column(rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
            }
        }
        return columns;
    }
}
