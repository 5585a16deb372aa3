package ai.pmoves.maven;

import ai.pmoves.engine.apply.ApplyOptions;
import java.io.File;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What {@code apply} and {@code plan} share: the parameters that decide what an apply runs, so that a plan is made
 * with the configuration its apply runs with.
 */
public abstract class AbstractApplyMojo extends AbstractScriptsMojo {

    /**
     * Apply up to and including this version (as {@code pmoves:status} lists it); later migrations stay pending.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.target")
    protected String target;

    /**
     * Record every pending migration up to and including this version as {@code baseline}, without running it: adopts
     * a database that was built by hand or by a psql loop. Later migrations are then applied.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.baseline")
    protected String baseline;

    /**
     * Allow pending migrations older than the newest applied one to run (otherwise the run fails).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.outOfOrder", defaultValue = "false")
    protected boolean outOfOrder;

    /**
     * Directory of the definitions: SQL files (functions, views, policies, grants) that run after the pending
     * migrations whenever they are new or changed. Default: supabase/definitions in the project directory, skipped
     * when missing; a configured directory that does not exist is an error.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    /**
     * Directory of the hooks: SQL files named for the moment they run at (beforeMigrate, afterEachMigrate,
     * afterMigrate, afterEachDefinition, onError; afterMigrate__grants.sql for one of several). They run every time,
     * beforeMigrate and afterMigrate even when there is no migration or definition to run, and are not recorded.
     * Default: supabase/hooks in the project directory, skipped when missing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.hooksDirectory")
    protected File hooksDirectory;

    /** This plugin, whose version a plan records and an apply of a plan compares. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    protected AbstractApplyMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** This plugin's version, as a plan records it. */
    protected String pluginVersion() {
        return plugin == null ? "unknown" : plugin.getVersion();
    }

    /** What an apply runs, as configured: the migrations, the definitions and the hooks, up to target. */
    protected ApplyOptions applyOptions() {
        return ApplyOptions
                .of(migrationsDirectory())
                .withHistoryTable(historyTableName()).withTarget(target).withBaseline(baseline)
                .withOutOfOrder(outOfOrder)
                .withDefinitions(definitionSources(definitionsDirectory))
                .withHooks(hooks(hooksDirectory));
    }
}
