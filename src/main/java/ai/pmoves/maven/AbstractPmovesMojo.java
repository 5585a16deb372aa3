package ai.pmoves.maven;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.sql.PsqlVariables;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every database goal shares: the connection, the migrations directory, the history table and {@code skip}.
 * Subclasses turn their parameters into engine options, make one engine call, and log its result.
 */
public abstract class AbstractPmovesMojo extends AbstractMojo {

    /**
     * JDBC URL of the database, e.g. {@code jdbc:postgresql://localhost:5432/postgres}. A
     * {@code postgresql://user:password@host:port/db} URI, as Supabase shows it, is accepted too. Without it, the
     * libpq variables {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER} and {@code PGPASSWORD} are used.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.url")
    protected String url;

    /**
     * Database user. Overrides the user of {@code serverId}, of the URL and of {@code PGUSER}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.user")
    protected String user;

    /**
     * Database password. Never printed; prefer {@code serverId} so it stays out of the POM and the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.password")
    protected String password;

    /**
     * The id of a server entry in settings.xml whose username and password are used to connect (an encrypted password
     * is decrypted with Maven's settings-security).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.serverId")
    protected String serverId;

    /**
     * Seconds to wait for a connection before failing (an unreachable host fails within this time).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.connectTimeout", defaultValue = "10")
    protected int connectTimeout;

    /**
     * Directory of the migration files. Default: supabase/migrations in the project directory, where a missing one
     * holds no migrations. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.migrationsDirectory")
    protected File migrationsDirectory;

    /**
     * Directory of the down scripts: the down script of {@code supabase/migrations/X.sql} is {@code X.sql} here.
     * Default: supabase/rollbacks in the project directory, outside the migrations directory so that the Supabase CLI
     * and psql loops never run a down script as a migration. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.rollbackDirectory")
    protected File rollbackDirectory;

    /**
     * The history table, as {@code schema.table}. The default is the Supabase CLI's own table, so the CLI, Studio
     * and the plugin agree on what ran.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.historyTable", defaultValue = "supabase_migrations.schema_migrations")
    protected String historyTable;

    /**
     * Skip the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    /** The session, read for the -Dpmoves.var.NAME=value of the command line. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession mavenSession;

    /** The prefix of a command-line psql variable: -Dpmoves.var.NAME=value. */
    static final String VARIABLE_PROPERTY = "pmoves.var.";

    private final SettingsDecrypter settingsDecrypter;
    /** The psql variables this goal runs the files with, whose values its failure must not show. */
    private PsqlVariables variablesInUse = PsqlVariables.NONE;

    protected AbstractPmovesMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("pmoves: skipped (pmoves.skip=true).");
            return;
        }
        try {
            run();
        } catch (PmovesException e) {
            String masked = variablesInUse.mask(e.getMessage());
            if (!masked.equals(e.getMessage())) {
                // The server quoted a variable's value: neither the message nor its causes may reach the log.
                throw failure(new PmovesException(masked));
            }
            getLog().debug("pmoves: " + e.getMessage(), e);
            throw failure(e);
        }
    }

    /**
     * A build failure with the engine's message. Not chained as the cause: Maven appends every cause's message to the
     * failure line, which would repeat the driver's or the lexer's raw text after ours; the engine's exception goes to
     * the debug log (-X) instead.
     */
    static MojoFailureException failure(PmovesException e) {
        MojoFailureException failure = new MojoFailureException(e.getMessage());
        failure.addSuppressed(e);
        return failure;
    }

    /** The goal's work; a {@link PmovesException} becomes a build failure with its message. */
    protected abstract void run() throws MojoFailureException;

    /** The connection settings from url/user/password, serverId, and the libpq variables, in that order. */
    protected ConnectionSettings connectionSettings() {
        String effectiveUser = user;
        String effectivePassword = password;
        if (serverId != null && !serverId.isBlank()) {
            Server server = decryptedServer(serverId.trim(), "serverId '" + serverId.trim() + "'", "pmoves.serverId");
            if (effectiveUser == null || effectiveUser.isBlank()) {
                effectiveUser = server.getUsername();
            }
            if (effectivePassword == null || effectivePassword.isEmpty()) {
                effectivePassword = server.getPassword();
            }
        }
        return ConnectionSettings.resolve(url, effectiveUser, effectivePassword, System.getenv(), connectTimeout);
    }

    private String secretOf(String variable, String id) {
        if (id == null || id.isBlank()) {
            throw new PmovesException("secretVariables: the variable '" + variable + "' names no server: give the id of"
                    + " a <server> of settings.xml, whose password is the value.");
        }
        String secret = decryptedServer(id.trim(), "secretVariables: the server '" + id.trim() + "' of the variable '"
                + variable + "'", "secretVariables").getPassword();
        if (secret == null) {
            throw new PmovesException("secretVariables: <server> '" + id.trim() + "' of settings.xml has no password"
                    + " to give the variable '" + variable + "': add <password>…</password> to it.");
        }
        return secret;
    }

    /** The server {@code id} of settings.xml, decrypted; {@code what} and {@code parameter} name it in an error. */
    private Server decryptedServer(String id, String what, String parameter) {
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new PmovesException(what + " matches no <server> in settings.xml: add <server><id>" + id
                    + "</id><username>…</username><password>…</password></server> to ~/.m2/settings.xml, or fix "
                    + parameter + ".");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new PmovesException("Cannot decrypt the password of <server> '" + id + "' in settings.xml: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml.");
            }
        }
        return result.getServer();
    }

    protected TableName historyTableName() {
        return TableName.parse(historyTable, "historyTable");
    }

    protected Path migrationsPath() {
        return migrationsDirectory != null ? migrationsDirectory.toPath()
                : basedir.toPath().resolve("supabase").resolve("migrations");
    }

    protected boolean migrationsDirectoryConfigured() {
        return migrationsDirectory != null;
    }

    protected Path rollbackPath() {
        return rollbackDirectory != null ? rollbackDirectory.toPath()
                : basedir.toPath().resolve("supabase").resolve("rollbacks");
    }

    /** The definitions in {@code configured}, or in supabase/definitions of the project directory when it is null. */
    protected DefinitionSources definitionSources(File configured) {
        Path directory = configured != null ? configured.toPath()
                : basedir.toPath().resolve("supabase").resolve("definitions");
        return new DefinitionSources(ConfiguredDirectory.of(directory, configured != null), basedir.toPath());
    }

    /** {@code configured} (may be null) and every -Dpmoves.var.NAME=value of the command line, which wins. */
    protected PsqlVariables psqlVariables(Map<String, String> configured) {
        return psqlVariables(configured, null);
    }

    /**
     * {@code configured}, then {@code secrets} (a variable's name to the id of a settings.xml server whose decrypted
     * password is its value), then every -Dpmoves.var.NAME=value of the command line, each winning over the one
     * before; either map may be null.
     */
    protected PsqlVariables psqlVariables(Map<String, String> configured, Map<String, String> secrets) {
        Map<String, String> values = new TreeMap<>();
        if (configured != null) {
            configured.forEach((name, value) -> values.put(name, value == null ? "" : value));
        }
        if (secrets != null) {
            secrets.forEach((name, id) -> values.put(name, secretOf(name, id)));
        }
        Properties user = mavenSession == null || mavenSession.getUserProperties() == null ? new Properties()
                : mavenSession.getUserProperties();
        for (String key : user.stringPropertyNames()) {
            if (key.startsWith(VARIABLE_PROPERTY)) {
                values.put(key.substring(VARIABLE_PROPERTY.length()), user.getProperty(key));
            }
        }
        variablesInUse = new PsqlVariables(values);
        return variablesInUse;
    }

    /** The hooks in {@code configured}, or in supabase/hooks of the project directory when it is null. */
    protected Hooks hooks(File configured) {
        Path directory = configured != null ? configured.toPath()
                : basedir.toPath().resolve("supabase").resolve("hooks");
        return Hooks.read(ConfiguredDirectory.of(directory, configured != null), basedir.toPath());
    }

    /** Where reports and dry runs go: {@code target/pmoves/}. */
    protected Path reportPath(String fileName) {
        return buildDirectory.toPath().resolve("pmoves").resolve(fileName);
    }

    protected EngineLog engineLog() {
        return new EngineLog() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
    }
}
