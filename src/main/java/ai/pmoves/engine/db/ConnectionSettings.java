package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.sql.PsqlVariables;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Filter;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is and who connects (design.md: Configuration). Built from explicit values, or from the libpq
 * variables ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}) when no URL is
 * given. The password is never part of {@link #toString()} or {@link #maskedUrl()}.
 */
public final class ConnectionSettings {
    private static final Pattern URI_FORM = Pattern.compile("postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?(.*)");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final String JDBC_AUTHORITY = "jdbc:postgresql://";
    /** A jdbc URL as its part before the database name, the name, and its parameters. */
    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?",
            Pattern.DOTALL);
    /**
     * The driver's logger, which masks what it logs: its warnings about a URL it cannot parse quote the URL whole
     * ("JDBC URL contains too many / characters: …"), on the console, past every message of this class. Held here
     * because java.util.logging holds its loggers, and so the filter, only weakly.
     */
    private static final Logger DRIVER_LOG = maskedDriverLog();

    private final String url;
    private final String user;
    private final String password;
    private final int connectTimeoutSeconds;
    private final PsqlVariables variables;

    private ConnectionSettings(String url, String user, String password, int connectTimeoutSeconds) {
        this(url, user, password, connectTimeoutSeconds, PsqlVariables.NONE);
    }

    private ConnectionSettings(String url, String user, String password, int connectTimeoutSeconds,
                               PsqlVariables variables) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.variables = variables;
    }

    /** These settings, whose sessions run the files with {@code variables} as psql's {@code -v} would. */
    public ConnectionSettings withVariables(PsqlVariables variables) {
        return new ConnectionSettings(url, user, password, connectTimeoutSeconds, variables);
    }

    /**
     * These settings on another database of the same server: the URL's database name replaced, its parameters kept.
     */
    public ConnectionSettings withDatabase(String database) {
        Matcher m = DATABASE_IN_URL.matcher(url);
        if (!m.matches()) {
            throw new PmovesException("Cannot tell the database of " + maskedUrl() + ": give pmoves.url as"
                    + " jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        return new ConnectionSettings(m.group(1) + database + (m.group(3) == null ? "" : m.group(3)), user, password, connectTimeoutSeconds,
                variables);
    }

    /** The psql variables the files' {@code :name} references take (see {@link WorkSession#sqlOf}). */
    public PsqlVariables variables() {
        return variables;
    }

    /**
     * @param url  a {@code jdbc:postgresql:} URL, or a {@code postgresql://user:pass@host:port/db} URI as Supabase
     *             shows it; null or blank to use the libpq variables of {@code env}
     * @param user null to take it from the URL or {@code PGUSER}
     */
    public static ConnectionSettings resolve(String url, String user, String password, Map<String, String> env,
                                             int connectTimeoutSeconds) {
        if (blank(url)) {
            return fromLibpqVariables(user, password, env, connectTimeoutSeconds);
        }
        String given = url.trim();
        String jdbcUrl = given;
        Matcher uri = URI_FORM.matcher(given);
        if (uri.matches()) {
            jdbcUrl = JDBC_AUTHORITY + uri.group(3);
            if (blank(user) && uri.group(1) != null && !uri.group(1).isEmpty()) {
                user = decode(uri.group(1));
            }
            if (blank(password) && uri.group(2) != null) {
                password = decode(uri.group(2));
            }
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new PmovesException("pmoves.url '" + mask(given) + "' is not a PostgreSQL URL: use"
                    + " jdbc:postgresql://HOST:PORT/DATABASE (or postgresql://USER@HOST:PORT/DATABASE).");
        }
        if (jdbcUrl.startsWith(JDBC_AUTHORITY) && userInfoEnd(jdbcUrl, JDBC_AUTHORITY.length()) >= 0) {
            throw unreadableUserInfo(given, uri.matches());
        }
        return new ConnectionSettings(jdbcUrl, blank(user) ? null : user, password, connectTimeoutSeconds);
    }

    /**
     * A user-info left in the URL after the URI form was read: the URI's held a {@code /} or an {@code @} that is not
     * percent-encoded, or a jdbc: URL has one, which the driver would take for a host name. Refused before the driver
     * sees the URL, since its warnings ("JDBC URL contains too many / characters: …") quote it whole.
     */
    private static PmovesException unreadableUserInfo(String given, boolean uriForm) {
        return new PmovesException("pmoves.url '" + mask(given) + "' has a user name or password before the host"
                + (uriForm ? " that is not percent-encoded: write / as %2F, @ as %40 and : as %3A in them (e.g."
                        + " postgresql://postgres:Pa%2Fss%40word@db.example.supabase.co:5432/postgres)"
                        : ", which a jdbc:postgresql: URL cannot hold: write it as postgresql://USER:PASSWORD@HOST:PORT/"
                        + "DATABASE with both percent-encoded (/ as %2F, @ as %40, : as %3A)")
                + ", or give them as pmoves.user and pmoves.password (or serverId).");
    }

    private static ConnectionSettings fromLibpqVariables(String user, String password, Map<String, String> env,
                                                         int connectTimeoutSeconds) {
        String host = env.get("PGHOST");
        String database = env.get("PGDATABASE");
        if (blank(host) && blank(database)) {
            throw new PmovesException("No database to connect to: set <url> (-Dpmoves.url=jdbc:postgresql://localhost:5432/postgres),"
                    + " with <user>/<password> or <serverId>, or export the libpq variables PGHOST, PGPORT, PGDATABASE,"
                    + " PGUSER, PGPASSWORD.");
        }
        String port = blank(env.get("PGPORT")) ? "5432" : env.get("PGPORT").trim();
        String effectiveUser = blank(user) ? env.get("PGUSER") : user;
        String url = "jdbc:postgresql://" + (blank(host) ? "localhost" : host.trim()) + ":" + port + "/"
                + (blank(database) ? (blank(effectiveUser) ? "postgres" : effectiveUser) : database.trim());
        return new ConnectionSettings(url, blank(effectiveUser) ? null : effectiveUser,
                blank(password) ? env.get("PGPASSWORD") : password, connectTimeoutSeconds);
    }

    /** Opens a connection, or fails with a message that names the masked URL and the user, never the password. */
    public Connection connect() {
        return connect(null);
    }

    /**
     * {@link #connect()} for one purpose, named in the session's {@code application_name} after the plugin's name
     * ({@code pmoves-maven-plugin lock}), so that {@code pg_stat_activity} tells it from the others.
     */
    public Connection connect(String purpose) {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
        props.setProperty("loginTimeout", Integer.toString(connectTimeoutSeconds));
        props.setProperty("ApplicationName", "pmoves-maven-plugin" + (purpose == null ? "" : " " + purpose));
        // Every server since 9.0 takes application_name in the startup message: told so, the driver sends it there
        // instead of a SET after connecting, one round trip less per connection (50 ms to a database 50 ms away).
        props.setProperty("assumeMinServerVersion", "9.0");
        // Unnamed statements only: after prepareThreshold runs of one SQL text the driver would switch to a named
        // server-side statement, and a pooler in transaction mode (such as PgBouncer) sends the next transaction to
        // a server session that lacks it, or where another client's statement took its name ("prepared statement
        // "S_1" already exists"). Migrations run each text about once, so nothing is lost. A prepareThreshold in the
        // URL still wins: the driver reads the URL's parameters over these.
        props.setProperty("prepareThreshold", "0");
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            // The driver's message may quote the URL, password included ("Unable to parse URL …"): the cause kept
            // for stack traces is a masked copy, never the driver's exception itself.
            SQLException masked = new SQLException(mask(String.valueOf(e.getMessage())), e.getSQLState(),
                    e.getErrorCode(), e.getCause());
            masked.setStackTrace(e.getStackTrace());
            throw new PmovesException("Cannot connect to " + maskedUrl() + (user == null ? "" : " as " + user) + ": "
                    + masked.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                    + ". Check pmoves.url, pmoves.user and pmoves.password (or serverId), and that the server is up.",
                    masked);
        }
    }

    /** A database failure outside any one statement, naming the (masked) database it happened on. */
    public PmovesException databaseError(SQLException e) {
        return new PmovesException("Database error on " + maskedUrl() + ": " + e.getMessage() + Pooler.advice(e), e);
    }

    public String maskedUrl() {
        return mask(url);
    }

    public String user() {
        return user;
    }

    /**
     * Hides the passwords of the URLs in {@code text}: a query's {@code password=…}, and the password of a user-info
     * ({@code user:password@}), the user name kept. The user-info is found even where the URL cannot be read, since
     * that is where a password with an unencoded {@code /} or {@code @} ends up: see {@link #userInfoEnd}.
     */
    public static String mask(String text) {
        String masked = PASSWORD_PARAM.matcher(text).replaceAll("$1****");
        StringBuilder out = new StringBuilder(masked.length());
        int copied = 0;
        for (int scheme = masked.indexOf("://"); scheme >= 0; scheme = masked.indexOf("://", scheme + 3)) {
            int authority = scheme + 3;
            int at = userInfoEnd(masked, authority);
            int colon = masked.indexOf(':', authority);
            if (at >= 0 && colon >= 0 && colon < at) {
                out.append(masked, copied, colon + 1).append("****");
                copied = at;
            }
        }
        return out.append(masked, copied, masked.length()).toString();
    }

    /**
     * Where the user-info of the URL whose authority starts at {@code authority} ends: the last {@code @} before its
     * query, or -1 when it has none. The last, and the query taken to start at the first {@code ?} after a {@code /},
     * because an unencoded password may hold {@code /}, {@code @} and {@code ?}, which no host does, while a query
     * may hold an {@code @} of its own ({@code ?user=me@server}). The URL ends at the first blank.
     */
    static int userInfoEnd(String text, int authority) {
        int end = authority;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        int slash = text.indexOf('/', authority);
        int query = slash < 0 || slash >= end ? -1 : text.indexOf('?', slash);
        int limit = query < 0 || query >= end ? end : query;
        int at = text.lastIndexOf('@', limit - 1);
        return at >= authority ? at : -1;
    }

    private static Logger maskedDriverLog() {
        Logger log = Logger.getLogger("org.postgresql.Driver");
        Filter previous = log.getFilter();
        log.setFilter(record -> {
            Object[] parameters = record.getParameters();
            for (int i = 0; parameters != null && i < parameters.length; i++) {
                if (parameters[i] instanceof String text) {
                    parameters[i] = mask(text);
                }
            }
            if (record.getMessage() != null) {
                record.setMessage(mask(record.getMessage()));
            }
            return previous == null || previous.isLoggable(record);
        });
        return log;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return maskedUrl() + (user == null ? "" : " as " + user);
    }
}
