package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement of a migration that holds others up on a table that is already there: it waits behind any query on the
 * table while every later query waits behind it, or it scans or rewrites the table while it holds its lock. Such a
 * table is one the file did not create: one created earlier in the same file is new and empty, and no rule applies
 * to it (read as squawk reads a file, with no database). A statement whose line before says
 * {@code -- pmoves:allow <rule>} is let through.
 */
abstract class HazardRule extends Rule {
    /** The comment that lets the next statement through: {@code -- pmoves:allow index-not-concurrent}. */
    static final String ALLOW = "-- pmoves:allow";

    HazardRule(String id, String why, String fix) {
        super(id, Severity.WARNING, why, fix);
    }

    /**
     * What the walk through the migrations has seen before a statement: the tables its file created, and the
     * {@code CHECK (col IS NOT NULL)} constraints added and validated by any migration so far. A new one for each run
     * of the rule, so that a rule holds no state of its own.
     */
    static final class Seen {
        /** A check of the migrations so far: (table, column), its constraint's name, and whether it is valid. */
        record NotNullCheck(NameRef table, String column, String name, boolean validated) {
        }

        private final List<NameRef> created = new ArrayList<>();
        private final List<NotNullCheck> notNullChecks = new ArrayList<>();

        /** Whether {@code table} is one the file created before the statement. */
        boolean isNew(NameRef table) {
            return created.stream().anyMatch(c -> c.sameObject(table));
        }

        /** Whether a validated {@code CHECK (column IS NOT NULL)} on {@code table} came before. */
        boolean validatedNotNull(NameRef table, String column) {
            return notNullChecks.stream().anyMatch(c -> c.validated() && c.table().sameObject(table)
                    && c.column().equals(column));
        }

        private void see(LintStatement statement) {
            NameRef table = createdTable(statement);
            if (table != null) {
                created.add(table);
            }
            AlterTable alter = AlterTable.of(statement);
            if (alter != null) {
                for (int[] action : alter.actions()) {
                    seeCheck(alter.table(), statement.tokens(), action[0], action[1]);
                }
            }
        }

        /** {@code ADD CONSTRAINT c CHECK (col IS NOT NULL) [NOT VALID]}, and {@code VALIDATE CONSTRAINT c}. */
        private void seeCheck(NameRef table, List<SqlToken> t, int start, int end) {
            // ADD CONSTRAINT c CHECK ( col IS NOT NULL ): ten tokens
            if (start + 10 <= end && Tokens.wordsAt(t, start, "ADD", "CONSTRAINT")
                    && Tokens.wordsAt(t, start + 3, "CHECK") && t.get(start + 4).isSymbol('(')
                    && t.get(start + 5).isName() && Tokens.wordsAt(t, start + 6, "IS", "NOT", "NULL")
                    && t.get(start + 9).isSymbol(')')) {
                int valid = Tokens.indexOfWord(t, start + 10, "VALID");
                notNullChecks.add(new NotNullCheck(table, t.get(start + 5).name(), t.get(start + 2).name(),
                        valid < 0 || valid >= end));
            } else if (Tokens.wordsAt(t, start, "VALIDATE", "CONSTRAINT") && start + 2 < end) {
                String name = t.get(start + 2).name();
                notNullChecks.replaceAll(c -> c.table().sameObject(table) && c.name().equals(name)
                        ? new NotNullCheck(c.table(), c.column(), c.name(), true) : c);
            }
        }
    }

    @Override
    public final void check(LintInput files, List<Finding> out) {
        Seen seen = new Seen();
        for (SourceFile file : files.of(SourceKind.MIGRATION)) {
            seen.created.clear(); // new only in the file that creates it
            for (LintStatement statement : file.statements()) {
                if (!allowed(file, statement)) {
                    check(file, statement, seen, out);
                }
                seen.see(statement);
            }
        }
    }

    /** Adds a finding for every hazard of {@code statement}, knowing what came {@link Seen before} it. */
    abstract void check(SourceFile file, LintStatement statement, Seen seen, List<Finding> out);

    /** Whether the line before the statement is {@code -- pmoves:allow} naming this rule (among others). */
    private boolean allowed(SourceFile file, LintStatement statement) {
        String before = lineBefore(file.script().text(), statement.statement().offset());
        String comment = before.strip();
        if (!comment.regionMatches(true, 0, ALLOW, 0, ALLOW.length())) {
            return false;
        }
        for (String id : comment.substring(ALLOW.length()).split("[\\s,]+")) {
            if (id.toLowerCase(Locale.ROOT).equals(id())) {
                return true;
            }
        }
        return false;
    }

    /** The whole line before the one {@code offset} is on; empty on the first line. */
    private static String lineBefore(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1);
        if (lineStart < 0) {
            return "";
        }
        int previousStart = text.lastIndexOf('\n', lineStart - 1) + 1;
        return text.substring(previousStart, lineStart);
    }

    /** The table a {@code CREATE [UNLOGGED|TEMP] TABLE [IF NOT EXISTS] name} makes, or null. */
    private static NameRef createdTable(LintStatement statement) {
        if (!statement.startsWith("CREATE")) {
            return null;
        }
        List<SqlToken> t = statement.tokens();
        int i = Tokens.skipAny(t, Tokens.skipAny(t, 1, "GLOBAL", "LOCAL"), "TEMP", "TEMPORARY", "UNLOGGED");
        if (!Tokens.wordsAt(t, i, "TABLE")) {
            return null;
        }
        return NameRef.at(t, Tokens.skip(t, i + 1, "IF", "NOT", "EXISTS"));
    }
}
