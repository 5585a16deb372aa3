package ai.pmoves.it;

import ai.pmoves.testing.PgTapFixture;
import ai.pmoves.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * <p>
 * The server asks for the superuser's password, made when it starts. The ITs' builds find it where libpq and the
 * JDBC driver look when no password is given: the password file that {@code PGPASSFILE} names (pom.xml sets it for
 * every IT to {@link #PASSWORD_FILE} in {@code target/it}), readable by this user only. So no IT's pom.xml holds it.
 */
public final class ItDatabase {
    /** In the folder the ITs are cloned to, {@code target/it}. */
    public static final String PASSWORD_FILE = "it-server.pgpass";
    private final String url;
    private final String password;

    private ItDatabase(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /** Starts the server if needed and creates the IT's database afresh. */
    public static ItDatabase create(Object port, File itDirectory) throws SQLException {
        int p = Integer.parseInt(port.toString());
        String password = ensureServer(p, itDirectory);
        String name = nameOf(itDirectory);
        try (Connection c = DriverManager.getConnection(url(p, "postgres"), "postgres", password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        return new ItDatabase(url(p, name), password);
    }

    /** The IT's existing database. */
    public static ItDatabase of(Object port, File itDirectory) {
        return new ItDatabase(url(Integer.parseInt(port.toString()), nameOf(itDirectory)), password(itDirectory));
    }

    /** Creates a login role with a password of the IT's own, for ITs about credentials. */
    public ItDatabase passwordRole(String role, String rolePassword) {
        TestPostgres.passwordRole(server(), role, rolePassword);
        return this;
    }

    /**
     * Makes pgTAP available on the IT server, for the pmoves:test ITs: the server is embedded, and gets this machine's
     * pgTAP files (see {@link PgTapFixture}); fails saying what to install when they are missing (an IT's selector
     * script skips it before, with {@code PgTapFixture.missingOnThisMachine()}).
     */
    public ItDatabase withPgTap() {
        String missing = PgTapFixture.install(server());
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        return this;
    }

    /** The IT server, as the test fixtures take it. */
    private TestPostgres.Server server() {
        java.util.regex.Matcher hostPort = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        hostPort.find();
        return new TestPostgres.Server(hostPort.group(1), Integer.parseInt(hostPort.group(2)), "postgres", password,
                "embedded");
    }

    /** Makes {@code role} the owner of the IT's database, so that it may do there what the superuser would. */
    public void ownedBy(String role) throws SQLException {
        execute("ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " OWNER TO " + role);
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

    /**
     * Opens a session of its own named {@code applicationName}, runs {@code sql} in a transaction and leaves the
     * transaction open, so that its locks are held while the IT's build runs (a report that read a table and went idle
     * in transaction). A thread of its own keeps the session (the setup script's objects do not outlive it) for two
     * minutes at most; verify.groovy ends it by its name, with {@code pg_terminate_backend}.
     *
     * @param releaseAfterWaitOn when not null, the session ends as soon as another session has waited for a lock on
     *                           this table and given up (a migration's first try reaching its lock timeout), so that
     *                           the retry finds the table free whatever time Maven took to start
     */
    public ItDatabase hold(String applicationName, String sql, String releaseAfterWaitOn) throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET application_name = '" + applicationName.replace("'", "''") + "'");
            st.execute(sql);
        }
        Thread keeper = new Thread(() -> keep(c, releaseAfterWaitOn), "it-hold-" + applicationName);
        keeper.setDaemon(true);
        keeper.start();
        return this;
    }

    private void keep(Connection held, String table) {
        String waiting = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass('" + table + "')";
        long deadline = System.nanoTime() + 120_000_000_000L;
        boolean seen = false;
        try (held) {
            while (System.nanoTime() < deadline && !held.isClosed()) {
                if (table != null) {
                    boolean waits = ((Number) value(waiting)).longValue() > 0;
                    if (!waits && seen) {
                        return; // it waited, and gave up
                    }
                    seen |= waits;
                }
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            // the session ends with the try, which is all that is wanted
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", password);
    }

    /** Starts the server unless it runs; returns its superuser's password, from the password file if it ran. */
    private static synchronized String ensureServer(int port, File itDirectory) {
        if (listening(port)) {
            return password(itDirectory);
        }
        TestPostgres.Server server = TestPostgres.embedded(port);
        Path file = passwordFile(itDirectory);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // host:port:database:user:password, as libpq reads it; any host name of the URL (localhost, 127.0.0.1)
            Files.writeString(file, "*:" + port + ":*:" + server.user() + ":" + server.password() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the IT server's password file " + file + ": " + e, e);
        }
        return server.password();
    }

    /** The superuser's password, read back from the password file (the server may have been started by another IT). */
    private static String password(File itDirectory) {
        Path file = passwordFile(itDirectory);
        try {
            String line = Files.readString(file).trim();
            return line.substring(line.lastIndexOf(':') + 1);
        } catch (IOException e) {
            throw new IllegalStateException("no IT server password file " + file + " (the first IT's setup.groovy"
                    + " starts the server with ItDatabase.create and writes it): " + e, e);
        }
    }

    /** {@code target/it/it-server.pgpass}: the folder the ITs are cloned to; pom.xml's PGPASSFILE. */
    private static Path passwordFile(File itDirectory) {
        return itDirectory.toPath().toAbsolutePath().getParent().resolve(PASSWORD_FILE);
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
