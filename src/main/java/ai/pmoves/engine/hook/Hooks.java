package ai.pmoves.engine.hook;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.NaturalOrder;
import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.engine.script.DryRunScript;
import ai.pmoves.engine.script.ExecutionError;
import ai.pmoves.engine.script.ScriptFailure;
import ai.pmoves.engine.script.ScriptRunner;
import ai.pmoves.engine.sql.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hooks of {@code hooksDirectory}: SQL files named for the moment they run at, read and split before anything
 * runs, run every time (they are not tracked), in natural order within a moment, under the run's migration lock.
 */
public final class Hooks {
    public static final Hooks NONE = new Hooks(Map.of());

    /** A hook file: its path from the project directory, for the log and errors, and its script. */
    private record Hook(String path, MigrationScript script) {
    }

    private final Map<HookMoment, List<Hook>> hooks;

    private Hooks(Map<HookMoment, List<Hook>> hooks) {
        this.hooks = hooks;
    }

    /**
     * Reads the hooks of {@code directory}; a missing default directory has none. A {@code .sql} file named for no
     * moment is an error naming it, since it would otherwise never run.
     */
    public static Hooks read(ConfiguredDirectory directory, Path baseDirectory) {
        List<Path> files = new ArrayList<>(SqlFiles.list(directory, "hooksDirectory"));
        files.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        Map<HookMoment, List<Hook>> hooks = new EnumMap<>(HookMoment.class);
        for (Path file : files) {
            HookMoment moment = HookMoment.ofFileName(file.getFileName().toString());
            if (moment == null) {
                throw new PmovesException("Hook " + Printable.of(file) + " is named for no moment: name it"
                        + " MOMENT.sql or MOMENT__anything.sql, where MOMENT is one of " + HookMoment.allFileWords()
                        + ".");
            }
            hooks.computeIfAbsent(moment, m -> new ArrayList<>())
                    .add(new Hook(SqlFiles.recordedPath(baseDirectory, file), MigrationScript.read(file)));
        }
        return new Hooks(hooks);
    }

    /** Every hook, its path to its script, moment after moment in the order they run: what a plan records. */
    public Map<String, MigrationScript> scripts() {
        Map<String, MigrationScript> scripts = new LinkedHashMap<>();
        for (HookMoment moment : HookMoment.values()) {
            at(moment).forEach(hook -> scripts.put(hook.path(), hook.script()));
        }
        return scripts;
    }

    /** Whether a hook runs at {@code moment}. */
    public boolean has(HookMoment moment) {
        return !at(moment).isEmpty();
    }

    private List<Hook> at(HookMoment moment) {
        return hooks.getOrDefault(moment, List.of());
    }

    /** Runs the hooks of {@code moment}, each in a transaction of its own (or as written), in a fresh session. */
    public void run(HookMoment moment, WorkSession session, EngineLog log) {
        List<Hook> due = at(moment);
        if (due.isEmpty()) {
            return;
        }
        try {
            int serverMajor = session.connection().getMetaData().getDatabaseMajorVersion();
            ScriptRunner runner = new ScriptRunner(session, serverMajor);
            for (Hook hook : due) {
                try {
                    long ms = runner.run(hook.script(), (c, millis) -> { }, (c, millis) -> { });
                    log.info("[hook " + moment.fileWord() + "] " + hook.path() + " … " + ms + " ms");
                } catch (ScriptFailure f) {
                    throw new PmovesException(f.describe(hook.path(), hook.script()) + "\nHook "
                            + Printable.of(hook.path())
                            + (f.rolledBack() ? " was rolled back." : " ran outside a transaction and stopped there.")
                            + " Fix the hook and run again.", f.getCause());
                }
            }
        } catch (SQLException e) {
            throw new PmovesException("Cannot run the " + moment.fileWord() + " hooks: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the hooks of {@code moment} on {@code connection}, in the transaction of the file that just ran; a failure
     * is an SQLException whose message names the hook's file:line:column, so that the file's transaction rolls back.
     */
    public void runInside(HookMoment moment, Connection connection, WorkSession session) throws SQLException {
        for (Hook hook : at(moment)) {
            try (Statement st = connection.createStatement()) {
                for (SqlStatement s : hook.script().statements()) {
                    try {
                        st.execute(session.sqlOf(s));
                    } catch (SQLException e) {
                        throw new SQLException("hook " + ExecutionError.describe(hook.path(), s, e, 0,
                                session.variables()), e.getSQLState(), e);
                    }
                }
            }
        }
    }

    /**
     * After a run that failed: the onError hooks, each in its own transaction. A hook that fails too is added to
     * {@code failure}, which stays the error the run reports.
     */
    public void runOnError(WorkSession session, EngineLog log, RuntimeException failure) {
        if (at(HookMoment.ON_ERROR).isEmpty()) {
            return;
        }
        try {
            session.connection().setAutoCommit(true); // out of the failed file's transaction, rolled back by now
            run(HookMoment.ON_ERROR, session, log);
        } catch (RuntimeException | SQLException e) {
            failure.addSuppressed(e);
            log.warn("An onError hook failed too: " + e.getMessage());
        }
    }

    /** Adds the hooks of {@code moment} to a dry run, each under its own heading. */
    public void writeTo(HookMoment moment, DryRunScript dryRun) {
        for (Hook hook : at(moment)) {
            dryRun.script(heading(moment, hook), hook.script(), null, "");
        }
    }

    /**
     * Adds the hooks of {@code moment} to a dry run inside the file written last, after its history change, where
     * {@link #runInside} runs them.
     */
    public void writeInside(HookMoment moment, DryRunScript dryRun) {
        for (Hook hook : at(moment)) {
            dryRun.inside(heading(moment, hook), hook.script());
        }
    }

    private static String heading(HookMoment moment, Hook hook) {
        return "[hook " + moment.fileWord() + "] " + hook.path() + " (runs every time, not recorded)";
    }
}
