package ai.pmoves.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;

import ai.pmoves.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/** Points a harness-made mojo at a real database and a project folder of migrations. */
final class MojoTestSupport {
    private MojoTestSupport() {
    }

    /** Sets the connection, directories and settings the harness's mock project and session do not provide. */
    static void configure(AbstractDatabaseMojo mojo, TestPostgres.Database db, Path project, Server... servers)
            throws IllegalAccessException {
        setVariableValueToObject(mojo, "url", db == null ? null : db.url());
        setVariableValueToObject(mojo, "user", db == null ? null : db.user());
        setVariableValueToObject(mojo, "password", db == null ? null : db.password());
        configure(mojo, project);
        Settings settings = new Settings();
        for (Server s : servers) {
            settings.addServer(s);
        }
        setVariableValueToObject(mojo, "settings", settings);
    }

    /** Points a goal that never connects at the project folder. */
    static void configure(AbstractFilesMojo mojo, Path project) throws IllegalAccessException {
        setVariableValueToObject(mojo, "basedir", project.toFile());
        setVariableValueToObject(mojo, "buildDirectory", project.resolve("target").toFile());
    }

    static Path projectWithMigrations(Path root, String... nameAndSql) throws IOException {
        return projectWith(root, "supabase/migrations", nameAndSql);
    }

    /** Writes {@code nameAndSql} pairs into {@code directory} of the project at {@code root}; returns root. */
    static Path projectWith(Path root, String directory, String... nameAndSql) throws IOException {
        Path dir = Files.createDirectories(root.resolve(directory));
        for (int i = 0; i < nameAndSql.length; i += 2) {
            Files.writeString(dir.resolve(nameAndSql[i]), nameAndSql[i + 1]);
        }
        return root;
    }

    static Server server(String id, String user, String password) {
        Server s = new Server();
        s.setId(id);
        s.setUsername(user);
        s.setPassword(password);
        return s;
    }

    static File file(Path p) {
        return p.toFile();
    }
}
