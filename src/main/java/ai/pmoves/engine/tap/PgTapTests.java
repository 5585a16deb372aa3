package ai.pmoves.engine.tap;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.migration.MigrationScript;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code supabase test db} inside the build: runs the pgTAP files of a test directory against a database, each in a
 * session of its own and rolled back (see {@link TestFileRunner}), reads their TAP output, logs a summary as surefire
 * does, and writes a JUnit XML report per file. Every file is read and split before the first one runs, so a file
 * that cannot be read stops the run before it starts.
 */
public final class PgTapTests {
    private static final String RULE = "-------------------------------------------------------";
    private final Supplier<ConnectionSettings> database;
    private final EngineLog log;

    /**
     * @param database the database's connection settings, asked for only when there is a test to run: a project
     *                 without tests needs no database
     */
    public PgTapTests(Supplier<ConnectionSettings> database, EngineLog log) {
        this.database = database;
        this.log = log;
    }

    /** Runs the tests; the result says what failed, and the caller decides what that does to the build. */
    public TestRunResult run(TestOptions options) {
        List<TestFile> files = TestFiles.scan(options.testDirectory(), options.baseDirectory());
        JUnitReport.clear(options.reportsDirectory());
        if (files.isEmpty()) {
            log.info("No pgTAP tests to run: no *.sql or *.pg file in " + options.testDirectory() + ".");
            return new TestRunResult(List.of(), List.of());
        }
        Map<TestFile, MigrationScript> scripts = new LinkedHashMap<>();
        files.forEach(f -> scripts.put(f, MigrationScript.read(f.file())));
        boolean filesCreatePgTap = scripts.values().stream().flatMap(s -> s.statements().stream())
                .anyMatch(PgTap::creates);
        ConnectionSettings settings = database.get();
        try (Connection connection = settings.connect("test")) {
            String serverVersion = connection.getMetaData().getDatabaseProductVersion();
            PgTap pgTap = PgTap.of(connection);
            log.info(RULE);
            log.info(" P G T A P   T E S T S");
            log.info(RULE);
            boolean enabled = false;
            if (pgTap.ready()) {
                log.info("pgTAP " + (pgTap.installedVersion() == null ? "(its functions)" : pgTap.installedVersion())
                        + " on " + settings.maskedUrl() + " (PostgreSQL " + serverVersion + ")");
            } else if (filesCreatePgTap) {
                log.info("pgTAP is not created in " + settings.maskedUrl() + ": the test files create it.");
            } else if (pgTap.availableVersion() != null) {
                String schema = pgTap.enable(connection);
                enabled = true;
                log.info("pgTAP " + pgTap.availableVersion() + " created in schema " + schema + " of "
                        + settings.maskedUrl() + " (PostgreSQL " + serverVersion + ") for the tests, and dropped after"
                        + " them, as supabase test db does");
            } else {
                throw PgTap.missing(settings.maskedUrl(), serverVersion);
            }
            try {
                return runAll(scripts, new TestFileRunner(settings, serverVersion, log), options.reportsDirectory());
            } finally {
                if (enabled) {
                    String failure = PgTap.disable(connection);
                    if (failure != null) {
                        log.warn("pgTAP, created for the tests, could not be dropped after them: " + failure);
                    }
                }
            }
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    private TestRunResult runAll(Map<TestFile, MigrationScript> scripts, TestFileRunner runner, Path reports) {
        List<TestFileResult> results = new ArrayList<>();
        List<TestFile> notRun = new ArrayList<>();
        for (Map.Entry<TestFile, MigrationScript> e : scripts.entrySet()) {
            if (!results.isEmpty() && results.get(results.size() - 1).tap().bailOut() != null) {
                notRun.add(e.getKey());
                continue;
            }
            log.info("Running " + e.getKey().path());
            TestFileResult r = runner.run(e.getKey(), e.getValue());
            results.add(r);
            JUnitReport.write(r, reports);
            String counts = TestRunResult.counts(r.tests(), r.failures(), r.errors(), r.skipped())
                    + ", Time elapsed: " + JUnitReport.seconds(r.nanos()) + " s";
            if (r.failed()) {
                log.error(counts + " <<< FAILURE! - in " + r.file().path());
                problems(r).forEach(log::error);
            } else {
                log.info(counts + " - in " + r.file().path());
            }
        }
        TestRunResult result = new TestRunResult(results, notRun);
        summary(result, reports);
        return result;
    }

    private void summary(TestRunResult result, Path reports) {
        log.info("");
        log.info("Results:");
        log.info("");
        List<String> failures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (TestFileResult r : result.files()) {
            for (Assertion a : r.tap().assertions()) {
                if (a.failed()) {
                    failures.add("  " + r.file().path() + ":" + a.line() + ": " + a.tapLine());
                }
            }
            r.tap().problems().forEach(p -> failures.add("  " + r.file().path() + ": " + p));
            if (r.error() != null) {
                errors.add("  " + r.file().path() + ":" + r.error().line() + ": " + r.error().headline());
            }
            if (r.tap().bailOut() != null) {
                errors.add("  " + r.file().path() + ": Bail out! " + r.tap().bailOut());
            }
        }
        if (!failures.isEmpty()) {
            log.error("Failures: ");
            failures.forEach(log::error);
        }
        if (!errors.isEmpty()) {
            log.error("Errors: ");
            errors.forEach(log::error);
        }
        if (!result.notRun().isEmpty()) {
            log.error("Not run, after the Bail out!: " + String.join(", ",
                    result.notRun().stream().map(TestFile::path).toList()));
        }
        if (!failures.isEmpty() || !errors.isEmpty()) {
            log.info("");
        }
        if (result.failed()) {
            log.error(result.counts());
        } else {
            log.info(result.counts());
        }
        log.info("");
        log.info("JUnit reports of " + Counted.of(result.files().size(), "test file") + " in " + reports);
    }

    /** The lines that say what failed in a file: each failed test with its diagnostics, the plan, the error. */
    private static List<String> problems(TestFileResult r) {
        List<String> lines = new ArrayList<>();
        for (Assertion a : r.tap().assertions()) {
            if (a.failed()) {
                lines.add(r.file().path() + ":" + a.line() + ": " + a.tapLine());
                a.diagnostics().forEach(d -> lines.add("    # " + d));
            }
        }
        for (String p : r.tap().problems()) {
            lines.add(r.file().path() + ": " + p);
        }
        if (r.error() != null) {
            lines.addAll(r.error().description().lines().toList());
        }
        if (r.tap().bailOut() != null) {
            lines.add(r.file().path() + ": Bail out! " + r.tap().bailOut() + " (the files after it do not run)");
        }
        return lines;
    }
}
