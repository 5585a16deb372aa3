package ai.pmoves.engine.plan;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.plan.ReleasePlan.HistoryEntry;
import ai.pmoves.engine.plan.ReleasePlan.PlannedFile;
import ai.pmoves.engine.schema.SchemaDiff;
import ai.pmoves.engine.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code apply -Dpmoves.plan} checks, under the migration lock and before anything runs: that the plan was made
 * for this database by a compatible plugin, that every planned file is there with its planned checksum, and that the
 * history and the schema are as the plan found them. Everything that moved is named in one refusal, so that one run
 * shows all of it.
 *
 * @param planFile      the plan's file, named in the refusal
 * @param plan          the plan
 * @param pluginVersion this plugin's version
 */
public record PlanCheck(Path planFile, ReleasePlan plan, String pluginVersion) {
    /** How many differing schema objects a refusal lists; the rest are counted. */
    private static final int SHOWN_OBJECTS = 25;

    /** The state of the database and the files now, as the check compares it with the plan. */
    public record Now(String databaseName, ReleasePlan.History history, ReleasePlan.Catalog catalog,
                      Map<String, String> migrationChecksums, Map<String, String> definitionChecksums,
                      Map<String, String> hookChecksums) {
    }

    /** Refuses the run, naming everything that moved since the plan; returns when nothing did. */
    public void refuseMoved(Now now) {
        List<String> moved = new ArrayList<>();
        if (!compatible(plan.pluginVersion(), pluginVersion)) {
            moved.add("the plan was made by pmoves-maven-plugin " + Printable.of(plan.pluginVersion()) + ", and this is "
                    + pluginVersion + ": make the plan and apply it with the same version");
        }
        if (!Objects.equals(plan.database().name(), now.databaseName())) {
            moved.add("the plan was made for database " + Printable.of(plan.database().name()) + " ("
                    + Printable.of(plan.database().url()) + "), and this is " + Printable.of(now.databaseName()));
        }
        files(moved, "migration", plan.migrations(), PlannedFile::version, now.migrationChecksums());
        files(moved, "migration", plan.baseline(), PlannedFile::version, now.migrationChecksums());
        files(moved, "definition", plan.definitions(), PlannedFile::path, now.definitionChecksums());
        files(moved, "hook", plan.hooks(), PlannedFile::path, now.hookChecksums());
        history(moved, now.history());
        catalog(moved, now.catalog());
        if (!moved.isEmpty()) {
            throw new PmovesException("The plan " + Printable.of(planFile) + " (made " + plan.createdAt() + ") no"
                    + " longer matches, so nothing ran and the database is unchanged:\n  - "
                    + String.join("\n  - ", moved) + "\nMake a new plan (mvn pmoves:plan), review it, and apply that"
                    + " one.");
        }
    }

    /** Each planned file must be there with its planned checksum; {@code current} maps its key to its checksum now. */
    private static void files(List<String> moved, String kind, List<PlannedFile> planned,
                              Function<PlannedFile, String> key, Map<String, String> current) {
        for (PlannedFile file : planned) {
            String now = current.get(key.apply(file));
            if (now == null) {
                moved.add(kind + " " + Printable.of(file.path()) + " is missing: the plan runs it");
            } else if (!now.equals(file.checksum())) {
                moved.add(kind + " " + Printable.of(file.path()) + " was edited since the plan (checksum "
                        + abbreviated(file.checksum()) + " then, " + abbreviated(now) + " now)");
            }
        }
    }

    private void history(List<String> moved, ReleasePlan.History now) {
        if (Objects.equals(plan.history().fingerprint(), now.fingerprint())) {
            return;
        }
        Map<String, HistoryEntry> then = byKey(plan.history().rows());
        Map<String, HistoryEntry> current = byKey(now.rows());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        current.forEach((key, row) -> {
            HistoryEntry before = then.get(key);
            if (before == null) {
                added.add(row.shown());
            } else if (!before.equals(row)) {
                changed.add(before.shown() + " → " + (before.state().equals(row.state())
                        ? "checksum " + abbreviated(row.checksum()) : row.state()));
            }
        });
        then.forEach((key, row) -> {
            if (!current.containsKey(key)) {
                removed.add(row.shown());
            }
        });
        String table = Printable.of(plan.history().table());
        if (!added.isEmpty()) {
            moved.add("history rows added since the plan (another run, or a repair), in " + table + ": "
                    + Printable.of(String.join(", ", added)));
        }
        if (!removed.isEmpty()) {
            moved.add("history rows removed since the plan (a rollback or a repair), from " + table + ": "
                    + Printable.of(String.join(", ", removed)));
        }
        if (!changed.isEmpty()) {
            moved.add("history rows changed since the plan, in " + table + ": " + Printable.of(String.join(", ", changed)));
        }
        if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            moved.add("history rows of " + table + " were rewritten since the plan (same versions and checksums, other"
                    + " names or times: a repair)");
        }
    }

    /** The schema must be as the plan found it; each object that differs is named as drift names it. */
    private void catalog(List<String> moved, ReleasePlan.Catalog now) {
        if (plan.catalog().fingerprint().equals(now.fingerprint())) {
            return;
        }
        List<String> lines = SchemaDiff.between(SchemaSnapshot.of(plan.catalog().objects()),
                SchemaSnapshot.of(now.objects())).lines();
        List<String> shown = lines.size() <= SHOWN_OBJECTS ? lines : lines.subList(0, SHOWN_OBJECTS);
        moved.add("the schema changed since the plan (by hand, or by another tool); mvn pmoves:drift compares it with"
                + " the files:" + shown.stream().map(line -> "\n      " + Printable.of(line)).collect(Collectors.joining())
                + (lines.size() > shown.size() ? "\n      … and " + (lines.size() - shown.size()) + " more" : ""));
    }

    private static Map<String, HistoryEntry> byKey(List<HistoryEntry> rows) {
        Map<String, HistoryEntry> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.key(), r));
        return map;
    }

    /**
     * Whether a plan made by {@code planned} may be applied by {@code running}: the same major and minor version, so
     * that what the plan records means the same to both (a patch release reads its own minor's plans).
     */
    static boolean compatible(String planned, String running) {
        return majorMinor(planned).equals(majorMinor(running));
    }

    private static String majorMinor(String version) {
        String[] parts = String.valueOf(version).split("[.-]");
        return parts.length < 2 ? String.valueOf(version) : parts[0] + "." + parts[1];
    }

    private static String abbreviated(String checksum) {
        return checksum == null ? "none" : checksum.substring(0, Math.min(12, checksum.length()));
    }
}
