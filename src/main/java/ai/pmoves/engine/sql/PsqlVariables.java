package ai.pmoves.engine.sql;

import ai.pmoves.engine.PmovesException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Variables as psql substitutes them ({@code psql -v name=value}): {@code :'name'} becomes a quoted literal,
 * {@code :"name"} a quoted identifier, {@code :name} the value as is. Only outside strings, quoted identifiers,
 * comments and dollar bodies (each of those is one token, or none), never in a {@code ::type} cast, and, as in psql,
 * only for variables that are defined: so the same files still run with psql. Values are never part of a message.
 */
public final class PsqlVariables {
    public static final PsqlVariables NONE = new PsqlVariables(Map.of());
    /** The characters psql reads as a variable name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final Map<String, String> values;
    /** The variables whose values are secrets: a plan shows them as written, never substituted. */
    private final Set<String> secrets;

    /** @throws PmovesException when a name is not one psql could refer to */
    public PsqlVariables(Map<String, String> values) {
        this(values, Set.of());
    }

    /**
     * @param secrets the names among {@code values} whose values are secrets (from settings.xml): see {@link #shown}
     * @throws PmovesException when a name is not one psql could refer to
     */
    public PsqlVariables(Map<String, String> values, Set<String> secrets) {
        for (String name : values.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new PmovesException("Variable name '" + name + "' cannot be written in a file as :name: use"
                        + " letters, digits and underscores only (in variables or -Dpmoves.var.NAME).");
            }
        }
        this.values = new TreeMap<>(values);
        this.secrets = Set.copyOf(secrets);
    }

    /**
     * {@code text} with each value of four characters or more replaced by {@code :'name'}: for a server's message
     * that quotes the data it was given. Shorter values are left, since they would turn every {@code 3} of a line
     * number into a name, and hide no secret.
     */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        List<Map.Entry<String, String>> longestFirst = new ArrayList<>(values.entrySet());
        longestFirst.sort((a, b) -> b.getValue().length() - a.getValue().length());
        for (Map.Entry<String, String> variable : longestFirst) {
            if (variable.getValue().length() >= 4) {
                masked = masked.replace(variable.getValue(), ":'" + variable.getKey() + "'");
            }
        }
        return masked;
    }

    /** The names of the variables, never their values. */
    public Set<String> names() {
        return Set.copyOf(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** One {@code :name}, {@code :'name'} or {@code :"name"} in a statement. */
    public record Reference(String name, char quote, int offset, int length) {
        /** As written: {@code :'name'}, {@code :"name"} or {@code :name}. */
        public String written() {
            return quote == 0 ? ":" + name : ":" + quote + name + quote;
        }
    }

    /** {@code sql} with every reference to a defined variable replaced by its value, quoted as the reference asks. */
    public String substitute(String sql) {
        return substitute(sql, false);
    }

    /**
     * {@code sql} as a reviewer may read it: {@link #substitute substituted}, except the secret variables, which stay
     * as written ({@code :'name'}), so that the text still runs with psql given the same variables.
     */
    public String shown(String sql) {
        return substitute(sql, true);
    }

    private String substitute(String sql, boolean keepSecrets) {
        if (values.isEmpty() || sql.indexOf(':') < 0) {
            return sql;
        }
        StringBuilder out = null;
        int copied = 0;
        for (Reference r : references(sql)) {
            String value = values.get(r.name());
            if (value == null || keepSecrets && secrets.contains(r.name())) {
                continue; // psql leaves an undefined variable as written; a secret one is not shown
            }
            if (out == null) {
                out = new StringBuilder(sql.length() + 32);
            }
            out.append(sql, copied, r.offset()).append(quoted(value, r.quote()));
            copied = r.offset() + r.length();
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    /**
     * Where {@code offset} of the substituted text is in {@code sql} as written: within a value, the start of its
     * reference. So that an error position the server gives is mapped to the file's line and column.
     */
    public int offsetAsWritten(String sql, int offset) {
        int shift = 0; // how much longer the substituted text is so far
        for (Reference r : references(sql)) {
            String value = values.get(r.name());
            if (value == null) {
                continue;
            }
            int length = quoted(value, r.quote()).length();
            int start = r.offset() + shift;
            if (offset < start) {
                break;
            }
            if (offset < start + length) {
                return r.offset();
            }
            shift += length - r.length();
        }
        return offset - shift;
    }

    /** The quoted references ({@code :'x'}, {@code :"x"}) to variables that are not defined, in order. */
    public List<Reference> undefinedQuoted(String sql) {
        List<Reference> undefined = new ArrayList<>();
        for (Reference r : references(sql)) {
            if (r.quote() != 0 && !values.containsKey(r.name())) {
                undefined.add(r);
            }
        }
        return undefined;
    }

    /** Every variable reference in {@code sql}, defined or not, found by its tokens. */
    public static List<Reference> references(String sql) {
        List<Reference> found = new ArrayList<>();
        if (sql.indexOf(':') < 0) {
            return found;
        }
        List<SqlToken> tokens = SqlTokens.of(sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken colon = tokens.get(i);
            SqlToken next = tokens.get(i + 1);
            if (!colon.isSymbol(':') || next.offset() != colon.offset() + 1 || next.isSymbol(':')
                    || (i > 0 && tokens.get(i - 1).isSymbol(':')
                    && tokens.get(i - 1).offset() == colon.offset() - 1)) {
                continue; // not a colon directly before a name, or part of a :: cast
            }
            Reference reference = reference(colon, next);
            if (reference != null) {
                found.add(reference);
            }
        }
        return found;
    }

    /** The reference a colon and the token right after it make, or null when they make none. */
    private static Reference reference(SqlToken colon, SqlToken next) {
        String text = next.text();
        char quote = next.kind() == SqlToken.Kind.STRING && text.charAt(0) == '\'' ? '\''
                : next.kind() == SqlToken.Kind.QUOTED_NAME && text.charAt(0) == '"' ? '"' : 0;
        if (quote == 0 && next.kind() != SqlToken.Kind.WORD) {
            return null;
        }
        String name = quote == 0 ? text : text.substring(1, text.length() - 1);
        return NAME.matcher(name).matches() ? new Reference(name, quote, colon.offset(), 1 + text.length()) : null;
    }

    /** As psql quotes: literals with {@code '} doubled (E'' for a backslash), identifiers with {@code "} doubled. */
    private static String quoted(String value, char quote) {
        if (quote == '"') {
            return SqlIdentifier.quoted(value);
        }
        if (quote == '\'') {
            String doubled = value.replace("'", "''");
            return value.indexOf('\\') < 0 ? "'" + doubled + "'" : " E'" + doubled.replace("\\", "\\\\") + "'";
        }
        return value;
    }

    @Override
    public String toString() {
        return "variables " + values.keySet(); // never the values
    }
}
