package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.seed.SeedOptions;

/**
 * What {@link Bootstrapper#bootstrap} is asked to do.
 *
 * @param apply  the migrations, exactly as {@code apply} takes them (target, baseline, outOfOrder, dryRun, lock)
 * @param seeds  the init scripts and seeds, as {@code seed} takes them; the init scripts run before the migrations,
 *               the seed directories after
 * @param compat whether to prepare the Supabase objects first
 */
public record BootstrapOptions(ApplyOptions apply, SeedOptions seeds, SupabaseCompat compat) {
}
