package ai.pmoves.maven;

import ai.pmoves.engine.hook.HookMoment;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.seed.SeedMode;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.Seeder;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the init scripts, then the seed files, that are new or changed: each in one transaction with its row in the
 * seed table, streamed, so a seed of any size runs in a small heap. Takes the migration lock, like {@code apply}.
 * For example:
 * <pre>mvn pmoves:seed -Dpmoves.url=jdbc:postgresql://localhost:5432/postgres -Dpmoves.user=postgres</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "seed", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class SeedMojo extends AbstractSeedFilesMojo {

    /**
     * When a file that already ran runs again: {@code changed} (new files and files whose hash changed), {@code always}
     * (every file, every time) or {@code once} (never again, even if it changed; the change is reported).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedMode", defaultValue = "changed")
    protected String seedMode;

    /**
     * Seconds to wait for another run's migration lock before failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.lockTimeout", defaultValue = "60")
    protected int lockTimeout;

    /**
     * Psql variables for the init scripts and seeds, as psql -v gives them: :'name' is the value quoted as a literal,
     * :"name" quoted as an identifier, :name the value as is. -Dpmoves.var.NAME=value adds one or overrides it. Never
     * printed.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> variables;

    /**
     * Psql variables whose values are secrets kept in settings.xml: each entry maps a variable's name to the id of a
     * server entry there, whose password, decrypted as for serverId, is the value. Never printed. Overrides an entry
     * of variables with the same name; -Dpmoves.var.NAME=value overrides both.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> secretVariables;

    /**
     * Directory of the hooks, of which seed runs the afterSeed ones (afterSeed.sql, afterSeed__grants.sql, …) after
     * the seeds, every time, under the lock. Default: supabase/hooks in the project directory, skipped when missing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.hooksDirectory")
    protected File hooksDirectory;

    @Inject
    public SeedMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        SeedOptions options = SeedOptions.of(seedSources()).withMode(SeedMode.parse(seedMode, "seedMode"))
                .withSeedTable(seedTableName()).withHistoryTable(historyTableName())
                .withLockTimeout(Duration.ofSeconds(lockTimeout));
        Hooks hooks = hooks(hooksDirectory);
        new Seeder(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog())
                .seed(options, session -> hooks.run(HookMoment.AFTER_SEED, session, engineLog()));
    }
}
