package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlIdentifier;
import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * A possibly schema-qualified name read from tokens, as PostgreSQL stores it (bare words folded to lower case).
 *
 * @param schema the schema, or null when the name is not qualified
 * @param name   the object's own name
 * @param next   the index of the first token after the name
 */
record NameRef(String schema, String name, int next) {

    /** The name starting at token {@code i} ({@code name}, {@code schema.name}, {@code "Quoted".name}), or null. */
    static NameRef at(List<SqlToken> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return null;
        }
        String first = tokens.get(i).name();
        if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && tokens.get(i + 2).isName()) {
            return new NameRef(first, tokens.get(i + 2).name(), i + 3);
        }
        return new NameRef(null, first, i + 1);
    }

    /**
     * Whether both name the same object. An unqualified name matches any schema: which one it means depends on the
     * search_path when it runs, and a finding must not depend on a guess.
     */
    boolean sameObject(NameRef other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** The name as it would be written in SQL: quoted where a bare word would not read back the same. */
    @Override
    public String toString() {
        return schema == null ? SqlIdentifier.quote(name) : SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(name);
    }
}
