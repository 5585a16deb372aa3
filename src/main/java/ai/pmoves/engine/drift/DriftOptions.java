package ai.pmoves.engine.drift;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.schema.SchemaFilter;
import ai.pmoves.engine.seed.SeedOptions;
import java.nio.file.Path;

/**
 * What {@code drift} compares and how: the files that make the expected schema (the migrations, definitions and hooks
 * of {@code apply}; the init scripts of {@code initScripts}, no seeds), the schemas compared, where the expected schema
 * is built, where the report goes, and whether a difference fails.
 */
public record DriftOptions(ApplyOptions apply, SeedOptions initScripts, SchemaFilter filter, DriftDatabase database,
                           ThrowawayStarter throwaway, Path report, boolean failOnDrift) {

    public static DriftOptions of(ApplyOptions apply, SeedOptions initScripts) {
        return new DriftOptions(apply, initScripts.withSources(initScripts.sources().initScriptsOnly()),
                SchemaFilter.platformExcluded(), DriftDatabase.THROWAWAY, null, null, true);
    }

    public DriftOptions withFilter(SchemaFilter filter) {
        return new DriftOptions(apply, initScripts, filter, database, throwaway, report, failOnDrift);
    }

    /** How a throwaway server is started, for {@link DriftDatabase#THROWAWAY}. */
    public DriftOptions withThrowaway(ThrowawayStarter throwaway) {
        return new DriftOptions(apply, initScripts, filter, database, throwaway, report, failOnDrift);
    }

    public DriftOptions withDatabase(DriftDatabase database) {
        return new DriftOptions(apply, initScripts, filter, database, throwaway, report, failOnDrift);
    }

    /** Writes drift.json there; null for no report. */
    public DriftOptions withReport(Path report) {
        return new DriftOptions(apply, initScripts, filter, database, throwaway, report, failOnDrift);
    }

    public DriftOptions withFailOnDrift(boolean failOnDrift) {
        return new DriftOptions(apply, initScripts, filter, database, throwaway, report, failOnDrift);
    }
}
