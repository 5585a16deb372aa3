package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static ai.pmoves.maven.MojoTestSupport.projectWithMigrations;
import static ai.pmoves.maven.MojoTestSupport.server;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** The apply goal as Maven builds it: parameters from the POM, user properties, serverId, skip. */
@MojoTest
class ApplyMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";

    @TempDir
    Path root;

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void pomConfigurationReachesTheMojo(ApplyMojo mojo) {
        assertEquals("supabase_migrations.schema_migrations", mojo.historyTable);
        assertEquals(5, mojo.connectTimeout);
        assertEquals(60, mojo.lockTimeout);
        assertFalse(mojo.dryRun);
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void appliesTheProjectsMigrations(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_apply");
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"));
        mojo.execute();
        assertEquals("20250101", single(db, "SELECT version FROM supabase_migrations.schema_migrations"));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void variablesReachTheFilesAndAValueTheServerQuotesIsMaskedInTheFailure(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_variables");
        configure(mojo, db, projectWithMigrations(root,
                "20250101_a.sql", "CREATE TABLE :\"table_name\" (n int);\n",
                "20250102_b.sql", "INSERT INTO :\"table_name\" VALUES (:'count');\n"));
        setVariableValueToObject(mojo, "variables", Map.of("table_name", "counted", "count", "Secret-Not-A-Number"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("invalid input syntax for type integer: \":'count'\""), e.getMessage());
        assertFalse(e.getMessage().contains("Secret-Not-A-Number"), e.getMessage());
        assertEquals(null, e.getSuppressed()[0].getCause()); // the driver's exception quotes the value too
        assertEquals("20250101", single(db, "SELECT version FROM supabase_migrations.schema_migrations"));
        assertEquals("0", single(db, "SELECT count(*) FROM counted"));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aSecretVariableTakesTheDecryptedPasswordOfItsServerAndIsNeverShown(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_secret_variable");
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = Files.writeString(root.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("master-pw", "settings.security") + "</master></settingsSecurity>");
        String previous = System.setProperty("settings.security", security.toString());
        try {
            configure(mojo, db, projectWithMigrations(root,
                    "20250101_a.sql", "CREATE TABLE api_keys (k text);\nINSERT INTO api_keys VALUES (:'api_key');\n",
                    "20250102_b.sql", "SELECT (:'api_key')::int;\n"),
                    server("api-secrets", "unused", cipher.encryptAndDecorate("Key-From-Settings-7", "master-pw")));
            setVariableValueToObject(mojo, "secretVariables", Map.of("api_key", "api-secrets"));
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().contains(":'api_key'"), e.getMessage());
            assertFalse(e.getMessage().contains("Key-From-Settings-7"), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty("settings.security");
            } else {
                System.setProperty("settings.security", previous);
            }
        }
        assertEquals("Key-From-Settings-7", single(db, "SELECT k FROM api_keys"), "the file got the decrypted value");
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aSecretVariableNamingAnUnknownServerIsAClearErrorAndRunsNothing(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_secret_unknown");
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "SELECT :'api_key';\n"));
        setVariableValueToObject(mojo, "secretVariables", Map.of("api_key", "nope"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("secretVariables: the server 'nope' of the variable 'api_key' matches no"
                + " <server> in settings.xml"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or fix secretVariables."), e.getMessage());
        assertEquals("0", single(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'supabase_migrations'"));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void serverIdGivesTheCredentialsAndEncryptedPasswordsAreDecrypted(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_server_id");
        TestPostgres.passwordRole("vault_user", "Vault-pw-1"); // the server checks this role's password
        try (Connection c = db.connect()) {
            c.createStatement().execute("GRANT CREATE ON DATABASE " + db.name() + " TO vault_user;"
                    + " GRANT CREATE ON SCHEMA public TO vault_user");
        }
        // settings-security.xml holds the master password, itself encrypted, as `mvn --encrypt-master-password` writes it
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = Files.writeString(root.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("master-pw", "settings.security") + "</master></settingsSecurity>");
        String previous = System.setProperty("settings.security", security.toString());
        try {
            configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"),
                    server("pmoves-db", "vault_user", cipher.encryptAndDecorate("Vault-pw-1", "master-pw")));
            mojo.user = null; // the credentials come from the <server> only
            mojo.password = null;
            mojo.serverId = "pmoves-db";
            mojo.execute();
        } finally {
            if (previous == null) {
                System.clearProperty("settings.security");
            } else {
                System.setProperty("settings.security", previous);
            }
        }
        assertEquals("20250101|vault_user", single(db, "SELECT version || '|' || applied_by"
                + " FROM supabase_migrations.schema_migrations"));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void unknownServerIdIsAClearError(ApplyMojo mojo) throws Exception {
        configure(mojo, TestPostgres.newDatabase("mojo_no_server"), projectWithMigrations(root));
        mojo.serverId = "nope";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("serverId 'nope' matches no <server> in settings.xml"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void skipTouchesNothing(ApplyMojo mojo) throws Exception {
        configure(mojo, null, projectWithMigrations(root, "bad name.sql", "SELECT 1;"));
        setVariableValueToObject(mojo, "url", "jdbc:postgresql://10.255.255.1:1/unreachable");
        mojo.skip = true;
        mojo.execute(); // neither the bad file name nor the unreachable host is looked at
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void wrongPasswordNamesTheUserAndNeverThePassword(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_wrong_pw");
        TestPostgres.passwordRole("app", "right-pw");
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"));
        mojo.user = "app";
        mojo.password = "Wr0ng-Secret";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("as app") && e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains("Wr0ng-Secret"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void thePasswordPropertyIsReadWhenConnectingFromTheCommandLineOrTheProject(ApplyMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_password_property");
        TestPostgres.passwordRole("property_pw_user", "Property-pw-3");
        try (Connection c = db.connect()) {
            c.createStatement().execute("GRANT CREATE ON DATABASE " + db.name() + " TO property_pw_user;"
                    + " GRANT CREATE ON SCHEMA public TO property_pw_user");
        }
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"));
        mojo.user = "property_pw_user";
        mojo.password = null; // not a parameter Maven sets from the property, so that -X does not print it
        Properties commandLine = new Properties();
        commandLine.setProperty("pmoves.password", "Property-pw-3"); // -Dpmoves.password=Property-pw-3
        setVariableValueToObject(mojo, "mavenSession", session(commandLine, new MavenProject()));
        mojo.execute();

        MavenProject started = new MavenProject(); // the project property pmoves:start sets for the goals after it
        started.getProperties().setProperty("pmoves.password", "Property-pw-3");
        setVariableValueToObject(mojo, "mavenSession", session(new Properties(), started));
        Files.writeString(root.resolve("supabase/migrations/20250102_b.sql"), "CREATE TABLE b (id int);\n");
        mojo.execute();
        assertEquals("20250101|property_pw_user 20250102|property_pw_user", String.join(" ", db.column(
                "SELECT version || '|' || applied_by FROM supabase_migrations.schema_migrations ORDER BY version")));
    }

    /** A session with the command line's {@code -D} properties, building {@code project}. */
    @SuppressWarnings("deprecation") // the one constructor that needs no container
    private static MavenSession session(Properties userProperties, MavenProject project) {
        MavenSession session = new MavenSession(null, null,
                new DefaultMavenExecutionRequest().setUserProperties(userProperties), new DefaultMavenExecutionResult());
        session.setCurrentProject(project);
        return session;
    }

    private static String single(TestPostgres.Database db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
