package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.seed.SeedOptions;
import java.nio.file.Path;

/**
 * What {@link Bootstrapper#bootstrap} is asked to do.
 *
 * @param apply  the migrations, exactly as {@code apply} takes them (target, baseline, outOfOrder, dryRun, lock)
 * @param seeds  the init scripts and seeds, as {@code seed} takes them; the init scripts run before the migrations,
 *               the seed directories after
 * @param compat whether to prepare the Supabase objects first
 * @param grantSchemaUsage whether to grant anon, authenticated and service_role USAGE on every schema the files
 *               create, after they ran; Supabase does not, so by default a file that forgets the grant fails here as
 *               it fails there
 * @param preparationReport where every item of the preparation is written as JSON; null for nowhere
 */
public record BootstrapOptions(ApplyOptions apply, SeedOptions seeds, SupabaseCompat compat,
                               boolean grantSchemaUsage, Path preparationReport) {

    /** The grants Supabase makes and no more, no report file. */
    public BootstrapOptions(ApplyOptions apply, SeedOptions seeds, SupabaseCompat compat) {
        this(apply, seeds, compat, false, null);
    }

    /** With {@code true}, the API roles get USAGE on the files' own schemas too, which Supabase does not give. */
    public BootstrapOptions withGrantSchemaUsage(boolean grantSchemaUsage) {
        return new BootstrapOptions(apply, seeds, compat, grantSchemaUsage, preparationReport);
    }

    /** Writes the preparation's items to {@code preparationReport} (target/pmoves/preparation.json). */
    public BootstrapOptions withPreparationReport(Path preparationReport) {
        return new BootstrapOptions(apply, seeds, compat, grantSchemaUsage, preparationReport);
    }
}
