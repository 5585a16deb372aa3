package ai.pmoves.engine.apply;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.Json;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.definition.DefinitionPlan;
import ai.pmoves.engine.definition.DefinitionTable;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.lint.Finding;
import ai.pmoves.engine.lint.LintJUnit;
import ai.pmoves.engine.lint.LintReport;
import ai.pmoves.engine.lint.PlanHazards;
import ai.pmoves.engine.lint.Severity;
import ai.pmoves.engine.locks.LockMode;
import ai.pmoves.engine.locks.SizedLock;
import ai.pmoves.engine.locks.StatementLocks;
import ai.pmoves.engine.locks.TableSizes;
import ai.pmoves.engine.migration.Checksum;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.engine.plan.HistoryFingerprint;
import ai.pmoves.engine.plan.PlanCatalog;
import ai.pmoves.engine.plan.PlanCheck;
import ai.pmoves.engine.plan.PlanJson;
import ai.pmoves.engine.plan.ReleasePlan;
import ai.pmoves.engine.plan.ReleasePlan.PlannedFile;
import ai.pmoves.engine.plan.ReleasePlan.PlannedLock;
import ai.pmoves.engine.plan.ReleasePlan.PlannedStatement;
import ai.pmoves.engine.seed.SeedFile;
import ai.pmoves.engine.sql.SqlStatement;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.Set;
import java.util.NavigableMap;
import java.util.HashSet;
import java.nio.file.Files;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a run does with a release plan (its {@link PlanMode}): makes one, from what a dry run found, or checks that
 * nothing moved since the one it follows.
 */
final class PlanRun {
    private final ApplyOptions options;
    private final HistoryTable history;
    private final MigrationRunner runner;

    PlanRun(ApplyOptions options, HistoryTable history, MigrationRunner runner) {
        this.options = options;
        this.history = history;
        this.runner = runner;
    }

    /**
     * Starts the one transaction a plan is made in: read-only, so that making a plan changes nothing whatever it reads,
     * and repeatable-read, so that the history and the schema it records are of one moment. A transaction, not a
     * session setting: behind a pooler in transaction mode, a session setting would stay on the server session for the
     * next client. {@link #endReadOnly} ends it.
     */
    static void beginReadOnly(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
    }

    /** Ends the plan's transaction: rolled back, since it changed nothing. */
    static void endReadOnly(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * Refuses the run when anything moved since the followed plan: the planned files, the history, the schema, the
     * database, the plugin. Under the migration lock and before anything ran.
     */
    void refuseMoved(Connection connection, List<HistoryRow> rows, List<Migration> files,
                     Function<Migration, String> checksums) throws SQLException {
        PlanMode mode = options.planMode();
        Map<String, String> migrations = new HashMap<>();
        files.forEach(m -> migrations.put(m.version(), checksums.apply(m)));
        Map<String, String> definitions = new HashMap<>();
        if (options.definitions() != null) {
            for (SeedFile f : options.definitions().scan()) {
                definitions.put(f.path(), Checksum.ofFile(f.file()));
            }
        }
        Map<String, String> hooks = new HashMap<>();
        options.hooks().scripts().forEach((path, script) -> hooks.put(path, script.checksum()));
        new PlanCheck(mode.file(), mode.followed(), mode.pluginVersion()).refuseMoved(new PlanCheck.Now(
                databaseName(connection), historyOf(connection, rows), PlanCatalog.read(connection, mode.schemas()),
                migrations, definitions, hooks));
    }

    /** Writes plan.json for what the dry run found (its SQL, plan.sql, is written by then) and logs the summary. */
    void write(ConnectionSettings settings, Connection connection, List<HistoryRow> rows, ApplyPlan plan,
               List<MigrationScript> scripts, DefinitionPlan definitions, EngineLog log) throws SQLException {
        PlanMode mode = options.planMode();
        TableSizes sizes = new TableSizes(connection); // the tables as the target has them, read once
        List<PlannedFile> migrations = new ArrayList<>();
        for (int i = 0; i < plan.toRun().size(); i++) {
            Migration m = plan.toRun().get(i);
            migrations.add(planned(m.version(), m.name().description(), pathOf(m), scripts.get(i), sizes));
        }
        refuseHazards(mode, migrations, scripts, log);
        List<PlannedFile> baseline = plan.toBaseline().stream().map(m -> new PlannedFile(m.version(),
                m.name().description(), pathOf(m), MigrationScript.checksumOf(m.file()), true, List.of())).toList();
        List<PlannedFile> planned = new ArrayList<>();
        definitions.scripts().forEach((path, script) -> planned.add(planned(null, null, path, script, sizes)));
        List<PlannedFile> hooks = new ArrayList<>();
        options.hooks().scripts().forEach((path, script) -> hooks.add(planned(null, null, path, script, sizes)));
        ReleasePlan release = new ReleasePlan(ReleasePlan.FORMAT, mode.pluginVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                new ReleasePlan.Database(settings.maskedUrl(), connection.getMetaData().getDatabaseProductVersion(),
                        databaseName(connection)),
                historyOf(connection, rows), PlanCatalog.read(connection, mode.schemas()), List.copyOf(migrations), baseline,
                List.copyOf(planned), List.copyOf(hooks));
        Json.write(mode.file(), PlanJson.toJson(release));
        log.info("Plan: " + listed(migrations, "migration", PlannedFile::path) + ", "
                + listed(planned, "definition", PlannedFile::path)
                + (baseline.isEmpty() ? "" : ", " + listed(baseline, "baseline", PlannedFile::version))
                + (hooks.isEmpty() ? "" : ", with " + Counted.of(hooks.size(), "hook")) + "; nothing was run. Review "
                + mode.sqlFile() + ", then apply exactly this with -Dpmoves.plan=" + mode.file());
    }

    /**
     * Judges the planned migrations' lock hazards with the target's sizes: each one a warning, or, on a table above
     * largeTableRows, an error that stops the plan before plan.json is written (and removes the files of an earlier
     * plan, which must not be applied instead). The findings also go to the JUnit report.
     */
    private void refuseHazards(PlanMode mode, List<PlannedFile> migrations, List<MigrationScript> scripts,
                               EngineLog log) {
        Map<String, NavigableMap<Integer, Long>> rows = new LinkedHashMap<>();
        Set<String> unguarded = new HashSet<>();
        for (int i = 0; i < migrations.size(); i++) {
            PlannedFile file = migrations.get(i);
            NavigableMap<Integer, Long> byLine = new TreeMap<>();
            boolean timeoutSet = options.migrationLockWait().enabled();
            List<SqlStatement> statements = scripts.get(i).statements();
            for (int j = 0; j < statements.size(); j++) {
                PlannedStatement s = file.statements().get(j);
                byLine.put(s.line(), s.rows());
                timeoutSet |= StatementLocks.setsLockTimeout(statements.get(j));
                boolean exclusive = s.locks().stream().anyMatch(l -> l.mode().equals(LockMode.ACCESS_EXCLUSIVE.spelled()));
                if (exclusive && s.rows() > 0 && !timeoutSet) {
                    unguarded.add(file.path() + ":" + s.line());
                }
            }
            rows.put(file.path(), byLine);
        }
        PlanMode.Hazards hazards = mode.hazards();
        LintReport report = PlanHazards.check(projectDirectory(), options.migrationsDirectory(), rows, unguarded,
                hazards.largeTableRows(), hazards.skipRules());
        if (hazards.report() != null) {
            LintJUnit.write(report, "plan", hazards.report());
        }
        List<String> errors = new ArrayList<>();
        for (Finding f : report.findings()) {
            String line = f.location() + ": " + f.rule().id() + ": " + f.message() + ". " + f.fix() + ".";
            if (f.rule().severity() == Severity.ERROR) {
                errors.add("  " + line);
            } else {
                log.warn(line);
            }
        }
        if (!errors.isEmpty()) {
            try {
                Files.deleteIfExists(mode.file());
                Files.deleteIfExists(mode.sqlFile());
            } catch (IOException e) {
                throw new PmovesException("Cannot remove the earlier plan " + mode.file() + ": " + e.getMessage(), e);
            }
            throw new PmovesException("The plan stops: " + Counted.of(errors.size(), "lock hazard") + " on tables of"
                    + " more than " + hazards.largeTableRows() + " rows (largeTableRows), where a statement holds"
                    + " every query up:\n" + String.join("\n", errors)
                    + "\nRewrite the statement as the fix says; or, when the wait is accepted, put -- pmoves:allow <rule>"
                    + " on the line before it, or turn the rule off with skipRules, or raise largeTableRows. No plan"
                    + " was written.");
        }
    }

    private PlannedFile planned(String version, String name, String path, MigrationScript script, TableSizes sizes) {
        return new PlannedFile(version, name, path, script.checksum(), runner.nonTransactionalReason(script) == null,
                script.statements().stream().map(s -> planned(s, sizes)).toList());
    }

    /** A statement with the locks it takes on the target's tables, for the reviewer (see {@link SizedLock}). */
    private static PlannedStatement planned(SqlStatement statement, TableSizes sizes) {
        List<SizedLock> locks = SizedLock.of(statement, sizes);
        return new PlannedStatement(statement.line(), statement.sql(),
                locks.stream().map(l -> new PlannedLock(l.relation(), l.mode().spelled())).toList(),
                locks.stream().mapToLong(SizedLock::rows).max().orElse(-1),
                locks.stream().anyMatch(SizedLock::rewrites));
    }

    /** The history as the plan records it: every row of the history, its failed table and the definition table. */
    private ReleasePlan.History historyOf(Connection connection, List<HistoryRow> rows) {
        return HistoryFingerprint.of(history.name().toString(), rows,
                new DefinitionTable(options.historyTable()).readAll(connection).values());
    }

    /** A migration's path from the project directory, as definitions and hooks are named. */
    private String pathOf(Migration m) {
        return SqlFiles.recordedPath(projectDirectory(), m.file());
    }

    /** The project directory, which the plan names files from; the migrations directory when none is known. */
    private Path projectDirectory() {
        Path project = options.migrationsDirectory().project();
        return project != null ? project : options.migrationsDirectory().path();
    }

    private static String databaseName(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            if (!rs.next()) {
                throw new PmovesException("The server did not say which database this is (current_database()).");
            }
            return rs.getString(1);
        }
    }

    private static String listed(List<PlannedFile> files, String noun, Function<PlannedFile, String> name) {
        return Counted.of(files.size(), noun) + (files.isEmpty() ? "" : " ("
                + String.join(", ", files.stream().map(name).toList()) + ")");
    }
}
