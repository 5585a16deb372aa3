package ai.pmoves.engine.history;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.sql.SqlIdentifier;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code schema.table} name, read as PostgreSQL reads one in SQL (a bare word folded to lower case, a double-quoted
 * name as written) and written back quoted where needed ({@link SqlIdentifier}), so that a parameter such as
 * {@code historyTable=select.from} or {@code "Ops"."history"} names its table wherever the plugin puts it in a
 * statement. The two parts are the names as the catalog stores them.
 */
public record TableName(String schema, String table) {
    /** PostgreSQL keeps 63 bytes of a name (NAMEDATALEN - 1) and silently cuts the rest. */
    public static final int MAX_BYTES = 63;

    /** Parses {@code schema.table}; {@code parameter} names the setting in the error. */
    public static TableName parse(String qualified, String parameter) {
        String value = qualified == null ? "" : qualified.trim();
        List<SqlToken> tokens = SqlTokens.of(value);
        if (tokens.size() != 3 || !tokens.get(1).isSymbol('.')) {
            throw refused(qualified, parameter, tokens.size() == 1 && tokens.get(0).isName()
                    ? "it has no schema" : "it is not two names joined by a dot");
        }
        String schema = part(tokens.get(0), qualified, parameter);
        if (schema.startsWith("pg_")) {
            throw refused(qualified, parameter, "schema names starting with pg_ are kept for PostgreSQL's own");
        }
        return new TableName(schema, part(tokens.get(2), qualified, parameter));
    }

    /** The name a token gives, or an error saying why it cannot name a schema or table. */
    private static String part(SqlToken token, String qualified, String parameter) {
        String name = token.name();
        if (name == null) {
            throw refused(qualified, parameter, "'" + token.text() + "' is not a name");
        }
        if (token.kind() == SqlToken.Kind.QUOTED_NAME && !token.text().equals(SqlIdentifier.quoted(name))) {
            // an unclosed quote, or a U&"…" name, whose escapes the plugin does not read
            throw refused(qualified, parameter, token.text() + " is not a closed \"…\" name");
        }
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw refused(qualified, parameter, "a name cannot be empty or hold a NUL character");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused(qualified, parameter, "'" + name + "' is longer than the " + MAX_BYTES + " bytes PostgreSQL"
                    + " keeps of a name");
        }
        return name;
    }

    private static PmovesException refused(String qualified, String parameter, String why) {
        return new PmovesException(parameter + " '" + qualified + "' is not a schema.table name: " + why + ". Write the"
                + " schema and the table joined by a dot, as in SQL, e.g. supabase_migrations.schema_migrations;"
                + " double-quote a name that has capitals, spaces or other characters, e.g. \"Ops\".history.");
    }

    /** The schema as SQL, quoted where needed. */
    public String quotedSchema() {
        return SqlIdentifier.quote(schema);
    }

    /** The name as SQL, each part quoted where needed: {@code supabase_migrations.schema_migrations}, {@code "select"."from"}. */
    @Override
    public String toString() {
        return quotedSchema() + "." + SqlIdentifier.quote(table);
    }
}
