package ai.pmoves.engine.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extensions a SQL text creates: every {@code CREATE EXTENSION [IF NOT EXISTS] name}, also inside a {@code DO}
 * block, read with the lexer, so a name in a comment, a string or a function body does not count. It is what
 * {@code pmoves:start} reads the project's files for, to choose a server that has them.
 */
public final class CreatedExtensions {
    private CreatedExtensions() {
    }

    /**
     * The extensions {@code raw} creates, by the names PostgreSQL stores ({@code "uuid-ossp"} read as uuid-ossp,
     * {@code PG_CRON} as pg_cron). Reading stops at a syntax error: the goal that runs the file reports it, with its
     * line. COPY data is skipped, not read into memory.
     */
    public static Set<String> in(Reader raw) throws IOException {
        Set<String> names = new TreeSet<>();
        try (SqlStatementReader reader = new SqlStatementReader(raw)) {
            for (SqlStatement s; (s = reader.next()) != null; ) {
                if (createsExtension(s.words()) || (!s.words().isEmpty() && s.words().get(0).equals("DO"))) {
                    collect(SqlTokens.of(s.sql()), names);
                }
            }
        } catch (SqlSyntaxException e) {
            // the rest of the file is unreadable to psql too; what was read so far counts
        }
        return names;
    }

    /**
     * The extensions {@code files} create, together. A file that cannot be read adds nothing: the goal that runs it
     * reports it.
     */
    public static Set<String> in(Collection<Path> files) {
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                names.addAll(in(reader));
            } catch (IOException | UncheckedIOException e) {
                // unreadable or not UTF-8: not this reading's to report
            }
        }
        return names;
    }

    private static boolean createsExtension(List<String> words) {
        return words.size() >= 2 && words.get(0).equals("CREATE") && words.get(1).equals("EXTENSION");
    }

    /** The names after CREATE EXTENSION [IF NOT EXISTS] among {@code tokens}, and inside their dollar-quoted bodies. */
    static void collect(List<SqlToken> tokens, Set<String> names) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.kind() == SqlToken.Kind.DOLLAR_STRING) {
                collect(SqlTokens.inside(t), names);
            } else if (t.isWord("CREATE") && i + 2 < tokens.size() && tokens.get(i + 1).isWord("EXTENSION")) {
                int n = i + 2;
                if (tokens.get(n).isWord("IF") && n + 3 < tokens.size() && tokens.get(n + 1).isWord("NOT")
                        && tokens.get(n + 2).isWord("EXISTS")) {
                    n += 3;
                }
                if (tokens.get(n).isName()) {
                    names.add(tokens.get(n).name());
                }
                i = n;
            }
        }
    }
}
