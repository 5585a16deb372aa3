package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * The policy a {@code CREATE POLICY name ON table} creates.
 *
 * @param name  the policy
 * @param table the table it is on
 */
record PolicyRef(NameRef name, NameRef table) {

    /** The policy created by the tokens at {@code i}, or null when they are not {@code CREATE POLICY name ON table}. */
    static PolicyRef created(List<SqlToken> t, int i) {
        if (!Tokens.wordsAt(t, i, "CREATE", "POLICY")) {
            return null;
        }
        NameRef name = NameRef.at(t, i + 2);
        if (name == null || !Tokens.wordsAt(t, name.next(), "ON")) {
            return null;
        }
        NameRef table = NameRef.at(t, name.next() + 1);
        return table == null ? null : new PolicyRef(name, table);
    }
}
