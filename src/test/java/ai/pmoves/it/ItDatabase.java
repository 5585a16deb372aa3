package ai.pmoves.it;

import ai.pmoves.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database of one invoker IT, for its {@code setup.groovy} and {@code verify.groovy} (Groovy hooks cannot load
 * the JDBC driver through DriverManager themselves). The first IT starts an embedded PostgreSQL 17 on the port the
 * build reserved ({@code pmoves.it.port}); it lives until the Maven JVM exits. Each IT's database is named
 * {@code it_<folder>}, which its pom.xml puts in {@code pmoves.url}.
 */
public final class ItDatabase {
    private final String url;

    private ItDatabase(String url) {
        this.url = url;
    }

    /** Starts the server if needed and creates the IT's database afresh. */
    public static ItDatabase create(Object port, File itDirectory) throws SQLException {
        int p = Integer.parseInt(port.toString());
        ensureServer(p);
        String name = nameOf(itDirectory);
        try (Connection c = DriverManager.getConnection(url(p, "postgres"), "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        return new ItDatabase(url(p, name));
    }

    /** The IT's existing database. */
    public static ItDatabase of(Object port, File itDirectory) {
        return new ItDatabase(url(Integer.parseInt(port.toString()), nameOf(itDirectory)));
    }

    /**
     * Creates a login role whose password the server checks (the embedded server otherwise trusts local connections),
     * for ITs about credentials.
     */
    public static void passwordRole(Object port, String role, String password) {
        TestPostgres.passwordRole(new TestPostgres.Server("localhost", Integer.parseInt(port.toString()), "postgres",
                "postgres", "embedded"), role, password);
    }

    /** Runs a query and returns its rows as column-name maps. */
    public List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of every row. */
    public List<Object> column(String sql) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : rows(sql)) {
            values.add(row.values().iterator().next());
        }
        return values;
    }

    /** The single value of a one-row, one-column query. */
    public Object value(String sql) throws SQLException {
        List<Object> values = column(sql);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Runs a statement (setup of a pre-existing state). */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Whether a table (schema.table) exists. */
    public boolean tableExists(String qualified) throws SQLException {
        return value("SELECT to_regclass('" + qualified + "') IS NOT NULL").equals(Boolean.TRUE);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static synchronized void ensureServer(int port) {
        if (!listening(port)) {
            TestPostgres.embedded(port);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String nameOf(File itDirectory) {
        return "it_" + itDirectory.getName().toLowerCase().replaceAll("[^a-z0-9_]", "_");
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
