package ai.pmoves.engine.repair;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.migration.MigrationStatus;
import ai.pmoves.engine.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Repairs the history when it went wrong (design.md: Goals), without running any migration: records a
 * migration as applied, deletes a row ("reverted"), clears {@code failed} rows, realigns the checksums of
 * {@code changed} files. Checks every request before changing anything, prints every change, and makes them all in
 * one transaction under the migration lock that {@code apply} takes.
 */
public final class Repairer {
    private static final int CHECKSUM_SHOWN = 12;

    /** One planned change and the SQL that makes it. */
    private record Step(RepairChange change, SqlAction action) {
    }

    @FunctionalInterface
    private interface SqlAction {
        void run(Connection connection) throws SQLException;
    }

    private final ConnectionSettings settings;
    private final EngineLog log;

    public Repairer(ConnectionSettings settings, EngineLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** Plans, prints and (unless a dry run) makes the changes; returns them. */
    public List<RepairChange> repair(RepairOptions options) {
        rejectConflicts(options);
        List<Migration> files = MigrationScanner.scan(options.migrationsDirectory(), log);
        HistoryTable history = new HistoryTable(options.historyTable());
        try (Connection connection = settings.connect();
             AdvisoryLock lock = options.dryRun() ? null
                     : AdvisoryLock.acquire(settings, history.name().toString(), options.lockTimeout())) {
            log.info((options.dryRun() ? "Dry run: repair of " : "Repairing ") + history.name() + " on "
                    + settings.maskedUrl() + " (PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + ")");
            MigrationStatus status = MigrationStatus.of(files, history.readAll(connection),
                    m -> MigrationScript.checksumOf(m.file()));
            if (!options.asksForSomething()) {
                throw nothingAsked(status, history);
            }
            List<Step> steps = plan(options, status, history);
            for (Step step : steps) {
                log.info((options.dryRun() ? "(dry run) " : "") + step.change().line());
            }
            if (steps.isEmpty()) {
                log.info("Nothing to change in " + history.name() + ".");
            } else if (options.dryRun()) {
                log.info("Dry run: would change " + rows(steps.size()) + " of " + history.name() + "; nothing was changed.");
            } else {
                history.ensure(connection); // the table of failures too, which the changes may touch
                execute(connection, steps, history);
                log.info("Repaired " + rows(steps.size()) + " of " + history.name() + ".");
            }
            return steps.stream().map(Step::change).toList();
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    private static void rejectConflicts(RepairOptions o) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("markApplied", o.markApplied());
        lists.put("markReverted", o.markReverted());
        lists.put("clearFailed", o.clearFailed());
        Map<String, String> asked = new HashMap<>();
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            for (String v : e.getValue()) {
                String other = asked.putIfAbsent(v, e.getKey());
                if (other != null && !other.equals(e.getKey())) {
                    throw new PmovesException("Version " + Printable.of(v) + " is given to both " + other + " and "
                            + e.getKey() + ": ask for one repair of it per run.");
                }
            }
        }
        if (o.clearAllFailed() && !o.clearFailed().isEmpty()) {
            throw new PmovesException("clearFailed is either true (every failed row) or a list of versions, not both.");
        }
    }

    private List<Step> plan(RepairOptions o, MigrationStatus status, HistoryTable history) {
        List<Step> steps = new ArrayList<>();
        for (MigrationInfo info : resolve(o.markReverted(), "markReverted", status, history)) {
            if (info.row() == null) {
                throw new PmovesException("markReverted '" + Printable.of(info.version()) + "' ("
                        + Printable.of(info.name()) + ") has no row in "
                        + history.name() + ": it is pending, so there is nothing to revert.");
            }
            steps.add(new Step(new RepairChange("markReverted", info.version(), info.name(), "row deleted ("
                    + info.state().label() + "), nothing was run; " + (info.migration() == null
                    ? "its file is gone, so it is no longer listed" : "the migration is pending again")),
                    c -> history.delete(c, info.version())));
        }
        List<MigrationInfo> failed = o.clearAllFailed() ? status.inState(MigrationState.FAILED)
                : resolve(o.clearFailed(), "clearFailed", status, history);
        for (MigrationInfo info : failed) {
            if (info.state() != MigrationState.FAILED) {
                throw new PmovesException("clearFailed '" + Printable.of(info.version()) + "' ("
                        + Printable.of(info.name()) + ") is " + info.state().label() + ", not failed: to delete the row"
                        + " of a migration that did not fail, use -Dpmoves.markReverted=" + Printable.of(info.version())
                        + ".");
            }
            steps.add(new Step(new RepairChange("clearFailed", info.version(), info.name(), "failed row deleted;"
                    + " pmoves:apply runs the migration again (undo what it did part-way first)"),
                    c -> history.delete(c, info.version())));
        }
        if (o.clearAllFailed() && failed.isEmpty()) {
            log.info("clearFailed: no migration is recorded as failed.");
        }
        for (MigrationInfo info : resolve(o.markApplied(), "markApplied", status, history)) {
            markApplied(info, history, steps);
        }
        if (o.realign()) {
            List<MigrationInfo> changed = status.inState(MigrationState.CHANGED);
            for (MigrationInfo info : changed) {
                steps.add(new Step(new RepairChange("realign", info.version(), info.name(), "checksum "
                        + shorten(info.row().checksum()) + " → " + shorten(info.fileChecksum())
                        + " (the file's current text; the recorded statements stay as they ran)"),
                        c -> history.updateChecksum(c, info.version(), info.fileChecksum())));
            }
            if (changed.isEmpty()) {
                log.info("realign: no applied migration's file has changed.");
            }
        }
        return steps;
    }

    private void markApplied(MigrationInfo info, HistoryTable history, List<Step> steps) {
        switch (info.state()) {
            case PENDING, OUT_OF_ORDER -> {
                MigrationScript script = MigrationScript.read(info.migration().file());
                String[] statements = script.statements().stream().map(SqlStatement::sql).toArray(String[]::new);
                // Like the CLI's repair --status applied: a normal row; no execution_ms says it did not run here.
                steps.add(new Step(new RepairChange("markApplied", info.version(), info.name(), "recorded as applied"
                        + " without running it (it was " + info.state().label() + ")"),
                        c -> history.insert(c, info.version(), info.migration().name().description(), statements,
                                script.checksum(), null, HistoryRow.APPLIED)));
            }
            case FAILED -> {
                if (info.migration() == null) {
                    throw new PmovesException("markApplied '" + Printable.of(info.version()) + "' is recorded as failed"
                            + " and its file is gone: restore the file, or delete the row with -Dpmoves.clearFailed="
                            + Printable.of(info.version()) + ".");
                }
                String checksum = MigrationScript.checksumOf(info.migration().file());
                steps.add(new Step(new RepairChange("markApplied", info.version(), info.name(), "the failed row is now"
                        + " applied; nothing was run (what failed must have been finished by hand)"),
                        c -> history.markApplied(c, info.version(), checksum)));
            }
            default -> log.info("markApplied " + info.version() + " (" + info.name() + "): already recorded ("
                    + info.state().label() + "); nothing to do"
                    + (info.state() == MigrationState.CHANGED ? ". Its file changed since: -Dpmoves.realign=true"
                    + " stores the new checksum." : "."));
        }
    }

    /** The migrations the versions (or file names) name, in the order given; an unknown one is an error. */
    private static List<MigrationInfo> resolve(List<String> versions, String parameter, MigrationStatus status,
                                               HistoryTable history) {
        List<MigrationInfo> found = new ArrayList<>();
        for (String v : new LinkedHashSet<>(versions)) {
            MigrationInfo info = status.migrations().stream()
                    .filter(i -> i.version().equals(v) || i.migration() != null && i.migration().fileName().equals(v))
                    .findFirst().orElse(null);
            if (info == null) {
                List<MigrationInfo> all = status.migrations();
                throw new PmovesException(parameter + " '" + Printable.of(v) + "' matches no migration file and no row"
                        + " of " + history.name() + ". Use a version as pmoves:status lists it"
                        + (all.isEmpty() ? "" : ", e.g. " + Printable.of(all.get(all.size() - 1).version())) + ".");
            }
            found.add(info);
        }
        return found;
    }

    private static PmovesException nothingAsked(MigrationStatus status, HistoryTable history) {
        List<String> hints = new ArrayList<>();
        hint(hints, status, MigrationState.FAILED, "failed", "-Dpmoves.clearFailed=true to run them again, or"
                + " -Dpmoves.markApplied=<version> if you finished them by hand");
        hint(hints, status, MigrationState.CHANGED, "changed", "-Dpmoves.realign=true if the edits are cosmetic");
        hint(hints, status, MigrationState.MISSING, "missing", "-Dpmoves.markReverted=<version> to forget them");
        return new PmovesException("Nothing to repair was asked: give -Dpmoves.markApplied=<version>,"
                + " -Dpmoves.markReverted=<version>, -Dpmoves.realign=true or -Dpmoves.clearFailed=true|<version>"
                + " (add -Dpmoves.dryRun=true to see the changes first). " + (hints.isEmpty()
                ? history.name() + " has no failed, changed or missing migrations."
                : "In " + history.name() + ": " + String.join("; ", hints) + "."));
    }

    private static void hint(List<String> hints, MigrationStatus status, MigrationState state, String label, String how) {
        List<MigrationInfo> infos = status.inState(state);
        if (!infos.isEmpty()) {
            hints.add(label + " " + infos.stream().map(i -> Printable.of(i.version())).collect(Collectors.joining(", "))
                    + " (" + how + ")");
        }
    }

    private static void execute(Connection connection, List<Step> steps, HistoryTable history) {
        try {
            Transactions.inOne(connection, () -> {
                for (Step step : steps) {
                    step.action().run(connection);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new PmovesException("Cannot repair " + history.name() + ": " + e.getMessage() + ". Nothing was"
                    + " changed.", e);
        }
    }

    private static String rows(int n) {
        return Counted.of(n, "row");
    }

    private static String shorten(String checksum) {
        return checksum == null ? "none" : checksum.length() <= CHECKSUM_SHOWN ? checksum
                : checksum.substring(0, CHECKSUM_SHOWN) + "…";
    }
}
