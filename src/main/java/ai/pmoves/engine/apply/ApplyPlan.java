package ai.pmoves.engine.apply;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.FailedMigrations;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.migration.MigrationStatus;
import ai.pmoves.engine.plan.ReleasePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an apply does, worked out from the migration files, the history rows and the options before anything runs:
 * a history that refuses the run (a failed or changed migration, a pending one older than what ran) refuses it
 * here, so a plan that cannot finish never starts.
 *
 * @param toBaseline the pending migrations up to {@code baseline}, recorded without running, in time order
 * @param toRun      the pending migrations to run (up to {@code target}), in time order
 * @param upToDate   how many migrations are applied or recorded as baseline already
 * @param warnings   what the run goes on past with a warning: a recorded migration whose file is gone
 */
public record ApplyPlan(List<Migration> toBaseline, List<Migration> toRun, int upToDate, List<String> warnings) {

    /**
     * Plans the run and checks it.
     *
     * @param files     the migrations on disk, in time order
     * @param rows      every history row
     * @param checksums reads a file's checksum (only for files that have a row)
     * @param options   target, baseline, outOfOrder and the history table (named in the refusal of a failed row)
     */
    public static ApplyPlan of(List<Migration> files, List<HistoryRow> rows, Function<Migration, String> checksums,
                               ApplyOptions options) {
        int targetIndex = indexOf(files, options.target(), "target");
        int baselineIndex = indexOf(files, options.baseline(), "baseline");
        MigrationStatus status = MigrationStatus.of(files, rows, checksums);
        FailedMigrations.refuse(status, new HistoryTable(options.historyTable()));
        refuseChanged(status);

        Map<Migration, Integer> position = new IdentityHashMap<>(files.size() * 2);
        for (int i = 0; i < files.size(); i++) {
            position.put(files.get(i), i);
        }
        List<Migration> toBaseline = new ArrayList<>();
        List<Migration> toRun = new ArrayList<>();
        List<MigrationInfo> outOfOrder = new ArrayList<>();
        for (MigrationInfo info : status.migrations()) {
            if (info.state() != MigrationState.PENDING && info.state() != MigrationState.OUT_OF_ORDER) {
                continue;
            }
            int index = position.get(info.migration());
            if (index <= baselineIndex) {
                toBaseline.add(info.migration());
            } else if (targetIndex < 0 || index <= targetIndex) {
                toRun.add(info.migration());
                if (info.state() == MigrationState.OUT_OF_ORDER) {
                    outOfOrder.add(info);
                }
            }
        }
        if (!outOfOrder.isEmpty() && !options.outOfOrder()) {
            throw new PmovesException("Pending migrations are older than the newest applied one: "
                    + outOfOrder.stream().map(i -> Printable.of(i.name())).collect(Collectors.joining(", "))
                    + ". Running them now would apply them out of time order. Give them a newer timestamp, or"
                    + " allow it with -Dpmoves.outOfOrder=true.");
        }
        int upToDate = status.inState(MigrationState.APPLIED).size() + status.inState(MigrationState.BASELINE).size();
        List<String> warnings = status.inState(MigrationState.MISSING).stream()
                .map(missing -> "Recorded migration " + missing.version() + " (" + missing.name() + ") has no file in"
                        + " the migrations directory.")
                .toList();
        return new ApplyPlan(List.copyOf(toBaseline), List.copyOf(toRun), upToDate, warnings);
    }

    /**
     * The run of a release plan, once {@code PlanCheck} found that nothing moved since it was made: exactly its
     * migrations, in its order. A pending file the plan does not have waits for the next plan, with one warning.
     *
     * @param files the migrations on disk, each planned one among them with its planned checksum
     */
    static ApplyPlan following(ReleasePlan plan, List<Migration> files, List<HistoryRow> rows,
                               Function<Migration, String> checksums) {
        Map<String, Migration> byVersion = new HashMap<>();
        files.forEach(m -> byVersion.put(m.version(), m));
        Set<String> planned = new HashSet<>();
        List<Migration> toBaseline = new ArrayList<>();
        List<Migration> toRun = new ArrayList<>();
        plan.baseline().forEach(f -> {
            toBaseline.add(byVersion.get(f.version()));
            planned.add(f.version());
        });
        plan.migrations().forEach(f -> {
            toRun.add(byVersion.get(f.version()));
            planned.add(f.version());
        });
        MigrationStatus status = MigrationStatus.of(files, rows, checksums);
        refuseChanged(status); // as any apply: a plan is no leave to edit what ran
        List<String> warnings = new ArrayList<>();
        int upToDate = 0;
        for (MigrationInfo info : status.migrations()) {
            switch (info.state()) {
                case PENDING, OUT_OF_ORDER -> {
                    if (!planned.contains(info.version())) {
                        warnings.add(info.migration().shownName() + " is not in the plan (added after it was made):"
                                + " it waits for the next plan.");
                    }
                }
                case APPLIED, BASELINE -> upToDate++;
                default -> { }
            }
        }
        return new ApplyPlan(List.copyOf(toBaseline), List.copyOf(toRun), upToDate, List.copyOf(warnings));
    }

    private static void refuseChanged(MigrationStatus status) {
        List<MigrationInfo> changed = status.inState(MigrationState.CHANGED);
        if (!changed.isEmpty()) {
            throw new PmovesException("Applied migration" + (changed.size() > 1 ? "s have" : " has") + " changed since "
                    + (changed.size() > 1 ? "they" : "it") + " ran: "
                    + changed.stream().map(i -> Printable.of(i.migration().file())).collect(Collectors.joining(", "))
                    + ". A migration that ran must not be edited: restore the file and put the change in a new"
                    + " migration (or, if the edit is cosmetic, store the new checksum: mvn pmoves:repair"
                    + " -Dpmoves.realign=true).");
        }
    }

    /** The position of the file {@code version} names (its version or file name); -1 when none is given. */
    private static int indexOf(List<Migration> files, String version, String parameter) {
        if (version == null || version.isBlank()) {
            return -1;
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).version().equals(version.trim()) || files.get(i).fileName().equals(version.trim())) {
                return i;
            }
        }
        throw new PmovesException(parameter + " '" + Printable.of(version) + "' matches no migration file. "
                + (files.isEmpty() ? "There are none: leave " + parameter + " out."
                : "Use a version as pmoves:status lists it, e.g. " + Printable.of(files.get(files.size() - 1).version())
                + "."));
    }
}
