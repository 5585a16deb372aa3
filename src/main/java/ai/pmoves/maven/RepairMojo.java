package ai.pmoves.maven;

import ai.pmoves.engine.repair.ClearFailed;
import ai.pmoves.engine.repair.RepairOptions;
import ai.pmoves.engine.repair.Repairer;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Repairs the migration history without running any migration: record a migration as applied, delete a row, realign
 * the checksums of changed files, clear failed rows. Prints every change; takes the same lock as {@code apply}.
 * For example:
 * <pre>mvn pmoves:repair -Dpmoves.clearFailed=true -Dpmoves.dryRun=true</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractDatabaseMojo {

    /**
     * Versions (as {@code pmoves:status} lists them, or file names), comma-separated, to record as applied without
     * running them, like the Supabase CLI's {@code migration repair --status applied}: for changes made by hand. A
     * pending migration gets a row; a failed one becomes applied.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.markApplied")
    protected String markApplied;

    /**
     * Versions, comma-separated, whose history row to delete without running anything (no down script), like
     * {@code migration repair --status reverted}: the migration is pending again, or, with its file gone, forgotten.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.markReverted")
    protected String markReverted;

    /**
     * Store the current checksum of every {@code changed} migration: for edits that do not change what it does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.realign", defaultValue = "false")
    protected boolean realign;

    /**
     * Delete {@code failed} rows so that {@code apply} runs those migrations again: {@code true} for all of them, or
     * versions, comma-separated. Undo (or finish, and use {@code markApplied}) what the failed run did first.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.clearFailed")
    protected String clearFailed;

    /**
     * Print the changes and make none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * Seconds to wait for another run's migration lock before failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.lockTimeout", defaultValue = "60")
    protected int lockTimeout;

    @Inject
    public RepairMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        ClearFailed clear = ClearFailed.parse(clearFailed);
        new Repairer(connectionSettings(), engineLog()).repair(RepairOptions.of(migrationsDirectory())
                .withHistoryTable(historyTableName()).withMarkApplied(CommaList.of(markApplied))
                .withMarkReverted(CommaList.of(markReverted)).withRealign(realign).withClearAllFailed(clear.all())
                .withClearFailed(clear.versions()).withDryRun(dryRun)
                .withLockTimeout(Duration.ofSeconds(lockTimeout)));
    }
}
