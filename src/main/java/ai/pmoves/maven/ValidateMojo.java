package ai.pmoves.maven;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.lint.FailOn;
import ai.pmoves.engine.lint.LintJUnit;
import ai.pmoves.engine.lint.LintJson;
import ai.pmoves.engine.lint.LintOptions;
import ai.pmoves.engine.lint.LintReport;
import ai.pmoves.engine.lint.LintText;
import ai.pmoves.engine.lint.Linter;
import ai.pmoves.engine.lint.Severity;
import ai.pmoves.engine.lint.SourceDirectory;
import ai.pmoves.engine.lint.SourceKind;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.SupabaseSeeds;
import ai.pmoves.engine.sql.PsqlVariables;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Lints every migration, init script, seed and down script against the guide's best practices and troubleshooting,
 * without a database: prints the findings grouped by rule and writes {@code target/pmoves/validate.json} and a JUnit
 * XML report, {@code target/pmoves-reports/TEST-pmoves.validate.xml}, that CI servers show as test results.
 * For example:
 * <pre>mvn pmoves:validate -Dpmoves.skipRules=rls-without-policy -Dpmoves.failOn=warning</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractFilesMojo {

    /**
     * Rules to turn off, by id, comma-separated: {@code syntax}, {@code duplicate-version}, {@code file-name},
     * {@code file-date}, {@code same-day-forms},
     * {@code uuid-ossp}, {@code if-not-exists}, {@code drop-policy-first}, {@code or-replace},
     * {@code rls-without-policy}, {@code supabase-roles}, {@code history-timestamptz}, {@code mixed-transaction}.
     * Called rules (-Dpmoves.rules) in 0.1.0, a name that still works.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.skipRules", alias = "rules")
    protected String skipRules;

    /**
     * What fails the build: {@code error} (any error finding), {@code warning} (any finding) or {@code none}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.failOn", defaultValue = "error")
    protected String failOn;

    /**
     * The psql variables the files are run with, as the goals that run them take them; validate warns about a
     * :'name' or :"name" whose variable is neither here nor given as -Dpmoves.var.NAME=value.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> variables;

    /**
     * The psql variables whose values are secrets kept in settings.xml, as the goals that run the files take them (a
     * variable's name to the id of a server entry there); validate reads their names, never a value.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> secretVariables;

    /**
     * Directory of the init scripts ({@code NN_name.sql}) to lint. Default: supabase/initdb in the project directory,
     * skipped when it does not exist. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.initDirectory")
    protected File initDirectory;

    /**
     * Seed directories to lint: every SQL file in them, whichever of them seed runs. Default: db in the project
     * directory, skipped when it does not exist, and the Supabase CLI's seed files ({@code [db.seed] sql_paths} of
     * supabase/config.toml, or supabase/seed.sql without one); when set, config.toml is not read. As a property, a comma
     * list: {@code -Dpmoves.seedDirectories=db,db/demo}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedDirectories")
    protected List<File> seedDirectories;

    /**
     * Directory of the down scripts to lint. Default: supabase/rollbacks in the project directory, skipped when it
     * does not exist. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.rollbackDirectory")
    protected File rollbackDirectory;

    /**
     * Directory of the definitions, linted with the other files: there a statement that cannot run twice fails the
     * next run after an edit. Default: supabase/definitions in the project directory, skipped when missing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    /** The property of skipRules in 0.1.0. */
    private static final String OLD_PROPERTY = "pmoves.rules";

    /** The project, read to see whether its build binds {@code pmoves:bootstrap}. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** This plugin's coordinates, to find its executions in the project. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    /** The names of the variables the files are run with; validate reads no secret's value. */
    private Set<String> definedVariables() {
        Map<String, String> values = new TreeMap<>(commandLineVariables());
        if (variables != null) {
            values.putAll(variables);
        }
        Set<String> names = new TreeSet<>(new PsqlVariables(values).names());
        if (secretVariables != null) {
            names.addAll(secretVariables.keySet());
        }
        return names;
    }

    /** skipRules, or -Dpmoves.rules, its name in 0.1.0, which a build may still give. */
    private String rulesToSkip() {
        String old = userProperties().getProperty(OLD_PROPERTY);
        if (skipRules == null && old != null) {
            getLog().warn("-D" + OLD_PROPERTY + " is now -Dpmoves.skipRules: the old name still works, for now.");
            return old;
        }
        return skipRules;
    }

    @Override
    protected void run() throws MojoFailureException {
        FailOn threshold = FailOn.parse(failOn);
        LintReport report = Linter.lint(LintOptions.of(basedir.toPath(), directories())
                .withDisabledRules(new LinkedHashSet<>(CommaList.of(rulesToSkip()))).withSupabaseRolesPrepared(rolesPrepared())
                .withVariables(definedVariables()).withSeedFiles(supabaseSeedFiles()));
        for (LintText.Line line : LintText.lines(report)) {
            String text = Printable.of(line.text()); // a finding names a file and what it creates: one line each
            if (line.severity() == Severity.ERROR) {
                getLog().error(text);
            } else if (line.severity() == Severity.WARNING) {
                getLog().warn(text);
            } else {
                getLog().info(text);
            }
        }
        Path json = reportPath("validate.json");
        LintJson.write(report, json);
        Path junit = Path.of(project.getBuild().getDirectory(), "pmoves-reports", "TEST-pmoves.validate.xml");
        LintJUnit.write(report, "validate", junit);
        engineLog().info("Written " + json + " and " + junit);
        if (threshold.fails(report)) {
            throw new MojoFailureException("pmoves:validate found " + Counted.of(report.count(Severity.ERROR), "error") + " and "
                    + Counted.of(report.count(Severity.WARNING), "warning") + " (failOn=" + failOn.trim() + "): see the findings"
                    + " above or " + json + ". Fix them, turn a rule off with -Dpmoves.skipRules=<id>, or report without"
                    + " failing with -Dpmoves.failOn=none.");
        }
    }

    private List<SourceDirectory> directories() {
        // every file of the seed directories is linted, included or not
        SeedSources seeds = seedSources(initDirectory, seedDirectories, null, null);
        List<SourceDirectory> directories = new ArrayList<>();
        directories.add(new SourceDirectory(SourceKind.MIGRATION,
                migrationsDirectory(), "migrationsDirectory"));
        directories.add(new SourceDirectory(SourceKind.INIT, seeds.initDirectory(), "initDirectory"));
        directories.add(new SourceDirectory(SourceKind.DEFINITION, definitionSources(definitionsDirectory).directory(),
                "definitionsDirectory"));
        for (ConfiguredDirectory dir : seeds.seedDirectories()) {
            directories.add(new SourceDirectory(SourceKind.SEED, dir, "seedDirectories"));
        }
        directories.add(new SourceDirectory(SourceKind.ROLLBACK,
                rollbackDirectory(rollbackDirectory), "rollbackDirectory"));
        return directories;
    }

    /** The Supabase CLI's seed files, every one, included or not; none when seedDirectories is configured. */
    private List<Path> supabaseSeedFiles() {
        Path supabase = seedSources(initDirectory, seedDirectories, null, null).supabaseDirectory();
        return supabase == null ? List.of() : SupabaseSeeds.find(supabase, engineLog());
    }

    private boolean rolesPrepared() {
        if (plugin == null) {
            return false;
        }
        List<String> goals = mavenSession == null ? List.of() : mavenSession.getGoals();
        return BootstrapBinding.preparesRoles(project, goals, userProperties(), plugin.getGroupId(),
                plugin.getArtifactId());
    }
}
