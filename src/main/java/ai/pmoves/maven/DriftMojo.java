package ai.pmoves.maven;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.drift.DriftCheck;
import ai.pmoves.engine.drift.DriftDatabase;
import ai.pmoves.engine.drift.DriftOptions;
import ai.pmoves.engine.schema.SchemaFilter;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.server.ServerHome;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Compares the database's schema with the schema the project's files make, and prints each difference: a table made
 * by hand, a default added in Studio, a grant revoked in a console. The expected schema is built by running the init
 * scripts, migrations, definitions and hooks (no seeds) on a scratch server prepared like the database: with the
 * Supabase preparation when the database has the Supabase platform, without it otherwise. The database itself is only
 * read. Writes target/pmoves/drift.json. For example:
 * <pre>mvn pmoves:drift -Dpmoves.url=jdbc:postgresql://db.example.supabase.co:5432/postgres -Dpmoves.serverId=prod</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "drift", threadSafe = true)
public class DriftMojo extends AbstractScriptsMojo {

    /**
     * Fail the build when the schemas differ. With false, the differences are printed and written all the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.failOnDrift", defaultValue = "true")
    protected boolean failOnDrift;

    /**
     * The schemas left out of the comparison, as a comma list. Default: the Supabase platform's (auth, storage,
     * realtime, extensions, graphql, graphql_public, vault, net, cron, supabase_functions, supabase_migrations,
     * pgsodium), which its services own and change. Give another list to compare one of them too, or to leave out a
     * schema of your own. The system schemas are always left out; the policies the project puts on platform tables (a
     * storage policy) and its triggers there (one on auth.users) are compared whatever the list.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.driftSchemas")
    protected String driftSchemas;

    /**
     * Where the expected schema is built. {@code throwaway} (default): a throwaway server of the database's major
     * version, started with {@code engine} and stopped afterwards. {@code scratch}: a temporary database on the
     * database's own server, dropped afterwards, also on failure; for databases whose extensions no engine has. It
     * needs a user who may create databases, and is refused when the files create or change roles, databases or
     * tablespaces, which the scratch database would share with the database.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.driftDatabase", defaultValue = "throwaway")
    protected String driftDatabase;

    /**
     * The engine of the throwaway server, as for pmoves:start: {@code auto} (default: the first of embedded, system
     * and docker whose server has every extension the init scripts, migrations and definitions create),
     * {@code embedded}, {@code system} or {@code docker}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.engine", defaultValue = "auto")
    protected String engine;

    /**
     * Major PostgreSQL version of the throwaway server. Unset: the database's own.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.postgresVersion")
    protected String postgresVersion;

    /**
     * The system engine's PostgreSQL, as for pmoves:start: the folder of its initdb, pg_ctl and postgres; unset, the
     * first one found.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.postgresBin")
    protected File postgresBin;

    /**
     * Docker image of the docker engine.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.image", defaultValue = "supabase/postgres:15.8.1.085")
    protected String image;

    /**
     * Directory of the init scripts, run first on the scratch server as bootstrap runs them. Default:
     * supabase/initdb in the project directory, skipped when missing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.initDirectory")
    protected File initDirectory;

    /**
     * Directory of the definitions, run after the migrations on the scratch server. Default: supabase/definitions in
     * the project directory, skipped when missing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    /**
     * Directory of the hooks, run on the scratch server at their moments. Default: supabase/hooks in the project
     * directory, skipped when missing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.hooksDirectory")
    protected File hooksDirectory;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    protected RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    protected List<RemoteRepository> remoteRepositories;

    private final RepositorySystem repositorySystem;

    @Inject
    public DriftMojo(SettingsDecrypter settingsDecrypter, RepositorySystem repositorySystem) {
        super(settingsDecrypter);
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run() {
        ApplyOptions apply = ApplyOptions.of(migrationsDirectory()).withHistoryTable(historyTableName())
                .withDefinitions(definitionSources(definitionsDirectory)).withHooks(hooks(hooksDirectory));
        ServerEngines engines = new ServerEngines(repositorySystem, repositorySession, remoteRepositories, engineLog());
        SeedSources initScripts = seedSources(initDirectory, List.of(), null, null);
        DriftOptions options = DriftOptions.of(apply, SeedOptions.of(initScripts)
                        .withHistoryTable(historyTableName()))
                .withFilter(driftSchemas == null ? SchemaFilter.platformExcluded()
                        : SchemaFilter.excluding(CommaList.of(driftSchemas)))
                .withDatabase(DriftDatabase.parse(driftDatabase))
                .withThrowaway(major -> engines.start(engine, postgresVersion == null ? major : postgresVersion,
                        postgresBin, image, 0, reportPath("postgres-drift.log"), ServerHome.defaultLocation(),
                        () -> createdExtensions(initScripts, definitionSources(definitionsDirectory), null)))
                .withReport(reportPath("drift.json")).withFailOnDrift(failOnDrift);
        new DriftCheck(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog())
                .check(options);
    }
}
