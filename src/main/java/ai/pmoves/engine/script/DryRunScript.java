package ai.pmoves.engine.script;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.sql.PsqlVariables;
import ai.pmoves.engine.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The exact SQL a run would execute, in order, with its transaction boundaries and history changes, written as a
 * psql-runnable file instead of being executed. Apply writes migrations and their inserts; rollback writes down
 * scripts and their deletes.
 */
public final class DryRunScript {
    private final StringBuilder sql = new StringBuilder();
    private final HistoryTable history;
    /** How a statement is written: as in its file, or with the psql variables a reviewer may see substituted. */
    private final UnaryOperator<String> shown;
    private Function<SqlStatement, List<String>> notes = s -> List.of();

    /** @param goal the goal whose run this previews, e.g. {@code apply} */
    public DryRunScript(HistoryTable history, String maskedUrl, String goal) {
        this(history, "-- pmoves dry run against " + maskedUrl + "\n-- Nothing below was executed; this is what pmoves:"
                + goal + " would run, in order.\n\n", UnaryOperator.identity());
    }

    private DryRunScript(HistoryTable history, String header, UnaryOperator<String> shown) {
        this.history = history;
        this.shown = shown;
        sql.append(header);
    }

    /**
     * The script of a release plan: what apply runs when given the plan, with the psql variables substituted but for
     * the secret ones, which stay as written ({@code :'name'}).
     *
     * @param planFile the plan.json the script goes with, named in its header
     */
    public static DryRunScript plan(HistoryTable history, String maskedUrl, PsqlVariables variables, Path planFile) {
        return new DryRunScript(history, "-- pmoves plan for " + maskedUrl + "\n-- Nothing below was executed; this is"
                + " what pmoves:apply -Dpmoves.plan=" + Printable.of(planFile.getFileName()) + " runs, in order, once it"
                + " has checked that nothing moved since.\n\n", variables::shown);
    }

    /**
     * Comment lines to write above each statement of the files, such as the locks it takes; none by default.
     */
    public DryRunScript withNotes(Function<SqlStatement, List<String>> notes) {
        this.notes = notes;
        return this;
    }

    public void createHistoryTable() {
        statements("the history table does not exist yet", history.createStatements());
    }

    /** Statements of the plugin's own (a table it creates) in one transaction under a {@code --} heading. */
    public void statements(String heading, List<String> statements) {
        comment(heading);
        sql.append("BEGIN;\n");
        statements.forEach(s -> sql.append(s).append(";\n"));
        sql.append("COMMIT;\n\n");
    }

    public void baseline(Migration m) {
        comment("baseline " + m.fileName() + " (recorded, not run)");
        sql.append(historyInsert(m, null, "baseline")).append("\n\n");
    }

    /** @param afterRow what runs after the history row, in the migration's transaction: its afterEach… hooks */
    public void migration(int index, int total, Migration m, MigrationScript script, String nonTransactionalReason,
                          Consumer<DryRunScript> afterRow) {
        script("[" + index + "/" + total + "] " + m.fileName() + " (version " + m.version()
                + (m.origin() == null ? "" : "; " + m.origin()) + ")", script,
                nonTransactionalReason, historyInsert(m, script.checksum(), "applied"), afterRow);
    }

    /**
     * One file's statements under a {@code --} heading, in {@code BEGIN}/{@code COMMIT} with {@code historySql} unless
     * it runs outside a transaction, in which case the reason is shown and {@code historySql} follows the statements.
     */
    public void script(String heading, MigrationScript script, String nonTransactionalReason, String historySql) {
        script(heading, script, nonTransactionalReason, historySql, dryRun -> { });
    }

    /** {@link #script(String, MigrationScript, String, String)}, with {@code afterRow} written after {@code historySql}. */
    public void script(String heading, MigrationScript script, String nonTransactionalReason, String historySql,
                       Consumer<DryRunScript> afterRow) {
        comment(heading);
        boolean transactional = nonTransactionalReason == null;
        if (transactional) {
            sql.append("BEGIN;\n");
        } else {
            comment("outside a transaction: " + nonTransactionalReason);
        }
        for (SqlStatement s : script.statements()) {
            if (transactional && TransactionRules.isTransactionControl(s)) {
                comment("skipped (the plugin runs each file in its own transaction): " + s.sql());
                continue;
            }
            statement(s);
        }
        if (!historySql.isEmpty()) { // a hook has no row
            sql.append(historySql).append('\n');
        }
        afterRow.accept(this);
        sql.append(transactional ? "COMMIT;\n\n" : "\n");
    }

    /**
     * The statements of a file that runs inside the file before it, after its history change (an afterEach… hook),
     * under a {@code --} heading and as written.
     */
    public void inside(String heading, MigrationScript script) {
        comment(heading);
        script.statements().forEach(this::statement);
    }

    /**
     * A {@code --} line. What it says names files and quotes statements, which may hold a line break: escaped, so
     * that the rest of a name never runs as SQL when the file is run with psql.
     */
    private void comment(String text) {
        sql.append("-- ").append(Printable.of(text)).append('\n');
    }

    private void statement(SqlStatement s) {
        notes.apply(s).forEach(this::comment);
        sql.append(shown.apply(s.sql())).append(";\n");
        if (s.isCopyFromStdin()) {
            sql.append(s.copyData());
            if (!s.copyData().isEmpty() && !s.copyData().endsWith("\n")) {
                sql.append('\n');
            }
            sql.append("\\.\n");
        }
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PmovesException("Cannot write the dry run to " + Printable.of(file) + ": "
                    + Printable.of(e.getMessage()), e);
        }
    }

    private String historyInsert(Migration m, String checksum, String state) {
        return "INSERT INTO " + history.name() + " (version, name, checksum, applied_at, applied_by, state) VALUES ("
                + literal(m.version()) + ", " + literal(m.name().description()) + ", "
                + (checksum == null ? "NULL" : literal(checksum)) + ", timezone('UTC', now()), current_user, "
                + literal(state) + ");";
    }

    /** A SQL string literal. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
