package ai.pmoves.maven;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.seed.SeedScanner;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.sql.CreatedExtensions;
import ai.pmoves.engine.tap.TestFile;
import ai.pmoves.engine.tap.TestFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals that read the project's SQL files share: the project directory, the migrations directory, and
 * {@code target/pmoves} for their reports. {@code new} and {@code validate}, which never connect, extend it directly;
 * the goals that connect extend {@link AbstractDatabaseMojo}. The other directories are declared by the goals that
 * read them; this class gives each its default.
 */
public abstract class AbstractFilesMojo extends AbstractPmovesMojo {

    /**
     * Directory of the migration files. Default: supabase/migrations in the project directory, where a missing one
     * holds no migrations. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.migrationsDirectory")
    protected File migrationsDirectory;

    /**
     * Refuse to run while a .sql file in the migrations directory has a name that is no migration's (not digits, an
     * underscore and a description, nor YYYY-MM-DD_description.sql). By default such a file (notes.sql,
     * local_20240107152745_x.sql) is skipped with a warning that names it, as the Supabase CLI skips it; files that do
     * not end in .sql are always ignored.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.strictFileNames", defaultValue = "false")
    protected boolean strictFileNames;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /** The session, read for the -Dpmoves.var.NAME=value of the command line. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession mavenSession;

    /** The prefix of a command-line psql variable: -Dpmoves.var.NAME=value. */
    static final String VARIABLE_PROPERTY = "pmoves.var.";

    /**
     * The migrations directory as configured, or supabase/migrations of the project directory; the checksums of its
     * files are remembered in {@code target/pmoves/checksums} between runs.
     */
    protected ConfiguredDirectory migrationsDirectory() {
        return directory(migrationsDirectory, "migrations").withStrictNames(strictFileNames)
                .withChecksumCache(reportPath("checksums"));
    }

    /** The down scripts' directory: {@code configured}, or supabase/rollbacks of the project directory when null. */
    protected ConfiguredDirectory rollbackDirectory(File configured) {
        return directory(configured, "rollbacks");
    }

    /** The definitions in {@code configured}, or in supabase/definitions of the project directory when it is null. */
    protected DefinitionSources definitionSources(File configured) {
        return new DefinitionSources(directory(configured, "definitions"), basedir.toPath());
    }

    /** The pgTAP files' directory: {@code configured}, or supabase/tests of the project directory when it is null. */
    protected ConfiguredDirectory testDirectory(File configured) {
        return directory(configured, "tests");
    }

    /** The hooks in {@code configured}, or in supabase/hooks of the project directory when it is null. */
    protected Hooks hooks(File configured) {
        return Hooks.read(directory(configured, "hooks"), basedir.toPath());
    }

    /**
     * The seed files as configured (any argument may be null), defaults filled in: without seedDirectories, db and
     * then the Supabase CLI's seed files ({@code supabase/config.toml}'s {@code [db.seed]}, else supabase/seed.sql).
     */
    protected SeedSources seedSources(File initDirectory, List<File> seedDirectories, List<String> seedIncludes,
                                      List<String> seedExcludes) {
        Path base = basedir.toPath();
        boolean seedsConfigured = seedDirectories != null && !seedDirectories.isEmpty();
        // the user's seedDirectories win: supabase/config.toml is read only for the defaults
        return SeedSources.in(base)
                .withInitDirectory(directory(initDirectory, "initdb"))
                .withSeedDirectories(seedsConfigured
                        ? seedDirectories.stream().map(d -> ConfiguredDirectory.configured(d.toPath())).toList()
                        : List.of(ConfiguredDirectory.byDefault(base.resolve("db"))))
                .withSupabaseSeeds(seedsConfigured ? null : base.resolve("supabase"))
                .withIncludes(seedIncludes == null ? List.of() : seedIncludes)
                .withExcludes(seedExcludes == null ? List.of() : seedExcludes);
    }

    /**
     * The extensions the files that will run create (init scripts and seeds, migrations, definitions), and pgTAP when
     * {@code tests} (null for none) holds test files: what engine=auto chooses a server by, and what a server
     * preloads. A directory that cannot be listed adds nothing here: the goal that runs its files reports it.
     */
    protected Set<String> createdExtensions(SeedSources seeds, DefinitionSources definitions, ConfiguredDirectory tests) {
        List<Path> files = new ArrayList<>();
        Set<String> created = new TreeSet<>();
        List<Runnable> listings = List.of(
                () -> SeedScanner.scan(seeds, EngineLog.SILENT).forEach(f -> files.add(f.file())),
                () -> MigrationScanner.scan(migrationsDirectory()).forEach(m -> files.add(m.file())),
                () -> definitions.scan().forEach(f -> files.add(f.file())),
                () -> {
                    List<TestFile> found = tests == null ? List.of() : TestFiles.scan(tests, basedir.toPath());
                    if (!found.isEmpty()) {
                        created.add("pgtap");
                        found.forEach(t -> files.add(t.file()));
                    }
                });
        for (Runnable listing : listings) {
            try {
                listing.run();
            } catch (PmovesException e) {
                getLog().debug("engine: some files are not read for the extensions they create: " + e.getMessage());
            }
        }
        created.addAll(CreatedExtensions.in(files));
        return created;
    }

    /** {@code configured}, or supabase/{@code defaultName} of the project directory when it is null. */
    private ConfiguredDirectory directory(File configured, String defaultName) {
        return (configured != null ? ConfiguredDirectory.configured(configured.toPath())
                : ConfiguredDirectory.byDefault(defaultDirectory(defaultName))).inProject(basedir.toPath());
    }

    /** Every -Dpmoves.var.NAME=value of the command line, by name. */
    protected Map<String, String> commandLineVariables() {
        Map<String, String> values = new TreeMap<>();
        Properties user = userProperties();
        for (String key : user.stringPropertyNames()) {
            if (key.startsWith(VARIABLE_PROPERTY)) {
                values.put(key.substring(VARIABLE_PROPERTY.length()), user.getProperty(key));
            }
        }
        return values;
    }

    /**
     * The property {@code name} where Maven looks up a parameter's property: the command line's -D, the JVM's system
     * properties, then the project's properties (those of the POM, and those a goal set earlier in the build, as
     * pmoves:start does); null when none has it.
     */
    protected String property(String name) {
        String value = userProperties().getProperty(name);
        if (value == null && mavenSession != null && mavenSession.getSystemProperties() != null) {
            value = mavenSession.getSystemProperties().getProperty(name);
        }
        MavenProject project = mavenSession == null ? null : mavenSession.getCurrentProject();
        if (value == null && project != null && project.getProperties() != null) {
            value = project.getProperties().getProperty(name);
        }
        return value;
    }

    /** The command line's -D properties; none outside a session. */
    protected Properties userProperties() {
        return mavenSession == null || mavenSession.getUserProperties() == null ? new Properties()
                : mavenSession.getUserProperties();
    }

    /** Where reports and dry runs go: {@code target/pmoves/}. */
    protected Path reportPath(String fileName) {
        return buildDirectory.toPath().resolve("pmoves").resolve(fileName);
    }

    private Path defaultDirectory(String name) {
        return basedir.toPath().resolve("supabase").resolve(name);
    }
}
