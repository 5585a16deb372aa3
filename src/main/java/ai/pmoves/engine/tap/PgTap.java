package ai.pmoves.engine.tap;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Whether a database can run pgTAP, and making it so for a run, as {@code supabase test db} does: where the server
 * has pgTAP but the database has not created it, it is created before the tests and dropped after them.
 *
 * @param installedVersion  the version of the pgtap extension in the database, or null
 * @param availableVersion  the version the server could create, or null when it has no pgTAP files
 * @param functions         whether pgTAP's functions are there without the extension (pgtap.sql run as a script)
 * @param extensionsOnPath  whether the schema {@code extensions} (Supabase's schema for extensions) is on the search path
 */
record PgTap(String installedVersion, String availableVersion, boolean functions, boolean extensionsOnPath) {
    private static final String STATE = "SELECT (SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'pgtap'),"
            + " (SELECT default_version FROM pg_catalog.pg_available_extensions WHERE name = 'pgtap'),"
            + " EXISTS (SELECT FROM pg_catalog.pg_proc WHERE proname = 'pgtap_version'),"
            + " 'extensions' = ANY (current_schemas(false))";

    /** What the database and its server have. */
    static PgTap of(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(STATE)) {
            rs.next();
            return new PgTap(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4));
        }
    }

    /** Whether the tests can call pgTAP's functions as the database is. */
    boolean ready() {
        return installedVersion != null || functions;
    }

    /**
     * Creates the extension for the run, in schema {@code extensions} when that is on the search path (Supabase's
     * layout, and the Supabase CLI's choice), else where {@code CREATE EXTENSION} puts it (the first schema of the
     * search path); returns where.
     */
    String enable(Connection connection) {
        String schema = extensionsOnPath ? "extensions" : null;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pgtap" + (schema == null ? "" : " WITH SCHEMA " + schema));
            if (schema == null) {
                try (ResultSet rs = st.executeQuery("SELECT n.nspname FROM pg_catalog.pg_extension e"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pgtap'")) {
                    rs.next();
                    schema = rs.getString(1);
                }
            }
            return schema;
        } catch (SQLException e) {
            throw new PmovesException("The server has pgTAP " + availableVersion + ", but it is not created in the"
                    + " database and creating it for the tests failed: " + e.getMessage() + ". Create it once as a"
                    + " superuser (CREATE EXTENSION pgtap WITH SCHEMA extensions), or in a migration or an init"
                    + " script, or let the test files create it.", e);
        }
    }

    /** Drops what {@link #enable} created; a failure is returned as the reason, for a warning. */
    static String disable(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP EXTENSION IF EXISTS pgtap");
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * The error when the server has no pgTAP and no test file creates it: what is missing and every way out.
     *
     * @param serverVersion the server's version, e.g. {@code 17.6}
     */
    static PmovesException missing(String maskedUrl, String serverVersion) {
        String major = serverVersion == null ? "NN" : serverVersion.replaceAll("^(\\d+).*$", "$1");
        return new PmovesException("pgTAP is not installed on the server of " + maskedUrl + " (PostgreSQL "
                + serverVersion + "): the database has no pgtap extension, and the server cannot create one (no pgtap"
                + " in pg_available_extensions). pmoves:test runs pgTAP files and needs it. Ways out:\n"
                + "  - install the distribution's pgTAP package for this server, e.g. apt install postgresql-" + major
                + "-pgtap (Debian, Ubuntu), dnf install pgtap_" + major + " (PGDG RPMs), or pgTAP's own make install;\n"
                + "  - run the tests against a server that has it: pmoves:start with -Dpmoves.engine=system (a"
                + " PostgreSQL installed on this machine, with its pgTAP package) or -Dpmoves.engine=docker (the"
                + " supabase/postgres image has pgTAP);\n"
                + "  - or let a test file create it (CREATE EXTENSION pgtap), where the server has it.");
    }

    /**
     * Whether a statement creates pgTAP: {@code CREATE EXTENSION [IF NOT EXISTS] pgtap}, or pgTAP's own
     * {@code pgtap_version()} function, which its SQL script defines first. Read from the statement's tokens, so a
     * string or a comment that mentions pgtap does not count.
     */
    static boolean creates(SqlStatement statement) {
        List<String> w = statement.words();
        if (w.size() < 2 || !w.get(0).equals("CREATE")) {
            return false;
        }
        List<SqlToken> t = SqlTokens.of(statement.sql());
        int i = 1;
        if (at(t, i, "OR") && at(t, i + 1, "REPLACE")) {
            i += 2;
        }
        if (at(t, i, "EXTENSION")) {
            i++;
            if (at(t, i, "IF") && at(t, i + 1, "NOT") && at(t, i + 2, "EXISTS")) {
                i += 3;
            }
            return named(t, i, "pgtap");
        }
        if (at(t, i, "FUNCTION")) {
            i++;
            if (i + 1 < t.size() && t.get(i + 1).isSymbol('.')) {
                i += 2; // the schema
            }
            return named(t, i, "pgtap_version");
        }
        return false;
    }

    private static boolean at(List<SqlToken> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }

    private static boolean named(List<SqlToken> tokens, int i, String name) {
        return i < tokens.size() && tokens.get(i).isName() && name.equals(tokens.get(i).name());
    }
}
