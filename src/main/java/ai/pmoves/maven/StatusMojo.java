package ai.pmoves.maven;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.status.StatusJson;
import ai.pmoves.engine.status.StatusReport;
import ai.pmoves.engine.status.StatusTable;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the state of every migration (applied, pending, changed, missing, failed, baseline, out-of-order) and of every
 * init script and seed file (applied, pending, changed, missing), and writes {@code target/pmoves/status.json}.
 * Changes nothing in the database.
 * For example:
 * <pre>mvn pmoves:status -Dpmoves.url=jdbc:postgresql://localhost:5432/postgres -Dpmoves.failOnPending=true</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "status", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class StatusMojo extends AbstractSeedFilesMojo {

    /**
     * Fail the build when any migration is pending (a release gate).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.failOnPending", defaultValue = "false")
    protected boolean failOnPending;

    /**
     * Fail the build when an applied migration's file changed, or a migration is recorded as failed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.failOnChanged", defaultValue = "true")
    protected boolean failOnChanged;

    /**
     * Directory of the definitions to list as applied, pending, changed or missing.
     * Default: supabase/definitions in the project directory, skipped when missing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    @Inject
    public StatusMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() throws MojoFailureException {
        StatusReport report = StatusReport.read(connectionSettings(),
                migrationsDirectory(), historyTableName(),
                seedSources(), seedTableName(), definitionSources(definitionsDirectory));
        EngineLog log = engineLog();
        if (getLog().isInfoEnabled()) { // under -q, a table of 1,000 rows is 40 ms of formatting no one sees
            StatusTable.lines(report).forEach(log::info);
        }
        Path json = reportPath("status.json");
        StatusJson.write(report, json);
        log.info("Written " + json);
        Map<MigrationState, Integer> counts = report.status().counts();
        int changed = counts.get(MigrationState.CHANGED);
        int failed = counts.get(MigrationState.FAILED);
        if (failOnChanged && changed + failed > 0) {
            throw new MojoFailureException(changed + " changed and " + failed + " failed "
                    + (changed + failed == 1 ? "migration" : "migrations") + ": "
                    + names(report, MigrationState.CHANGED, MigrationState.FAILED) + ". An applied file was edited or"
                    + " a run failed part-way (see the table above). Restore the file or repair the history;"
                    + " -Dpmoves.failOnChanged=false reports without failing.");
        }
        int pending = counts.get(MigrationState.PENDING) + counts.get(MigrationState.OUT_OF_ORDER);
        if (failOnPending && pending > 0) {
            throw new MojoFailureException(Counted.of(pending, "migration") + " pending and pmoves.failOnPending=true: "
                    + names(report, MigrationState.PENDING, MigrationState.OUT_OF_ORDER) + ". Run pmoves:apply first.");
        }
    }

    private static String names(StatusReport report, MigrationState... states) {
        List<MigrationState> wanted = List.of(states);
        return report.status().migrations().stream().filter(i -> wanted.contains(i.state()))
                .map(i -> Printable.of(i.name())).collect(Collectors.joining(", "));
    }
}
