package ai.pmoves.maven;

import ai.pmoves.engine.seed.SeedMode;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.Seeder;
import java.time.Duration;
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
public class SeedMojo extends AbstractSeedingMojo {

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

    @Inject
    public SeedMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        SeedOptions options = SeedOptions.of(seedSources()).withMode(SeedMode.parse(seedMode, "seedMode"))
                .withSeedTable(seedTableName()).withHistoryTable(historyTableName())
                .withLockTimeout(Duration.ofSeconds(lockTimeout));
        new Seeder(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog())
                .seed(options, hooks(hooksDirectory));
    }
}
