package ai.pmoves.engine.apply;

import ai.pmoves.engine.plan.PlanJson;
import ai.pmoves.engine.plan.ReleasePlan;
import ai.pmoves.engine.schema.SchemaFilter;
import java.nio.file.Path;
import java.util.Set;

/**
 * How a run goes with a release plan: {@link #write} makes one ({@code pmoves:plan}: nothing runs, the plan is
 * written), {@link #follow} runs exactly the one it reads ({@code apply -Dpmoves.plan}).
 *
 * @param file          the plan.json written or read; plan.sql is written beside it
 * @param followed      the plan a run follows; null when the run writes one
 * @param pluginVersion this plugin's version: recorded in a plan written, compared with a plan followed
 * @param schemas       the schemas a plan's snapshot compares; a followed plan's own are read from it
 * @param hazards       how a plan written judges its statements' lock hazards
 */
public record PlanMode(Path file, ReleasePlan followed, String pluginVersion, SchemaFilter schemas, Hazards hazards) {

    /**
     * How a plan judges the lock hazards of its statements with the target's tables.
     *
     * @param largeTableRows above this many rows a hazard is an error that stops the plan
     * @param skipRules      the rules turned off, as validate's skipRules
     * @param report         the JUnit XML report of the findings (TEST-pmoves.plan.xml), or null for none
     */
    public record Hazards(long largeTableRows, Set<String> skipRules, Path report) {
        /** 100,000 rows, every rule, no report. */
        public static final Hazards DEFAULT = new Hazards(100_000, Set.of(), null);
    }

    /** The same, with the hazards judged as {@code hazards} says. */
    public PlanMode withHazards(Hazards hazards) {
        return new PlanMode(file, followed, pluginVersion, schemas, hazards);
    }

    /**
     * Make a plan: write {@code planJson} and plan.sql beside it, run nothing, change nothing; its schema snapshot
     * leaves out what {@code schemas} leaves out (as {@code pmoves:drift} would).
     */
    public static PlanMode write(Path planJson, String pluginVersion, SchemaFilter schemas) {
        return new PlanMode(planJson, null, pluginVersion, schemas, Hazards.DEFAULT);
    }

    /** Run exactly the plan of {@code planJson}, read now: a file that is not a plan fails here, naming it. */
    public static PlanMode follow(Path planJson, String pluginVersion) {
        ReleasePlan plan = PlanJson.read(planJson);
        return new PlanMode(planJson, plan, pluginVersion, SchemaFilter.excluding(plan.catalog().excludedSchemas()),
                Hazards.DEFAULT);
    }

    /** Whether the run writes a plan rather than following one. */
    public boolean writes() {
        return followed == null;
    }

    /** Where plan.sql goes: beside plan.json. */
    public Path sqlFile() {
        return file.resolveSibling("plan.sql");
    }
}
