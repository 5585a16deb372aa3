package ai.pmoves.maven;

import ai.pmoves.engine.tap.PgTapTests;
import ai.pmoves.engine.tap.TestOptions;
import ai.pmoves.engine.tap.TestRunResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the project's pgTAP tests, as {@code supabase test db} does, and reports them as surefire reports JUnit tests:
 * every .sql and .pg file under the test directory, in natural order, each in a session of its own and inside a
 * transaction that is rolled back at its end, so that no test leaves data behind. Prints a summary (tests run,
 * failures, errors, skipped, per file and in all, and every failure with its diagnostics, file and line), writes one
 * JUnit XML report per file ({@code target/pmoves-reports/TEST-pmoves.test.PATH.xml}), and fails the build on a
 * failure. Where the server has pgTAP but the database has not created it, it is created for the run and dropped
 * after it.
 * For example:
 * <pre>mvn pmoves:test -Dpmoves.url=jdbc:postgresql://localhost:54322/postgres -Dpmoves.user=postgres</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TestMojo extends AbstractScriptsMojo {

    /**
     * Directory of the pgTAP files: every file ending in .sql or .pg in it and in its subdirectories runs, in natural
     * order of its path (digit runs compare as numbers). Default: supabase/tests in the project directory, where a
     * missing one holds no tests. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.testDirectory")
    protected File testDirectory;

    /**
     * Directory of the JUnit XML reports, one per test file, named TEST-pmoves.test.PATH.xml after the file's path
     * from the test directory (rls/profiles.sql: TEST-pmoves.test.rls.profiles.xml). The reports of an earlier run
     * are replaced. Default: pmoves-reports in the build directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.reportsDirectory", defaultValue = "${project.build.directory}/pmoves-reports")
    protected File reportsDirectory;

    /**
     * Let the build go on when a test fails, errs or bails out: the summary and the reports still say so. Answers to
     * surefire's property, maven.test.failure.ignore, so that one switch covers both.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    protected boolean testFailureIgnore;

    /**
     * Skip the tests. Answers to surefire's property, skipTests, so that -DskipTests skips both; pmoves.skip skips
     * this goal too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    @Inject
    public TestMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() throws MojoFailureException {
        if (skipTests) {
            getLog().info("pgTAP tests are skipped (skipTests=true).");
            return;
        }
        TestRunResult result = new PgTapTests(
                () -> connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog())
                .run(new TestOptions(testDirectory(testDirectory), basedir.toPath(), reportsDirectory.toPath()));
        if (result.failed()) {
            String message = "There are pgTAP test failures (" + result.counts() + "): see the failures above, and the"
                    + " reports in " + reportsDirectory + ".";
            if (!testFailureIgnore) {
                throw new MojoFailureException(message);
            }
            getLog().error(message + " The build goes on: maven.test.failure.ignore=true.");
        }
    }
}
