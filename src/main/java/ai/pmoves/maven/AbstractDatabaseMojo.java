package ai.pmoves.maven;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.sql.PsqlVariables;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What the goals that connect share: the connection, from its parameters, a settings.xml server or the libpq
 * variables; the history table, whose lock the goals that change the database take; and the psql variables of the
 * goals that run files, with the secrets settings.xml keeps.
 */
public abstract class AbstractDatabaseMojo extends AbstractFilesMojo {

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
     * Database password, also given as -Dpmoves.password=… or a pmoves.password property (pmoves:start sets one).
     * The plugin never prints it. That property is read only when the goal connects, not by Maven, because mvn -X
     * prints every parameter Maven sets, with its value: a password written in the POM's plugin configuration is
     * shown there, and one in the URL too. serverId keeps it out of the debug output, the POM and the command line:
     * the password of a server of settings.xml, encrypted with mvn --encrypt-password and decrypted by Maven's
     * SettingsDecrypter when the goal connects. So do PGPASSWORD and the driver's ~/.pgpass, read only by the
     * plugin and the driver.
     *
     * @since 0.1.0
     */
    @Parameter
    protected String password;

    /**
     * The id of a server entry in settings.xml whose username and password are used to connect (an encrypted password
     * is decrypted with Maven's settings-security). Its password is read when the goal connects, so mvn -X never shows
     * it, as it shows a password written in the POM.
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
     * The history table, as {@code schema.table} written as in SQL ({@code "Ops".history} keeps its capitals). The
     * default is the Supabase CLI's own table, so the CLI, Studio and the plugin agree on what ran.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.historyTable", defaultValue = "supabase_migrations.schema_migrations")
    protected String historyTable;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    /** The password's property, which the plugin reads itself: see the {@code password} parameter. */
    static final String PASSWORD_PROPERTY = "pmoves.password";

    private final SettingsDecrypter settingsDecrypter;
    /** The psql variables this goal runs the files with, whose values its failure must not show. */
    private PsqlVariables variablesInUse = PsqlVariables.NONE;

    protected AbstractDatabaseMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** The connection settings from url/user/password, serverId, and the libpq variables, in that order. */
    protected ConnectionSettings connectionSettings() {
        String effectiveUser = user;
        String effectivePassword = password != null ? password : property(PASSWORD_PROPERTY);
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

    protected TableName historyTableName() {
        return TableName.parse(historyTable, "historyTable");
    }

    /**
     * {@code configured}, then {@code secrets} (a variable's name to the id of a settings.xml server whose decrypted
     * password is its value), then every -Dpmoves.var.NAME=value of the command line, each winning over the one
     * before; either map may be null. A failure of the goal then shows none of the values.
     */
    protected PsqlVariables psqlVariables(Map<String, String> configured, Map<String, String> secrets) {
        Map<String, String> values = new TreeMap<>();
        if (configured != null) {
            configured.forEach((name, value) -> values.put(name, value == null ? "" : value));
        }
        if (secrets != null) {
            secrets.forEach((name, id) -> values.put(name, secretOf(name, id)));
        }
        values.putAll(commandLineVariables());
        // a secret's name stays secret when the command line overrides its value: a plan shows neither
        variablesInUse = new PsqlVariables(values, secrets == null ? Set.of() : secrets.keySet());
        return variablesInUse;
    }

    @Override
    protected String withoutSecrets(String message) {
        return variablesInUse.mask(message);
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
}
