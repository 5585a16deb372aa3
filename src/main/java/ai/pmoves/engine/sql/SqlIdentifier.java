package ai.pmoves.engine.sql;

import java.util.Set;

/**
 * An identifier written into SQL as PostgreSQL's {@code quote_ident} writes it: bare when a bare word reads back as the
 * same name, in double quotes otherwise. A name from a parameter ({@code historyTable=select.from}) then never breaks
 * the statement it is put in, and the usual ones ({@code supabase_migrations.schema_migrations}) read as written.
 */
public final class SqlIdentifier {
    /**
     * PostgreSQL's keywords that a bare name cannot be everywhere (reserved, type/function-name and column-name ones,
     * {@code pg_get_keywords()} where {@code catcode <> 'U'}), as of PostgreSQL 17: {@code quote_ident} quotes them.
     * {@code SqlIdentifierTest} checks the list against the server's.
     */
    private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric"
            + " authorization between bigint binary bit boolean both case cast char character check coalesce collate"
            + " collation column concurrently constraint create cross current_catalog current_date current_role"
            + " current_schema current_time current_timestamp current_user dec decimal default deferrable desc"
            + " distinct do else end except exists extract false fetch float for foreign freeze from full grant"
            + " greatest group grouping having ilike in initially inner inout int integer intersect interval into is"
            + " isnull join json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar"
            + " json_serialize json_table json_value lateral leading least left like limit localtime localtimestamp"
            + " merge_action national natural nchar none normalize not notnull null nullif numeric offset on only or"
            + " order out outer overlaps overlay placing position precision primary real references returning right"
            + " row select session_user setof similar smallint some substring symmetric system_user table tablesample"
            + " then time timestamp to trailing treat trim true union unique user using values varchar variadic"
            + " verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces"
            + " xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private SqlIdentifier() {
    }

    /** {@code name} as SQL: bare if that reads back as {@code name}, else quoted with any {@code "} doubled. */
    public static String quote(String name) {
        return isBare(name) ? name : quoted(name);
    }

    /** {@code name} in double quotes, any {@code "} doubled, as psql's {@code :"name"} and {@code quote_ident}. */
    public static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Whether a bare word reads back as {@code name}: lower-case letters, digits and _, no keyword. */
    private static boolean isBare(String name) {
        if (name.isEmpty() || !(isLower(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLower(c) || c == '_' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return !KEYWORDS.contains(name);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
