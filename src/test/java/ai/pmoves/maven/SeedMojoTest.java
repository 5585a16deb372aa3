package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed goal as Maven builds it: its parameters from the POM, defaults, bad values, skip. */
@MojoTest
class SeedMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";
    private static final String SEED_POM = "classpath:/unit/seed-project/pom.xml";

    @TempDir
    Path root;

    private Path project(String... pathAndSql) throws IOException {
        for (int i = 0; i < pathAndSql.length; i += 2) {
            Path file = root.resolve(pathAndSql[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathAndSql[i + 1]);
        }
        return root;
    }

    @Test
    @InjectMojo(goal = "seed", pom = SEED_POM)
    void pomConfigurationReachesTheMojo(SeedMojo mojo) {
        assertTrue(mojo.initDirectory.toPath().endsWith(Path.of("seeds", "init")), mojo.initDirectory.toString());
        assertEquals(List.of("base", "demo"), mojo.seedDirectories.stream().map(File::getName).toList());
        assertEquals(List.of("*.sql", "seeds/demo/*.psql"), mojo.seedIncludes);
        assertEquals(List.of("*_draft.sql"), mojo.seedExcludes);
        assertEquals("once", mojo.seedMode);
        assertEquals("app_meta.seeds", mojo.seedTable);
        assertEquals(7, mojo.lockTimeout);
    }

    @Test
    @InjectMojo(goal = "seed", pom = POM)
    void defaultsSeedSupabaseInitdbThenDbThenTheClisSeedSqlIntoTheCliTable(SeedMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_seed");
        configure(mojo, db, project("supabase/initdb/02_seed.sql", "CREATE TABLE board (n serial, name text);\n",
                "db/v5_12_seed.sql", "INSERT INTO board (name) VALUES ('demo');\n",
                "supabase/seed.sql", "INSERT INTO board (name) VALUES ('from supabase/seed.sql');\n"));
        assertEquals("changed", mojo.seedMode);
        mojo.execute();
        assertEquals(List.of("demo", "from supabase/seed.sql"), db.column("SELECT name FROM board ORDER BY n"));
        assertEquals(List.of("db/v5_12_seed.sql", "supabase/initdb/02_seed.sql", "supabase/seed.sql"),
                db.column("SELECT path FROM supabase_migrations.seed_files ORDER BY path"));
    }

    @Test
    @InjectMojo(goal = "seed", pom = POM)
    void configuredSeedDirectoriesWinOverConfigToml(SeedMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_seed_cli_configured");
        configure(mojo, db, project("seeds/a.sql", "CREATE TABLE board (name text);\n",
                "supabase/seed.sql", "INSERT INTO board VALUES ('from supabase/seed.sql');\n",
                "supabase/config.toml", "[db.seed]\nsql_paths = [\"./seed.sql\", \"./missing.sql\"]\n"));
        mojo.seedDirectories = List.of(root.resolve("seeds").toFile());
        mojo.execute();
        assertEquals(List.of(), db.column("SELECT name FROM board"));
        assertEquals(List.of("seeds/a.sql"), db.column("SELECT path FROM supabase_migrations.seed_files"));
    }

    @Test
    @InjectMojo(goal = "seed", pom = POM)
    void badValuesFailBeforeConnecting(SeedMojo mojo) throws Exception {
        configure(mojo, null, project("db/v5_12_seed.sql", "SELECT 1;\n"));
        setVariableValueToObject(mojo, "url", "jdbc:postgresql://10.255.255.1:1/never");
        mojo.seedMode = "sometimes";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("seedMode 'sometimes' is not a seed mode: use changed"), e.getMessage());

        mojo.seedMode = "changed";
        mojo.seedTable = "seed_files";
        e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("seedTable 'seed_files' is not a schema.table name: it has no schema"), e.getMessage());

        mojo.seedTable = "supabase_migrations.seed_files";
        mojo.seedDirectories = List.of(root.resolve("seeds").toFile());
        e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The configured seedDirectories '" + root.resolve("seeds") + "' does not"
                + " exist"), e.getMessage());
        assertFalse(e.getMessage().contains("connect"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "seed", pom = POM)
    void skipTouchesNothing(SeedMojo mojo) throws Exception {
        configure(mojo, null, project());
        setVariableValueToObject(mojo, "url", "jdbc:postgresql://10.255.255.1:1/never");
        mojo.seedMode = "sometimes";
        mojo.skip = true;
        mojo.execute(); // neither the bad mode nor the unreachable host is looked at
    }
}
