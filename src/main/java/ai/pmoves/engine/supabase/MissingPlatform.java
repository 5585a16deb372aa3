package ai.pmoves.engine.supabase;

import ai.pmoves.engine.db.ReadOnlyDatabase;
import ai.pmoves.engine.server.DockerEngine;
import ai.pmoves.engine.server.ExtensionPackages;
import ai.pmoves.engine.server.Preloads;
import ai.pmoves.engine.supabase.StandIns.StandIn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Tells a file's own mistake from a server that lacks what Supabase provides. When a statement fails because an
 * extension is not installed on the server, or because a Supabase extension's or service's object is missing, the
 * file is not at fault, and the way out is another server or a stand-in, not an edit.
 */
public final class MissingPlatform {
    private static final Pattern NOT_AVAILABLE = Pattern.compile("extension \"([^\"]+)\" is not available");
    private static final Pattern NO_CONTROL_FILE = Pattern.compile("extension control file \"[^\"]*/([^/\"]+)\\.control\"");
    private static final Pattern FUNCTION = Pattern.compile("^function ([\\w.\"]+)\\(");
    private static final Pattern RELATION = Pattern.compile("^relation \"([\\w.]+)\" does not exist");
    private static final Pattern SCHEMA = Pattern.compile("^schema \"(\\w+)\" does not exist");
    private static final Pattern TYPE = Pattern.compile("^type \"([\\w.]+)\" does not exist");
    /** pg_cron created without being preloaded: its script sets cron.database_name, which only the library defines. */
    private static final Pattern UNKNOWN_SETTING = Pattern.compile("^unrecognized configuration parameter \"(\\w+)\\.");
    /** pg_stat_statements, pg_net and others, used without being preloaded. */
    private static final Pattern NOT_PRELOADED = Pattern.compile("^\"?(\\w+)\"? must be loaded via \"?shared_preload_libraries");

    /** The schemas Supabase's extensions create, by extension. */
    private static final Map<String, String> SCHEMA_EXTENSIONS = Map.of("net", "pg_net", "cron", "pg_cron",
            "vault", "supabase_vault", "pgsodium", "pgsodium", "graphql", "pg_graphql", "graphql_public", "pg_graphql", "pgmq", "pgmq");
    /** Functions and types that live in {@code extensions} on Supabase, by extension. */
    private static final Map<String, String> NAME_EXTENSIONS = Map.ofEntries(
            Map.entry("uuid_generate_v4", "uuid-ossp"), Map.entry("uuid_generate_v1", "uuid-ossp"),
            Map.entry("gen_random_bytes", "pgcrypto"), Map.entry("crypt", "pgcrypto"), Map.entry("gen_salt", "pgcrypto"),
            Map.entry("digest", "pgcrypto"), Map.entry("hmac", "pgcrypto"), Map.entry("pgp_sym_encrypt", "pgcrypto"),
            Map.entry("http", "http"), Map.entry("http_get", "http"), Map.entry("http_post", "http"),
            Map.entry("http_put", "http"), Map.entry("http_delete", "http"), Map.entry("http_header", "http"),
            Map.entry("sign", "pgjwt"), Map.entry("verify", "pgjwt"), Map.entry("url_encode", "pgjwt"),
            Map.entry("url_decode", "pgjwt"), Map.entry("algorithm_sign", "pgjwt"),
            Map.entry("vector", "vector"), Map.entry("halfvec", "vector"), Map.entry("sparsevec", "vector"),
            Map.entry("citext", "citext"), Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"),
            Map.entry("st_makepoint", "postgis"), Map.entry("st_distance", "postgis"), Map.entry("hstore", "hstore"),
            Map.entry("ltree", "ltree"), Map.entry("similarity", "pg_trgm"), Map.entry("gin_trgm_ops", "pg_trgm"),
            Map.entry("json_matches_schema", "pg_jsonschema"), Map.entry("jsonb_matches_schema", "pg_jsonschema"),
            Map.entry("jsonschema_is_valid", "pg_jsonschema"),
            Map.entry("jsonschema_validation_errors", "pg_jsonschema"));

    private MissingPlatform() {
    }

    /**
     * What to do about a failed statement of a file: the platform gap and the ways out when the server lacks a
     * Supabase extension or object, where the database only reads, why (the file is not at fault either), otherwise
     * " Fix the file and run again."; nothing for a failure that is not the server's (the JVM out of memory), whose
     * description says the way out ({@code ExecutionError.notTheServers}).
     *
     * @param connection the file's connection, after its transaction rolled back: it tells a missing object from a
     *                   call that does not fit one that is there (the file's mistake)
     */
    public static String advice(Throwable e, Connection connection) {
        if (!(e instanceof SQLException sql)) {
            return "";
        }
        String explained = explain(sql, connection);
        if (explained != null) {
            return "\n" + explained;
        }
        String readOnly = ReadOnlyDatabase.advice(sql, connection);
        return readOnly.isEmpty() ? " Fix the file and run again." : readOnly;
    }

    /** The explanation when {@code e} says the server lacks a Supabase extension or object; null otherwise. */
    static String explain(SQLException e, Connection connection) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server == null || server.getMessage() == null ? e.getMessage() : server.getMessage();
        String state = e.getSQLState();
        if (message == null || state == null) {
            return null;
        }
        return switch (state) {
            case "0A000" -> extension(find(NOT_AVAILABLE, message), connection);
            case "58P01" -> extension(find(NO_CONTROL_FILE, message), connection);
            case "3F000" -> object("schema", find(SCHEMA, message), connection);
            case "42883" -> object("function", find(FUNCTION, message), connection);
            case "42704" -> Optional.ofNullable(notPreloaded(find(UNKNOWN_SETTING, message), connection))
                    .orElseGet(() -> object("type", find(TYPE, message), connection));
            case "55000" -> notPreloaded(find(NOT_PRELOADED, message), connection);
            case "42P01" -> object("relation", find(RELATION, message), connection);
            default -> null;
        };
    }

    private static String extension(String name, Connection connection) {
        return name == null ? null : "The file is not at fault: this server does not have the extension " + name
                + ", which Supabase provides. " + waysOut(name, connection);
    }

    /**
     * The advice for an extension that is installed but not preloaded, the state a package such as postgresql-15-cron
     * leaves a server in: named by its library or its settings' prefix ({@code cron} for pg_cron); null otherwise.
     */
    private static String notPreloaded(String name, Connection connection) {
        String extension = name == null ? null : Preloads.LIBRARIES.contains(name) ? name
                : Preloads.LIBRARIES.contains("pg_" + name) ? "pg_" + name : null;
        if (extension == null || !available(extension, connection)) {
            return null;
        }
        String database = databaseOf(connection);
        return "The file is not at fault: this server has " + extension + " installed but not preloaded, and "
                + extension + " works only when the server loads it at start. Add to postgresql.conf:\n"
                + "  shared_preload_libraries = '" + extension + "'   (added to the list if it has one)\n"
                + (extension.equals("pg_cron") ? "  cron.database_name = '" + database + "'\n" : "")
                + "and restart the server. Or use pmoves:start (engine=auto or system), which preloads what the files"
                + " create" + (StandIns.forExtension(extension).isPresent()
                ? "; or -Dpmoves.supabaseCompat=emulate, which stands in for it" : "") + ".";
    }

    private static String databaseOf(Connection connection) {
        try {
            return connection == null ? "postgres" : connection.getCatalog();
        } catch (SQLException e) {
            return "postgres";
        }
    }

    private static String object(String kind, String name, Connection connection) {
        if (name == null || present(kind, name.replace("\"", ""), connection)) {
            return null; // there is such an object: the file's call does not fit it
        }
        String extension = extensionOfName(name);
        if (extension != null) {
            return "The file is not at fault: " + kind + " " + name.replace("\"", "") + " comes with the extension "
                    + extension + ", which Supabase provides" + (name.contains(".") ? ";" : " in schema extensions,"
                    + " on its search_path \"$user\", public, extensions;") + " this database does not have it. "
                    + waysOut(extension, connection);
        }
        return kind.equals("relation") || name.startsWith("realtime.") ? service(name) : null;
    }

    private static String service(String name) {
        String schema = name.contains(".") ? name.substring(0, name.indexOf('.')) : "";
        String service = schema.equals("auth") ? "Auth (GoTrue)" : schema.equals("storage") ? "Storage"
                : schema.equals("realtime") ? "Realtime" : null;
        return service == null ? null : "The file is not at fault: " + name + " belongs to Supabase's " + service
                + " service, whose own migrations create it; the preparation creates only the objects that dumps and"
                + " projects name most (auth.users, sessions, MFA, SSO, …, storage.buckets and storage.objects; with"
                + " supabaseCompat=emulate, realtime.messages, send, broadcast_changes and topic()). Ways out: "
                + (schema.equals("realtime") ? "-Dpmoves.supabaseCompat=emulate, if the file needs only those; " : "")
                + "run on a Supabase database (supabase start,"
                + " or -Dpmoves.engine=docker with the supabase/postgres image and the " + service + " service's"
                + " migrations), or create " + name + " in an init script.";
    }

    private static String waysOut(String extension, Connection connection) {
        if (available(extension, connection)) {
            return "The server has it, but no file creates it (on Supabase the dashboard enables it): create it in an"
                    + " init script or a migration, as in create extension if not exists \"" + extension + "\" with"
                    + " schema extensions;";
        }
        Optional<StandIn> inPlace = StandIns.forExtension(extension);
        boolean standIn = inPlace.isPresent();
        String install = ExtensionPackages.install(extension, major(connection));
        return "Ways out: " + (standIn ? "-Dpmoves.supabaseCompat=emulate (" + inPlace.get().offer() + "); " : "")
                + "install " + extension + " beside a PostgreSQL on this machine"
                + (install == null ? "" : " (" + install + ")") + " and let pmoves:start run that PostgreSQL"
                + " (engine=auto, the default, picks it; or -Dpmoves.engine=system); or -Dpmoves.engine=docker with the"
                + " supabase/postgres image, which has it (" + DockerEngine.DEPENDENCY + "); or point pmoves.url at a"
                + " server with " + extension + " installed."
                + (standIn ? "" : " supabaseCompat=emulate does not stand in for " + extension + ".");
    }

    /** The server's major version, for a package name; 17, the embedded engine's, when it cannot be read. */
    private static int major(Connection connection) {
        try {
            return connection == null ? 17 : connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            return 17;
        }
    }

    /** Whether the object is there after all (on the search_path, for an unqualified name). */
    private static boolean present(String kind, String name, Connection connection) {
        int dot = name.indexOf('.');
        String schema = dot < 0 ? null : name.substring(0, dot);
        String local = name.substring(dot + 1);
        String where = schema == null ? "n.nspname = ANY (current_schemas(true))" : "n.nspname = ?";
        String query = switch (kind) {
            case "schema" -> "SELECT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = ?)";
            case "function" -> "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE p.proname = ? AND " + where + ")";
            case "type" -> "SELECT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE t.typname = ? AND " + where + ")";
            default -> "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relname = ? AND " + where + ")";
        };
        return ask(connection, query, local, schema);
    }

    private static boolean available(String extension, Connection connection) {
        return ask(connection, "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = ?)", extension, null);
    }

    /** A yes/no question to the server; no answer (a broken connection) counts as no. */
    private static boolean ask(Connection connection, String query, String first, String second) {
        if (connection == null) {
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setString(1, first);
            if (second != null) {
                ps.setString(2, second);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The extension a (possibly schema-qualified) Supabase name comes with, or null. */
    private static String extensionOfName(String name) {
        if (name == null) {
            return null;
        }
        String unquoted = name.replace("\"", "");
        int dot = unquoted.indexOf('.');
        String schema = dot < 0 ? null : unquoted.substring(0, dot);
        String local = unquoted.substring(dot + 1);
        if (schema != null && SCHEMA_EXTENSIONS.containsKey(schema)) {
            return SCHEMA_EXTENSIONS.get(schema);
        }
        if (schema == null && SCHEMA_EXTENSIONS.containsKey(local)) {
            return SCHEMA_EXTENSIONS.get(local); // a schema name
        }
        if (schema != null && schema.equals("supabase_functions")) {
            return null;
        }
        return schema == null || schema.equals("extensions") ? NAME_EXTENSIONS.get(local) : null;
    }

    private static String find(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
