package ai.pmoves.engine.seed;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A narrow reader of the Supabase CLI's {@code config.toml}: it walks all of the file's TOML (tables, strings,
 * arrays, inline tables) to keep its place, and keeps only {@code db.seed.enabled} and {@code db.seed.sql_paths},
 * however they are written ({@code [db.seed]}, dotted keys, an inline table). A TOML library would cost every goal
 * its dependencies for two keys. What it cannot read is an error naming the file and the line.
 */
final class DbSeedToml {
    /** A value written without quotes: {@code true}, {@code 54322}, a date. */
    private record Bare(String text) {
    }

    private final String text;
    private final String file;
    private int pos;
    private int line = 1;
    private Boolean enabled;
    private List<String> sqlPaths;

    private DbSeedToml(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /** {@code [db.seed]} of {@code text}, the CLI's defaults for what it does not set. */
    static SupabaseSeedConfig parse(String text, String file) {
        DbSeedToml toml = new DbSeedToml(text, file);
        toml.document();
        SupabaseSeedConfig defaults = SupabaseSeedConfig.CLI_DEFAULT;
        return new SupabaseSeedConfig(toml.enabled == null ? defaults.enabled() : toml.enabled,
                toml.sqlPaths == null ? defaults.sqlPaths() : toml.sqlPaths, toml.sqlPaths != null);
    }

    private void document() {
        String table = "";
        while (skipBlank()) {
            int at = line;
            if (peek() == '[') {
                table = header();
            } else {
                String key = key();
                skipSpaces();
                assign(table.isEmpty() ? key : table + "." + key, value(), at);
            }
            endOfLine();
        }
    }

    private String header() {
        boolean arrayTable = text.startsWith("[[", pos);
        pos += arrayTable ? 2 : 1;
        int end = text.indexOf(arrayTable ? "]]" : "]", pos);
        int newline = text.indexOf('\n', pos);
        if (end < 0 || (newline >= 0 && newline < end)) {
            throw error("a table header that does not close with ] on its line");
        }
        String name = dotted(text.substring(pos, end));
        pos = end + (arrayTable ? 2 : 1);
        return arrayTable ? name + "[]" : name; // the keys of an array of tables are never db.seed's
    }

    private String key() {
        int equals = text.indexOf('=', pos);
        int newline = text.indexOf('\n', pos);
        if (equals < 0 || (newline >= 0 && newline < equals)) {
            throw error("it is neither a [table] header nor key = value");
        }
        String key = dotted(text.substring(pos, equals));
        pos = equals + 1;
        return key;
    }

    private static String dotted(String key) {
        return Arrays.stream(key.split("\\.")).map(String::trim).map(k -> k.replaceAll("^[\"']|[\"']$", ""))
                .collect(Collectors.joining("."));
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("a key without a value");
        }
        char c = peek();
        if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
            String quotes = text.substring(pos, pos + 3);
            int end = text.indexOf(quotes, pos + 3);
            if (end < 0) {
                throw error("a multi-line string " + quotes + " that never closes");
            }
            String s = text.substring(pos + 3, end);
            advanceTo(end + 3);
            return s;
        }
        if (c == '"' || c == '\'') {
            return string(c);
        }
        if (c == '[') {
            int opened = line;
            pos++;
            List<Object> values = new ArrayList<>();
            while (skipBlank() && peek() != ']') {
                values.add(value());
                skipBlank();
                if (pos < text.length() && peek() == ',') {
                    pos++;
                } else if (pos >= text.length() || peek() != ']') {
                    throw error(opened, "cannot read the array that opens on this line: its values are not separated"
                            + " by commas, or it does not close with ]");
                }
            }
            if (pos >= text.length()) {
                throw error(opened, "cannot read the array that opens on this line: it does not close with ]");
            }
            pos++;
            return values;
        }
        if (c == '{') {
            pos++;
            Map<String, Object> table = new LinkedHashMap<>();
            skipSpaces();
            while (pos < text.length() && peek() != '}') {
                String key = key();
                skipSpaces();
                table.put(key, value());
                skipSpaces();
                if (pos < text.length() && peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (pos >= text.length() || peek() != '}') {
                    throw error("an inline table that never closes with }");
                }
            }
            pos++;
            return table;
        }
        int start = pos;
        while (pos < text.length() && "\n#,]}".indexOf(peek()) < 0) {
            pos++;
        }
        String bare = text.substring(start, pos).trim();
        if (bare.isEmpty()) {
            throw error("a key without a value");
        }
        return new Bare(bare);
    }

    private String string(char quote) {
        StringBuilder s = new StringBuilder();
        pos++;
        while (pos < text.length() && peek() != quote && peek() != '\n') {
            char c = text.charAt(pos++);
            if (c == '\\' && quote == '"' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'r' -> s.append('\r');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case '"', '\\' -> s.append(e);
                    case 'u', 'U' -> {
                        int digits = e == 'u' ? 4 : 8;
                        try {
                            s.appendCodePoint(Integer.parseInt(text.substring(pos, pos + digits), 16));
                        } catch (RuntimeException bad) {
                            throw error("a \\" + e + " escape without " + digits + " hex digits");
                        }
                        pos += digits;
                    }
                    default -> throw error("an unknown escape \\" + e + " in a string (write \\\\ for a \\)");
                }
            } else {
                s.append(c);
            }
        }
        if (pos >= text.length() || peek() != quote) {
            throw error("a string that does not close with " + quote + " on its line");
        }
        pos++;
        return s.toString();
    }

    private void assign(String key, Object value, int at) {
        if (value instanceof Map<?, ?> table) {
            table.forEach((k, v) -> assign(key + "." + k, v, at));
        } else if (key.equals("db.seed.enabled")) {
            if (!(value instanceof Bare bare) || !bare.text().matches("true|false")) {
                throw error(at, "[db.seed] enabled is " + shown(value) + ": write true or false, without quotes");
            }
            enabled = Boolean.parseBoolean(bare.text());
        } else if (key.equals("db.seed.sql_paths")) {
            if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw error(at, "[db.seed] sql_paths is " + shown(value) + ": write an array of strings, e.g."
                        + " [\"./seed.sql\"]");
            }
            sqlPaths = list.stream().map(String.class::cast).toList();
        }
    }

    private static String shown(Object value) {
        return value instanceof Bare bare ? bare.text() : value instanceof String s ? "\"" + s + "\"" : value.toString();
    }

    /** Skips spaces, newlines and comments; false at the end of the text. */
    private boolean skipBlank() {
        while (pos < text.length()) {
            char c = peek();
            if (c == '#') {
                int newline = text.indexOf('\n', pos);
                pos = newline < 0 ? text.length() : newline;
            } else if (Character.isWhitespace(c)) {
                advanceTo(pos + 1);
            } else {
                return true;
            }
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void endOfLine() {
        skipSpaces();
        if (pos < text.length() && peek() == '#') {
            int newline = text.indexOf('\n', pos);
            pos = newline < 0 ? text.length() : newline;
        }
        if (pos < text.length() && peek() != '\n' && peek() != '\r') {
            throw error("more after the value on its line: '" + text.substring(pos, lineEnd()).trim() + "'");
        }
    }

    private int lineEnd() {
        int newline = text.indexOf('\n', pos);
        return newline < 0 ? text.length() : newline;
    }

    private void advanceTo(int end) {
        for (; pos < end; pos++) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    /** The TOML of the current line cannot be read: {@code what} says why. */
    private PmovesException error(String what) {
        return error(line, "cannot read this line: " + what);
    }

    private PmovesException error(int at, String what) {
        return new PmovesException(Printable.of(file) + ":" + at + ": " + Printable.of(what) + ". The plugin reads"
                + " [db.seed] enabled and sql_paths of the Supabase CLI's config.toml to find the seed files: fix the"
                + " line (the CLI cannot read it either), or set seedDirectories, which leaves config.toml unread.");
    }
}
