package ai.pmoves.engine.definition;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.hook.HookMoment;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.script.DryRunScript;
import ai.pmoves.engine.script.ScriptFailure;
import ai.pmoves.engine.script.ScriptRunner;
import ai.pmoves.engine.seed.SeedInfo;
import ai.pmoves.engine.seed.SeedState;
import ai.pmoves.engine.supabase.MissingPlatform;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions a run brings up to date: those that are new or changed since they last ran, read and split before
 * anything runs, then run after the run's migrations, each in one transaction with its row in the
 * {@link DefinitionTable} (or as written, as a migration, when it has transaction control of its own), each in a fresh
 * session. A definition that fails is rolled back and not recorded; the ones before it stay applied.
 */
public final class DefinitionPlan {
    private final WorkSession session;
    private final DefinitionTable table;
    private final boolean tableExists;
    private final ScriptRunner runner;
    private final List<SeedInfo> toRun;
    private final List<MigrationScript> scripts;

    private DefinitionPlan(WorkSession session, DefinitionTable table, boolean tableExists, List<SeedInfo> toRun,
                           List<MigrationScript> scripts) throws SQLException {
        this.session = session;
        this.table = table;
        this.tableExists = tableExists;
        this.runner = new ScriptRunner(session, session.connection().getMetaData().getDatabaseMajorVersion());
        this.toRun = toRun;
        this.scripts = scripts;
    }

    /**
     * Compares the definitions of {@code sources} (none when null) with the definition table and splits each one to
     * run: a definition that cannot be read or split fails the run before anything ran.
     */
    public static DefinitionPlan read(WorkSession session, DefinitionSources sources, TableName historyTable)
            throws SQLException {
        DefinitionTable table = new DefinitionTable(historyTable);
        List<SeedInfo> toRun = new ArrayList<>();
        List<MigrationScript> scripts = new ArrayList<>();
        // A run without definition files asks the database nothing about them: each question is a round trip
        if (sources != null && !sources.scan().isEmpty()) {
            for (SeedInfo info : sources.status(session.connection(), historyTable)) {
                if (info.state() == SeedState.PENDING || info.state() == SeedState.CHANGED) {
                    toRun.add(info);
                    scripts.add(MigrationScript.read(info.file().file()));
                }
            }
        }
        // whether the table is there only matters to a dry run that has a definition to run: it shows the CREATE
        return new DefinitionPlan(session, table, !toRun.isEmpty() && table.exists(session.connection()), toRun,
                scripts);
    }

    /** Runs every definition of the plan, under the caller's migration lock; returns their recorded paths. */
    public List<String> run(EngineLog log, Hooks hooks) {
        if (toRun.isEmpty()) {
            return List.of();
        }
        table.ensure(session.connection());
        List<String> ran = new ArrayList<>(toRun.size());
        for (int i = 0; i < toRun.size(); i++) {
            SeedInfo definition = toRun.get(i);
            MigrationScript script = scripts.get(i);
            long ms;
            try {
                ms = runner.run(script, (c, millis) -> {
                    table.record(c, definition.path(), script.checksum(), millis);
                    hooks.runInside(HookMoment.AFTER_EACH_DEFINITION, c, session);
                }, (c, millis) -> { }); // not recorded: the next run runs it again from the start
            } catch (ScriptFailure f) {
                throw new PmovesException(failure(definition.path(), script, f), f.getCause());
            }
            ran.add(definition.path());
            log.info(progress(i) + " … " + ms + " ms");
        }
        log.info("Definitions: " + Counted.of(ran.size(), "definition") + " ran (new or changed).");
        return ran;
    }

    /**
     * Adds every definition of the plan to a dry run, with the table's creation when it does not exist yet and the
     * afterEachDefinition hooks inside each one.
     */
    public void writeTo(DryRunScript dryRun, EngineLog log, Hooks hooks) {
        for (int i = 0; i < toRun.size(); i++) {
            SeedInfo definition = toRun.get(i);
            MigrationScript script = scripts.get(i);
            if (i == 0 && !tableExists) {
                dryRun.statements("the definition table, where it does not exist yet", table.createStatements());
            }
            dryRun.script(progress(i), script, runner.nonTransactionalReason(script),
                    table.recordSql(definition.path(), script.checksum()),
                    d -> hooks.writeInside(HookMoment.AFTER_EACH_DEFINITION, d));
            log.info(progress(i) + " … would run");
        }
    }

    /** The definitions the plan runs, each path to its script, in order: what a release plan records. */
    public Map<String, MigrationScript> scripts() {
        Map<String, MigrationScript> byPath = new LinkedHashMap<>();
        for (int i = 0; i < toRun.size(); i++) {
            byPath.put(toRun.get(i).path(), scripts.get(i));
        }
        return byPath;
    }

    /**
     * This plan with only the definitions whose paths {@code paths} holds (a release plan's): the others, new or
     * changed since, wait for a later run.
     */
    public DefinitionPlan only(Collection<String> paths) throws SQLException {
        List<SeedInfo> kept = new ArrayList<>();
        List<MigrationScript> keptScripts = new ArrayList<>();
        for (int i = 0; i < toRun.size(); i++) {
            if (paths.contains(toRun.get(i).path())) {
                kept.add(toRun.get(i));
                keptScripts.add(scripts.get(i));
            }
        }
        return new DefinitionPlan(session, table, tableExists, kept, keptScripts);
    }

    /** The paths of the definitions the plan runs, in order. */
    public List<String> paths() {
        return toRun.stream().map(SeedInfo::path).toList();
    }

    private String progress(int index) {
        SeedInfo definition = toRun.get(index);
        return "[definition " + (index + 1) + "/" + toRun.size() + "] " + definition.path() + " ("
                + (definition.state() == SeedState.PENDING ? "new" : "changed") + ")";
    }

    private String failure(String path, MigrationScript script, ScriptFailure f) {
        String name = Printable.of(path);
        if (f.inHistoryChange()) {
            return "Cannot record definition " + name + " in " + table.name() + ": " + f.getMessage()
                    + (f.rolledBack() ? ". The definition was rolled back." : ". Its statements took effect.");
        }
        String where = f.describe(path, script);
        if (f.rolledBack()) {
            return where + "\nDefinition " + name + " was rolled back: none of it is applied and it is not recorded;"
                    + " the migrations and definitions before it stay applied, and nothing after it ran."
                    + MissingPlatform.advice(f.getCause(), session.connection());
        }
        return where + "\nDefinition " + name + " ran outside a transaction (" + f.nonTransactionalReason() + "): "
                + Counted.of(f.statementsDone(), "statement") + " before this one took effect. It is not recorded,"
                + " so the next run runs it again from the start: fix it, and keep it safe to run twice.";
    }
}
