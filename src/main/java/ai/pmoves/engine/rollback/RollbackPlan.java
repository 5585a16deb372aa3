package ai.pmoves.engine.rollback;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.migration.MigrationStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which recorded migrations a rollback undoes, newest first (in the time order apply runs them), each with its down
 * script; checked whole before anything runs, so a plan that cannot finish never starts.
 *
 * @param steps  the undos, newest first
 * @param forced the steps that only {@code force} let through, with why (for a warning each)
 */
public record RollbackPlan(List<Step> steps, List<String> forced) {

    /** One undo: a recorded migration and its down script. */
    public record Step(MigrationInfo migration, Path downScript) {
        public String version() {
            return migration.version();
        }

        /** The migration's file name (the down script's, when the migration file is gone). */
        public String fileName() {
            return migration.migration() != null ? migration.migration().fileName()
                    : downScript.getFileName().toString();
        }
    }

    /**
     * Plans the rollback and checks it: the target is a recorded migration, count is no more than what is
     * recorded, every migration to undo has a down script, and none changed since it ran, lost its file, or was
     * recorded as baseline, unless {@code force}. Every problem is reported at once.
     */
    public static RollbackPlan of(MigrationStatus status, RollbackOptions options, DownScripts downScripts,
                                  String historyTable) {
        List<MigrationInfo> recorded = new ArrayList<>();
        for (MigrationInfo info : status.migrations()) {
            if (info.row() != null) {
                recorded.add(0, info); // newest first
            }
        }
        List<MigrationInfo> toUndo = options.target() != null
                ? recorded.subList(0, indexOfTarget(status, recorded, options.target()))
                : recorded.subList(0, checkedCount(recorded, options.effectiveCount(), historyTable));

        List<Step> steps = new ArrayList<>();
        List<String> missingDownScripts = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        List<String> fileGone = new ArrayList<>();
        for (MigrationInfo info : toUndo) {
            Path down = downScripts.pathFor(info);
            steps.add(new Step(info, down));
            if (!downScripts.exists(down)) {
                missingDownScripts.add(Printable.of(down));
            }
            if (info.state() == MigrationState.CHANGED) {
                changed.add(Printable.of(info.migration().file()));
            } else if (info.state() == MigrationState.BASELINE) {
                baseline.add(Printable.of(info.name()));
            } else if (info.state() == MigrationState.MISSING) {
                fileGone.add(Printable.of(info.version() + " (" + info.name() + ")"));
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missingDownScripts.isEmpty()) {
            problems.add(Counted.of(missingDownScripts.size(), "down script") + " missing; looked for:\n    "
                    + String.join("\n    ", missingDownScripts) + "\n  Write each one (the SQL that undoes the"
                    + " migration of the same name), or undo fewer migrations (count, target)."
                    + (downScripts.directoryExists() ? "" : " The rollback directory "
                    + Printable.of(downScripts.directory()) + " does not exist: create it, or point rollbackDirectory"
                    + " (-Dpmoves.rollbackDirectory) at yours."));
        }
        List<String> forced = new ArrayList<>();
        check(changed, "changed since it ran", "A down script undoes what ran, not the edited file: restore the file,"
                + " or pass -Dpmoves.force=true if the down script still fits.", options.force(), problems, forced);
        check(baseline, "recorded as baseline (it never ran here)", "Its down script would remove objects that"
                + " something else created: pass -Dpmoves.force=true to undo it anyway.", options.force(), problems,
                forced);
        check(fileGone, "recorded, but its migration file is gone", "It cannot be checked against what ran: restore"
                + " the file, or pass -Dpmoves.force=true.", options.force(), problems, forced);
        if (!problems.isEmpty()) {
            throw new PmovesException("Nothing was rolled back: the plan to undo " + Counted.of(steps.size(), "migration") + " ("
                    + steps.stream().map(s -> Printable.of(s.fileName())).collect(Collectors.joining(", "))
                    + ") cannot run:\n- "
                    + String.join("\n- ", problems));
        }
        return new RollbackPlan(List.copyOf(steps), List.copyOf(forced));
    }

    private static void check(List<String> names, String label, String advice, boolean force, List<String> problems,
                              List<String> forced) {
        if (names.isEmpty()) {
            return;
        }
        if (force) {
            names.forEach(name -> forced.add(name + ": " + label + "; undoing it anyway (force=true)."));
        } else {
            problems.add(String.join(", ", names) + ": " + label + ". " + advice);
        }
    }

    private static int indexOfTarget(MigrationStatus status, List<MigrationInfo> recorded, String target) {
        for (int i = 0; i < recorded.size(); i++) {
            if (matches(recorded.get(i), target)) {
                return i;
            }
        }
        String example = recorded.isEmpty() ? "" : " Applied now, newest first: " + recorded.stream().limit(3)
                .map(i -> Printable.of(i.version())).collect(Collectors.joining(", "))
                + (recorded.size() > 3 ? ", …" : "") + ".";
        for (MigrationInfo info : status.migrations()) {
            if (matches(info, target)) {
                throw new PmovesException("target '" + target + "' is " + info.state().label() + ", not applied: the"
                        + " target of a rollback is the applied migration that stays, and everything applied after it"
                        + " is undone." + example);
            }
        }
        throw new PmovesException("target '" + target + "' matches no applied migration. Use a version as"
                + " pmoves:status lists it." + example);
    }

    private static boolean matches(MigrationInfo info, String target) {
        return info.version().equals(target) || info.migration() != null && info.migration().fileName().equals(target);
    }

    private static int checkedCount(List<MigrationInfo> recorded, int count, String historyTable) {
        if (count > recorded.size()) {
            throw new PmovesException("count=" + count + ", but only " + Counted.of(recorded.size(), "migration")
                    + (recorded.size() == 1 ? " is" : " are") + " recorded"
                    + " in " + historyTable + ": nothing was rolled back. Use -Dpmoves.count=" + recorded.size()
                    + " to undo them all.");
        }
        return count;
    }
}
