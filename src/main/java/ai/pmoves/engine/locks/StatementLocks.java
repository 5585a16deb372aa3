package ai.pmoves.engine.locks;

import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table locks a statement takes, read from its tokens as PostgreSQL's documentation lists them (explicit locking;
 * ALTER TABLE subcommand by subcommand): {@code StatementLocks.of(statement)}. One entry per table, with the strongest
 * mode taken on it and whether the statement rewrites it. Statements that take no lock worth showing (a SELECT, a
 * CREATE FUNCTION, a GRANT) and those it does not know give none. Read without a database: an ALTER COLUMN TYPE is taken
 * to rewrite unless its new type is {@code text} or {@code varchar}, which is binary-coercible from the usual
 * {@code varchar(n)}.
 */
public final class StatementLocks {
    /** Functions whose value differs row by row: a column added with one as its default is filled row by row. */
    static final Set<String> VOLATILE_FUNCTIONS = Set.of("clock_timestamp", "random", "gen_random_uuid",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "timeofday",
            "txid_current", "random_normal");
    /** Types that add a sequence default: a column of one is filled row by row. */
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
            "serial8");
    /** Types a {@code varchar(n)} column changes to without a rewrite. */
    private static final Set<String> NO_REWRITE_TYPES = Set.of("text", "varchar", "character");
    /** The words that start a table constraint after ADD. */
    private static final Set<String> CONSTRAINT_STARTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN",
            "EXCLUDE");

    private final List<SqlToken> t;
    private final Map<String, StatementLock> locks = new LinkedHashMap<>();

    private StatementLocks(List<SqlToken> tokens) {
        this.t = tokens;
    }

    /** The locks {@code statement} takes, one per table, in the order the statement names the tables. */
    public static List<StatementLock> of(SqlStatement statement) {
        return of(SqlTokens.of(statement.sql()));
    }

    /** The locks of a statement given as its tokens. */
    public static List<StatementLock> of(List<SqlToken> tokens) {
        StatementLocks s = new StatementLocks(tokens);
        s.read();
        return List.copyOf(s.locks.values());
    }

    /**
     * Whether the statement sets {@code lock_timeout} itself: {@code SET [SESSION|LOCAL] lock_timeout …} or a
     * {@code set_config('lock_timeout', …)} call. A plan's {@code lock-timeout-unset} finding looks for one before a
     * statement that takes AccessExclusiveLock, when migrationLockTimeout is not set.
     */
    public static boolean setsLockTimeout(SqlStatement statement) {
        List<SqlToken> t = SqlTokens.of(statement.sql());
        StatementLocks s = new StatementLocks(t);
        if (s.at(0, "SET")) {
            int i = s.at(1, "SESSION") || s.at(1, "LOCAL") ? 2 : 1;
            return i < t.size() && "lock_timeout".equals(t.get(i).name());
        }
        for (int k = 0; k + 2 < t.size(); k++) {
            if ("set_config".equals(t.get(k).name()) && t.get(k + 1).isSymbol('(')
                    && t.get(k + 2).text().equalsIgnoreCase("'lock_timeout'")) {
                return true;
            }
        }
        return false;
    }

    private void read() {
        if (t.isEmpty()) {
            return;
        }
        if (at(0, "ALTER", "TABLE")) {
            alterTable(2);
        } else if (at(0, "CREATE", "INDEX") || at(0, "CREATE", "UNIQUE", "INDEX")) {
            createIndex(at(0, "CREATE", "INDEX") ? 2 : 3);
        } else if (at(0, "DROP", "INDEX")) {
            boolean concurrently = at(2, "CONCURRENTLY");
            names(skip(concurrently ? 3 : 2, "IF", "EXISTS"), concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE
                    : LockMode.ACCESS_EXCLUSIVE);
        } else if (at(0, "DROP", "TABLE") || at(0, "DROP", "MATERIALIZED", "VIEW")) {
            names(skip(at(1, "TABLE") ? 2 : 3, "IF", "EXISTS"), LockMode.ACCESS_EXCLUSIVE);
        } else if (at(0, "TRUNCATE")) {
            names(skip(skip(1, "TABLE"), "ONLY"), LockMode.ACCESS_EXCLUSIVE);
        } else if (at(0, "CREATE", "TABLE") || at(0, "CREATE", "UNLOGGED", "TABLE")) {
            references(0);
        } else if (at(0, "CREATE", "TRIGGER") || at(0, "CREATE", "OR", "REPLACE", "TRIGGER")
                || at(0, "CREATE", "CONSTRAINT", "TRIGGER")) {
            onTable(LockMode.SHARE_ROW_EXCLUSIVE, false);
        } else if (at(0, "DROP", "TRIGGER") || at(0, "CREATE", "POLICY") || at(0, "ALTER", "POLICY")
                || at(0, "DROP", "POLICY") || at(0, "CREATE", "RULE") || at(0, "CREATE", "OR", "REPLACE", "RULE")
                || at(0, "DROP", "RULE")) {
            onTable(LockMode.ACCESS_EXCLUSIVE, false);
        } else if (at(0, "LOCK")) {
            lockTable();
        } else if (at(0, "VACUUM") || at(0, "ANALYZE") || at(0, "CLUSTER")) {
            maintenance();
        } else if (at(0, "REINDEX", "TABLE")) {
            boolean concurrently = at(2, "CONCURRENTLY");
            name(concurrently ? 3 : 2, concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE, false);
        } else if (at(0, "REFRESH", "MATERIALIZED", "VIEW")) {
            boolean concurrently = at(3, "CONCURRENTLY");
            name(concurrently ? 4 : 3, concurrently ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, !concurrently);
        } else if (at(0, "INSERT", "INTO") || at(0, "MERGE", "INTO")) {
            name(2, LockMode.ROW_EXCLUSIVE, false);
        } else if (at(0, "UPDATE")) {
            name(skip(1, "ONLY"), LockMode.ROW_EXCLUSIVE, false);
        } else if (at(0, "DELETE", "FROM")) {
            name(skip(2, "ONLY"), LockMode.ROW_EXCLUSIVE, false);
        }
    }

    // ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]
    private void alterTable(int i) {
        if (at(i, "ALL")) {
            return; // ALTER TABLE ALL IN TABLESPACE: every table of a tablespace, which only the database knows
        }
        i = skip(skip(i, "IF", "EXISTS"), "ONLY");
        int nameEnd = nameEnd(i);
        if (nameEnd < 0) {
            return;
        }
        String table = qualified(i, nameEnd);
        i = nameEnd < t.size() && t.get(nameEnd).isSymbol('*') ? nameEnd + 1 : nameEnd;
        while (i < t.size()) {
            int end = actionEnd(i);
            action(table, i, end);
            i = end + 1;
        }
    }

    /** One ALTER TABLE action, tokens {@code i} to {@code end} (exclusive). */
    private void action(String table, int i, int end) {
        if (at(i, "ADD")) {
            int j = i + 1;
            if (j < end && CONSTRAINT_STARTS.contains(upper(j))) {
                addConstraint(table, j, end);
            } else {
                addColumn(table, skip(skip(j, "COLUMN"), "IF", "NOT", "EXISTS"), end);
            }
        } else if (at(i, "ALTER")) {
            alterColumn(table, skip(skip(i + 1, "COLUMN"), "IF", "EXISTS") + 1, end);
        } else if (at(i, "VALIDATE", "CONSTRAINT") || at(i, "CLUSTER", "ON") || at(i, "SET", "WITHOUT", "CLUSTER")
                || at(i, "SET", "(") || at(i, "RESET") || at(i, "SET") && i + 1 < end && t.get(i + 1).isSymbol('(')) {
            add(table, LockMode.SHARE_UPDATE_EXCLUSIVE, false);
        } else if ((at(i, "ENABLE") || at(i, "DISABLE")) && indexOfWord(i, end, "TRIGGER") >= 0) {
            add(table, LockMode.SHARE_ROW_EXCLUSIVE, false);
        } else if (at(i, "SET", "LOGGED") || at(i, "SET", "UNLOGGED") || at(i, "SET", "TABLESPACE")
                || at(i, "SET", "ACCESS", "METHOD")) {
            add(table, LockMode.ACCESS_EXCLUSIVE, true);
        } else if (at(i, "ATTACH", "PARTITION")) {
            add(table, LockMode.SHARE_UPDATE_EXCLUSIVE, false);
            name(i + 2, LockMode.ACCESS_EXCLUSIVE, false);
        } else if (at(i, "DETACH", "PARTITION")) {
            boolean concurrently = indexOfWord(i, end, "CONCURRENTLY") >= 0;
            LockMode mode = concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
            add(table, mode, false);
            name(i + 2, LockMode.ACCESS_EXCLUSIVE, false);
        } else {
            // DROP, RENAME, OWNER TO, SET SCHEMA, REPLICA IDENTITY, ROW LEVEL SECURITY, RULE, INHERIT, OF, …
            add(table, LockMode.ACCESS_EXCLUSIVE, false);
        }
    }

    // ADD [CONSTRAINT name] CHECK (…) | UNIQUE … | PRIMARY KEY … | FOREIGN KEY (…) REFERENCES t … | EXCLUDE …
    private void addConstraint(String table, int i, int end) {
        int ref = indexOfWord(i, end, "REFERENCES");
        if (ref >= 0 && indexOfWord(i, end, "FOREIGN") >= 0) {
            add(table, LockMode.SHARE_ROW_EXCLUSIVE, false);
            name(ref + 1, LockMode.SHARE_ROW_EXCLUSIVE, false);
        } else {
            add(table, LockMode.ACCESS_EXCLUSIVE, false);
        }
    }

    // ADD [COLUMN] [IF NOT EXISTS] name type [constraints …]
    private void addColumn(String table, int i, int end) {
        add(table, LockMode.ACCESS_EXCLUSIVE, fillsRowByRow(i + 1, end));
        int ref = indexOfWord(i, end, "REFERENCES");
        if (ref >= 0) {
            name(ref + 1, LockMode.SHARE_ROW_EXCLUSIVE, false);
        }
    }

    /**
     * Whether a new column's definition (tokens from its type to {@code end}) gives each row a value of its own, which
     * writes the table anew: a volatile default, a serial type, an identity or a stored generated column.
     */
    private boolean fillsRowByRow(int typeAt, int end) {
        if (typeAt < end && SERIAL_TYPES.contains(lower(typeAt))) {
            return true;
        }
        int generated = indexOfWord(typeAt, end, "GENERATED");
        if (generated >= 0 && (indexOfWord(generated, end, "IDENTITY") >= 0
                || indexOfWord(generated, end, "STORED") >= 0)) {
            return true;
        }
        int dflt = indexOfWord(typeAt, end, "DEFAULT");
        return dflt >= 0 && volatileCall(dflt + 1, end) >= 0;
    }

    /** The index of the first call of a volatile function in {@code tokens} from {@code from} to {@code end}, or -1. */
    public static int volatileCall(List<SqlToken> tokens, int from, int end) {
        return new StatementLocks(tokens).volatileCall(from, end);
    }

    /**
     * Whether an {@code ALTER COLUMN … TYPE} whose new type is at {@code type} in {@code tokens}, its action ending at
     * {@code end}, rewrites the table, as far as the statement alone tells (see {@link #typeChangeRewrites(int, int)}).
     */
    public static boolean typeChangeRewrites(List<SqlToken> tokens, int type, int end) {
        return new StatementLocks(tokens).typeChangeRewrites(type, end);
    }

    private int volatileCall(int from, int end) {
        for (int k = from; k + 1 < end; k++) {
            if (t.get(k).isName() && t.get(k + 1).isSymbol('(') && VOLATILE_FUNCTIONS.contains(t.get(k).name())) {
                return k;
            }
        }
        return -1;
    }

    // ALTER [COLUMN] [IF EXISTS] name <what>, from just after the column's name
    private void alterColumn(String table, int i, int end) {
        if (at(i, "SET", "STATISTICS") || at(i, "SET") && i + 1 < end && t.get(i + 1).isSymbol('(')
                || at(i, "RESET")) {
            add(table, LockMode.SHARE_UPDATE_EXCLUSIVE, false);
        } else if (at(i, "TYPE") || at(i, "SET", "DATA", "TYPE")) {
            int type = at(i, "TYPE") ? i + 1 : i + 3;
            add(table, LockMode.ACCESS_EXCLUSIVE, typeChangeRewrites(type, end));
        } else {
            add(table, LockMode.ACCESS_EXCLUSIVE, false);
        }
    }

    /**
     * Whether {@code ALTER COLUMN … TYPE} (its new type at {@code type}) rewrites the table, as far as the statement
     * alone tells: not for {@code text} or {@code varchar}, the usual widening of a {@code varchar(n)}, unless a
     * USING expression computes the values anew.
     */
    private boolean typeChangeRewrites(int type, int end) {
        if (type >= end || indexOfWord(type, end, "USING") >= 0) {
            return true;
        }
        String name = lower(type);
        if (name.equals("character") && at(type + 1, "VARYING")) {
            return false;
        }
        return !NO_REWRITE_TYPES.contains(name) || name.equals("character");
    }

    // CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table …
    private void createIndex(int i) {
        boolean concurrently = at(i, "CONCURRENTLY");
        int on = indexOfWord(i, t.size(), "ON");
        if (on >= 0) {
            name(skip(on + 1, "ONLY"), concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE, false);
        }
    }

    // … ON table …: CREATE TRIGGER, DROP TRIGGER, CREATE/ALTER/DROP POLICY, CREATE RULE … TO table
    private void onTable(LockMode mode, boolean rewrites) {
        int on = at(0, "CREATE", "RULE") || at(0, "CREATE", "OR", "REPLACE", "RULE") ? indexOfWord(0, t.size(), "TO")
                : indexOfWord(0, t.size(), "ON");
        if (on >= 0) {
            name(skip(on + 1, "ONLY"), mode, rewrites);
        }
    }

    // CREATE TABLE …: the tables its foreign keys reference
    private void references(int from) {
        for (int k = indexOfWord(from, t.size(), "REFERENCES"); k >= 0; k = indexOfWord(k + 1, t.size(), "REFERENCES")) {
            name(k + 1, LockMode.SHARE_ROW_EXCLUSIVE, false);
        }
    }

    // LOCK [TABLE] [ONLY] name [*] [, …] [IN mode MODE] [NOWAIT]
    private void lockTable() {
        int in = indexOfWord(1, t.size(), "IN");
        LockMode mode = LockMode.ACCESS_EXCLUSIVE;
        if (in >= 0) {
            int modeEnd = indexOfWord(in, t.size(), "MODE");
            StringBuilder spelled = new StringBuilder();
            for (int k = in + 1; k < modeEnd; k++) {
                String w = lower(k);
                spelled.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
            LockMode named = LockMode.ofSpelled(spelled + "Lock");
            mode = named == null ? mode : named;
        }
        names(skip(skip(1, "TABLE"), "ONLY"), mode);
    }

    // VACUUM [FULL] [(options)] [table, …], ANALYZE [table, …], CLUSTER [table]
    private void maintenance() {
        boolean full = at(0, "CLUSTER") || at(1, "FULL");
        int i = at(1, "FULL") || at(1, "VERBOSE") || at(1, "ANALYZE") || at(1, "FREEZE") ? 2 : 1;
        if (i < t.size() && t.get(i).isSymbol('(')) {
            int close = closeParen(i);
            for (int k = i; k < close; k++) {
                full |= t.get(k).isWord("FULL") && !at(k + 1, "FALSE") && !at(k + 1, "OFF");
            }
            i = close + 1;
        }
        i = skip(skip(skip(i, "FULL"), "VERBOSE"), "ANALYZE");
        LockMode mode = full ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE;
        while (i < t.size()) {
            int nameEnd = nameEnd(i);
            if (nameEnd < 0) {
                return;
            }
            add(qualified(i, nameEnd), mode, full);
            i = nameEnd < t.size() && t.get(nameEnd).isSymbol('(') ? closeParen(nameEnd) + 1 : nameEnd;
            if (i >= t.size() || !t.get(i).isSymbol(',')) {
                return;
            }
            i++;
        }
    }

    /** A comma-separated list of names from {@code i}, each taking {@code mode}. */
    private void names(int i, LockMode mode) {
        while (i < t.size()) {
            int nameEnd = nameEnd(i);
            if (nameEnd < 0) {
                return;
            }
            add(qualified(i, nameEnd), mode, false);
            i = nameEnd < t.size() && t.get(nameEnd).isSymbol('*') ? nameEnd + 1 : nameEnd;
            if (i >= t.size() || !t.get(i).isSymbol(',')) {
                return;
            }
            i = skip(i + 1, "ONLY");
        }
    }

    private void name(int i, LockMode mode, boolean rewrites) {
        int nameEnd = nameEnd(i);
        if (nameEnd > 0) {
            add(qualified(i, nameEnd), mode, rewrites);
        }
    }

    private void add(String relation, LockMode mode, boolean rewrites) {
        locks.merge(relation, new StatementLock(relation, mode, rewrites), (a, b) -> new StatementLock(relation,
                LockMode.max(a.mode(), b.mode()), a.rewrites() || b.rewrites()));
    }

    /** The index after a possibly qualified name starting at {@code i}, or -1 when no name starts there. */
    private int nameEnd(int i) {
        if (i >= t.size() || !t.get(i).isName()) {
            return -1;
        }
        int k = i + 1;
        while (k + 1 < t.size() && t.get(k).isSymbol('.') && t.get(k + 1).isName()) {
            k += 2;
        }
        return k;
    }

    /** The name from {@code i} to {@code end}, each part folded as PostgreSQL folds it, joined by dots. */
    private String qualified(int i, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < end; k += 2) {
            sb.append(k == i ? "" : ".").append(t.get(k).name());
        }
        return sb.toString();
    }

    /** The index of the comma that ends the action starting at {@code i} (outside parentheses), or the end. */
    private int actionEnd(int i) {
        int depth = 0;
        for (int k = i; k < t.size(); k++) {
            SqlToken tok = t.get(k);
            if (tok.isSymbol('(') || tok.isSymbol('[')) {
                depth++;
            } else if (tok.isSymbol(')') || tok.isSymbol(']')) {
                depth--;
            } else if (depth == 0 && tok.isSymbol(',')) {
                return k;
            }
        }
        return t.size();
    }

    private int closeParen(int open) {
        int depth = 0;
        for (int k = open; k < t.size(); k++) {
            if (t.get(k).isSymbol('(')) {
                depth++;
            } else if (t.get(k).isSymbol(')') && --depth == 0) {
                return k;
            }
        }
        return t.size();
    }

    private boolean at(int i, String... words) {
        if (i < 0 || i + words.length > t.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            SqlToken tok = t.get(i + k);
            if (w.length() == 1 && !Character.isLetter(w.charAt(0)) ? !tok.isSymbol(w.charAt(0)) : !tok.isWord(w)) {
                return false;
            }
        }
        return true;
    }

    private int skip(int i, String... words) {
        return at(i, words) ? i + words.length : i;
    }

    private int indexOfWord(int from, int end, String word) {
        for (int k = Math.max(0, from); k < Math.min(end, t.size()); k++) {
            if (t.get(k).isWord(word)) {
                return k;
            }
        }
        return -1;
    }

    private String upper(int i) {
        return t.get(i).kind() == SqlToken.Kind.WORD ? t.get(i).text().toUpperCase(Locale.ROOT) : "";
    }

    private String lower(int i) {
        return i < t.size() && t.get(i).name() != null ? t.get(i).name() : "";
    }
}
