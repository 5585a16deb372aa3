package ai.pmoves.engine.history;

import ai.pmoves.engine.PmovesException;
import java.util.regex.Pattern;

/**
 * A plain {@code schema.table} name, checked before any SQL is built from it: the history tables' names are
 * interpolated into statements, so anything but two plain identifiers is refused.
 */
public record TableName(String schema, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    /** Parses {@code schema.table}; {@code parameter} names the setting in the error. */
    public static TableName parse(String qualified, String parameter) {
        String value = qualified == null ? "" : qualified.trim();
        int dot = value.indexOf('.');
        if (dot > 0 && value.indexOf('.', dot + 1) < 0) {
            String schema = value.substring(0, dot);
            String table = value.substring(dot + 1);
            if (IDENTIFIER.matcher(schema).matches() && IDENTIFIER.matcher(table).matches()) {
                return new TableName(schema, table);
            }
        }
        throw new PmovesException(parameter + " '" + qualified + "' is not a plain schema.table name: use two lower-case"
                + " identifiers (letters, digits, _) joined by a dot, e.g. supabase_migrations.schema_migrations.");
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
