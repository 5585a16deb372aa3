package ai.pmoves.engine.supabase;

import java.sql.SQLException;
import java.util.Map;
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

    /** The schemas Supabase's extensions create, by extension. */
    private static final Map<String, String> SCHEMA_EXTENSIONS = Map.of("net", "pg_net", "cron", "pg_cron",
            "vault", "supabase_vault", "pgsodium", "pgsodium", "graphql", "pg_graphql", "graphql_public", "pg_graphql");
    /** Functions and types that live in {@code extensions} on Supabase, by extension. */
    private static final Map<String, String> NAME_EXTENSIONS = Map.ofEntries(
            Map.entry("uuid_generate_v4", "uuid-ossp"), Map.entry("uuid_generate_v1", "uuid-ossp"),
            Map.entry("gen_random_bytes", "pgcrypto"), Map.entry("crypt", "pgcrypto"), Map.entry("gen_salt", "pgcrypto"),
            Map.entry("digest", "pgcrypto"), Map.entry("hmac", "pgcrypto"), Map.entry("pgp_sym_encrypt", "pgcrypto"),
            Map.entry("http", "http"), Map.entry("http_get", "http"), Map.entry("http_post", "http"),
            Map.entry("http_put", "http"), Map.entry("http_delete", "http"), Map.entry("http_header", "http"),
            Map.entry("sign", "pgjwt"), Map.entry("verify", "pgjwt"),
            Map.entry("vector", "vector"), Map.entry("halfvec", "vector"), Map.entry("sparsevec", "vector"),
            Map.entry("citext", "citext"), Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"),
            Map.entry("st_makepoint", "postgis"), Map.entry("st_distance", "postgis"), Map.entry("hstore", "hstore"),
            Map.entry("ltree", "ltree"), Map.entry("similarity", "pg_trgm"), Map.entry("gin_trgm_ops", "pg_trgm"));

    private MissingPlatform() {
    }

    /**
     * What to do about a failed statement of a file: the platform gap and the ways out when the server lacks a
     * Supabase extension or object, otherwise " Fix the file and run again."
     */
    public static String advice(SQLException e) {
        String explained = explain(e);
        return explained == null ? " Fix the file and run again." : "\n" + explained;
    }

    /** The explanation when {@code e} says the server lacks a Supabase extension or object; null otherwise. */
    static String explain(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server == null || server.getMessage() == null ? e.getMessage() : server.getMessage();
        String state = e.getSQLState();
        if (message == null || state == null) {
            return null;
        }
        return switch (state) {
            case "0A000" -> extension(find(NOT_AVAILABLE, message));
            case "58P01" -> extension(find(NO_CONTROL_FILE, message));
            case "3F000" -> object("schema " + find(SCHEMA, message), extensionOfName(find(SCHEMA, message)));
            case "42883" -> object("function " + find(FUNCTION, message), extensionOfName(find(FUNCTION, message)));
            case "42704" -> object("type " + find(TYPE, message), extensionOfName(find(TYPE, message)));
            case "42P01" -> relation(find(RELATION, message));
            default -> null;
        };
    }

    private static String extension(String name) {
        return name == null ? null : "The file is not at fault: this server does not have the extension " + name
                + ", which Supabase provides. " + waysOut(name);
    }

    private static String object(String what, String extension) {
        return extension == null ? null : "The file is not at fault: " + what.replace("\"", "") + " comes with the"
                + " extension " + extension + ", which Supabase provides and this database does not have. "
                + waysOut(extension);
    }

    private static String relation(String name) {
        if (name == null) {
            return null;
        }
        String extension = extensionOfName(name);
        if (extension != null) {
            return object("relation " + name, extension);
        }
        String schema = name.contains(".") ? name.substring(0, name.indexOf('.')) : "";
        String service = schema.equals("auth") ? "Auth (GoTrue)" : schema.equals("storage") ? "Storage"
                : schema.equals("realtime") ? "Realtime" : null;
        return service == null ? null : "The file is not at fault: " + name + " belongs to Supabase's " + service
                + " service, whose own migrations create it; the preparation creates only auth.users, auth.identities,"
                + " storage.buckets and storage.objects of it. Ways out: run on a Supabase database (supabase start,"
                + " or -Dpmoves.engine=docker with the supabase/postgres image and the " + service + " service's"
                + " migrations), or create " + name + " in an init script.";
    }

    private static String waysOut(String extension) {
        boolean standIn = StandIns.forExtension(extension).isPresent();
        return "Ways out: " + (standIn ? "-Dpmoves.supabaseCompat=emulate (a stand-in for " + extension + " that"
                + " records what it is asked and does not do the real work); " : "")
                + "-Dpmoves.engine=docker for pmoves:start, with the supabase/postgres image, which has it; or a"
                + " server with " + extension + " installed."
                + (standIn ? "" : " supabaseCompat=emulate does not stand in for " + extension + ".");
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
