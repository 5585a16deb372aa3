package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.apply.ApplyResult;
import ai.pmoves.engine.seed.SeedResult;
import ai.pmoves.engine.supabase.PreparedItem;
import java.util.List;

/**
 * What a bootstrap did, step by step; {@code initScripts} and {@code seeds} are null in a dry run, which only plans
 * the migrations.
 */
public record BootstrapResult(List<PreparedItem> prepared, SeedResult initScripts, ApplyResult migrations,
                              SeedResult seeds, long millis) {
}
