package ai.pmoves.reliability;

import static ai.pmoves.reliability.BadInputProject.HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.CatalogSnapshot;
import ai.pmoves.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input corpus: names, encodings, unterminated quotes and comments of every kind, psql meta-commands, bad
 * parameters, directories that are files, a history table altered by hand, a server that drops the connection
 * mid-run, across apply, seed, rollback and bootstrap. Each case fails with a {@link PmovesException} whose message
 * names what is wrong and where, and leaves the database exactly as it was: every object, the history schema's
 * included, and every row.
 */
class BadInputTest {
    private static TestPostgres.Database database;

    @TempDir
    static Path base;
    @TempDir
    Path root;

    /** What a case sets up, and the goal it then runs. */
    @FunctionalInterface
    interface Setup {
        Runnable prepare(BadInputProject project) throws Exception;
    }

    /**
     * @param name      what is bad
     * @param setup     writes the bad input, returns the goal to run
     * @param undo      SQL that puts back what the setup changed in the database by hand, or null
     * @param fragments what the error message must contain: what is wrong and where
     */
    record Case(String name, Setup setup, String undo, List<String> fragments) {
    }

    @BeforeAll
    static void appliedProject() throws Exception {
        database = TestPostgres.newDatabase("bad_input");
        BadInputProject project = new BadInputProject(base, database);
        project.apply();
        project.seed();
    }

    static final String BAD = "20250103_bad.sql";

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // file names
        c.add(bad("a name that fits no form", p -> migration(p, "2025_notes.sql", "SELECT 1;\n"), "2025_notes.sql"));
        // a name the Supabase CLI skips is skipped with a warning; with strictFileNames it is refused
        c.add(bad("a version without a description, under strictFileNames", p -> {
            Files.writeString(p.migrations.resolve("20250103.sql"), "SELECT 1;\n");
            return p::applyStrictly;
        }, "20250103.sql"));
        c.add(bad("two files share a version", p -> migration(p, "20250102_other.sql", "SELECT 1;\n"),
                "20250102_notes.sql", "20250102_other.sql"));
        c.add(bad("a dangling symbolic link", p -> {
            Files.createSymbolicLink(p.migrations.resolve("20250103_link.sql"), p.root.resolve("nowhere.sql"));
            return p::apply;
        }, "20250103_link.sql", "nowhere.sql"));
        c.add(bad("a dangling symbolic link among the seeds", p -> {
            Files.createSymbolicLink(p.seeds.resolve("02_link.sql"), p.root.resolve("gone.sql"));
            return p::seed;
        }, "02_link.sql", "gone.sql", "which does not exist"));
        c.add(bad("a seed that is a link to a device", p -> {
            Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
            Files.createSymbolicLink(p.seeds.resolve("02_zero.sql"), Path.of("/dev/zero"));
            return p::seed;
        }, "02_zero.sql", "a link to /dev/zero, which is not a regular file"));
        // encodings
        c.add(bad("a Latin-1 migration", p -> encoded(p, p.migrations.resolve(BAD), "CREATE TABLE caf\u00e9 (id int);\n",
                StandardCharsets.ISO_8859_1, p::apply), BAD, "UTF-8"));
        c.add(bad("a UTF-16LE migration with its BOM", p -> encoded(p, p.migrations.resolve(BAD),
                "CREATE TABLE c (id int);\n", StandardCharsets.UTF_16LE, p::apply, (byte) 0xFF, (byte) 0xFE), BAD, "UTF-8"));
        c.add(bad("a UTF-16BE migration with its BOM", p -> encoded(p, p.migrations.resolve(BAD),
                "CREATE TABLE c (id int);\n", StandardCharsets.UTF_16BE, p::apply, (byte) 0xFE, (byte) 0xFF), BAD, "UTF-8"));
        c.add(bad("a UTF-16LE migration without a BOM", p -> encoded(p, p.migrations.resolve(BAD),
                "CREATE TABLE c (id int);\n", StandardCharsets.UTF_16LE, p::apply), BAD, "UTF-16"));
        c.add(bad("a Latin-1 seed", p -> encoded(p, p.seeds.resolve("02_bad.sql"),
                "INSERT INTO accounts VALUES (2, 'caf\u00e9');\n", StandardCharsets.ISO_8859_1, p::seed),
                "db/02_bad.sql", "UTF-8"));
        c.add(bad("a UTF-16LE seed without a BOM", p -> encoded(p, p.seeds.resolve("02_bad.sql"),
                "INSERT INTO accounts VALUES (2, 'b');\n", StandardCharsets.UTF_16LE, p::seed), "db/02_bad.sql", "UTF-16"));
        c.add(bad("a Latin-1 down script", p -> encoded(p, p.rollbacks.resolve("20250102_notes.sql"),
                "DROP TABLE notes; -- caf\u00e9\n", StandardCharsets.ISO_8859_1, p::rollback), "20250102_notes.sql", "UTF-8"));
        // unterminated quotes, identifiers, bodies and comments
        c.add(bad("an unterminated string", p -> migration(p, BAD, "CREATE TABLE c (id int);\nSELECT 'abc;\n"), BAD + ":2:8"));
        c.add(bad("an unterminated E'' string ending in \\'", p -> migration(p, BAD, "SELECT E'abc\\';\n"), BAD + ":1:8"));
        c.add(bad("an unterminated U&'' string", p -> migration(p, BAD, "SELECT U&'d\\0061t;\n"), BAD + ":1:"));
        c.add(bad("an unterminated bit string", p -> migration(p, BAD, "SELECT B'0101;\n"), BAD + ":1:"));
        c.add(bad("an unterminated hex string", p -> migration(p, BAD, "SELECT X'ff;\n"), BAD + ":1:"));
        c.add(bad("an unterminated quoted identifier", p -> migration(p, BAD, "CREATE TABLE \"c (id int);\n"), BAD + ":1:14"));
        c.add(bad("an unterminated $$ body", p -> migration(p, BAD, "DO $$ BEGIN\n  PERFORM 1;\nEND;\n"), BAD + ":1:4", "$$"));
        c.add(bad("a $fn$ body closed by another tag", p -> migration(p, BAD,
                "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT 1 $f$ LANGUAGE sql;\n"), BAD + ":1:", "$fn$"));
        c.add(bad("an unterminated block comment", p -> migration(p, BAD, "SELECT 1;\n/* note\nSELECT 2;\n"), BAD + ":2:1"));
        c.add(bad("a nested block comment left open", p -> migration(p, BAD, "/* a /* b */ still open\nSELECT 1;\n"),
                BAD + ":1:1"));
        c.add(bad("BEGIN ATOMIC without END", p -> migration(p, BAD,
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"), BAD + ":"));
        c.add(bad("an unterminated string in a seed", p -> seed(p, "INSERT INTO accounts VALUES (2, 'b);\n"),
                "db/02_bad.sql:1:"));
        c.add(bad("an unterminated $$ in a seed after a good statement", p -> seed(p,
                "INSERT INTO accounts VALUES (2, 'b');\nDO $$ BEGIN PERFORM 1; END;\n"), "db/02_bad.sql:2:"));
        c.add(bad("an unterminated comment in a down script", p -> {
            p.down("20250102_notes.sql", "DROP TABLE notes;\n/* forgot to close\n");
            return p::rollback;
        }, "20250102_notes.sql:2:1"));
        // psql meta-commands
        c.add(bad("\\i", p -> migration(p, BAD, "\\i other.sql\n"), BAD + ":1:1", "\\i"));
        c.add(bad("\\set after a statement", p -> migration(p, BAD, "CREATE TABLE c (id int);\n\\set ON_ERROR_STOP on\n"),
                BAD + ":2:1", "\\set"));
        c.add(bad("\\connect", p -> migration(p, BAD, "\\connect other\nCREATE TABLE c (id int);\n"), BAD + ":1:1"));
        c.add(bad("\\copy", p -> migration(p, BAD, "\\copy accounts FROM 'accounts.csv' CSV\n"), BAD + ":1:1"));
        c.add(bad("\\gexec in a seed", p -> seed(p, "SELECT 'SELECT 1' \\gexec\n"), "db/02_bad.sql:1:", "\\gexec"));
        // parameters
        c.add(bad("a target no file has", p -> {
            p.target = "20991231";
            return p::apply;
        }, "target '20991231'"));
        c.add(bad("a baseline no file has", p -> {
            migration(p, BAD, "SELECT 1;\n");
            p.baseline = "20991231";
            return p::apply;
        }, "baseline '20991231'"));
        c.add(bad("historyTable with an unclosed quote", p -> {
            p.historyTable = "supabase_migrations.\"schema_migrations";
            return p::apply;
        }, "historyTable", "\"schema_migrations is not a closed"));
        c.add(bad("historyTable with a ; and more SQL", p -> {
            p.historyTable = "public.h; DROP TABLE accounts";
            return p::apply;
        }, "historyTable", "DROP TABLE accounts"));
        c.add(bad("historyTable with three parts", p -> {
            p.historyTable = "db.supabase_migrations.schema_migrations";
            return p::rollback;
        }, "historyTable"));
        c.add(bad("an empty historyTable", p -> {
            p.historyTable = " ";
            return p::seed;
        }, "historyTable"));
        c.add(bad("seedTable with a space", p -> {
            p.seedTable = "supabase_migrations.seed files";
            return p::seed;
        }, "seedTable", "seed files"));
        c.add(bad("rollback count 0", p -> {
            p.count = 0;
            return p::rollback;
        }, "count must be 1 or more"));
        c.add(bad("rollback count and target together", p -> {
            p.count = 1;
            p.rollbackTarget = "20250101";
            return p::rollback;
        }, "count or target"));
        c.add(bad("a rollback target never applied", p -> {
            p.rollbackTarget = "20991231";
            return p::rollback;
        }, "20991231"));
        c.add(bad("a URL of another database", p -> {
            p.url = "jdbc:mysql://localhost:3306/app";
            return p::apply;
        }, "jdbc:mysql://localhost:3306/app"));
        c.add(bad("a URL with a port nothing listens on", p -> {
            p.url = "jdbc:postgresql://127.0.0.1:1/app";
            return p::apply;
        }, "127.0.0.1:1"));
        // directories and files
        c.add(bad("migrationsDirectory is a file", p -> {
            p.migrations = Files.writeString(p.root.resolve("migrations.sql"), "SELECT 1;\n");
            return p::apply;
        }, "migrationsDirectory", "migrations.sql"));
        c.add(bad("a migrationsDirectory that does not exist", p -> {
            p.migrations = p.root.resolve("no/such/dir");
            return p::apply;
        }, "migrationsDirectory", "no/such/dir"));
        c.add(bad("a seed directory that is a file", p -> {
            p.seeds = Files.writeString(p.root.resolve("seed.sql"), "SELECT 1;\n");
            return p::seed;
        }, "seed.sql"));
        c.add(bad("rollbackDirectory is a file", p -> {
            p.rollbacks = Files.writeString(p.root.resolve("rollbacks.sql"), "SELECT 1;\n");
            return p::rollback;
        }, "rollbackDirectory", "rollbacks.sql"));
        c.add(bad("an init directory that is a file, in bootstrap", p -> {
            p.init = Files.writeString(p.root.resolve("initdb.sql"), "SELECT 1;\n");
            return p::bootstrap;
        }, "initdb.sql"));
        c.add(bad("a migration that cannot be read", p -> {
            Path file = Files.writeString(p.migrations.resolve(BAD), "SELECT 1;\n");
            Files.setPosixFilePermissions(file, java.util.Set.of());
            Assumptions.assumeFalse(Files.isReadable(file), "running as root: chmod 000 leaves the file readable");
            return p::apply;
        }, BAD));
        // the history, changed by hand
        c.add(bad("an applied migration edited since", p -> migration(p, "20250102_notes.sql",
                "CREATE TABLE notes (id bigint, body text);\n"), "20250102_notes.sql", "changed"));
        c.add(bad("a checksum rewritten by hand", p -> {
            p.database.execute("UPDATE " + HISTORY + " SET checksum = repeat('0', 64) WHERE version = '20250101'");
            return p::apply;
        }, "UPDATE " + HISTORY + " SET checksum = '" + checksumOfAccounts() + "' WHERE version = '20250101'",
                List.of("20250101_accounts.sql", "changed")));
        c.add(bad("a history row set to failed by hand", p -> {
            p.database.execute("UPDATE " + HISTORY + " SET state = 'failed' WHERE version = '20250102'");
            return p::seed;
        }, "UPDATE " + HISTORY + " SET state = 'applied' WHERE version = '20250102'",
                List.of("20250102", "failed", "pmoves:repair")));
        c.add(bad("a history version column made bigint by hand", p -> {
            p.database.execute("ALTER TABLE " + HISTORY + " ALTER COLUMN version TYPE bigint USING version::bigint");
            return p::rollback;
        }, "ALTER TABLE " + HISTORY + " ALTER COLUMN version TYPE text", List.of("version", "bigint", HISTORY)));
        c.add(bad("a seed table column renamed by hand", p -> {
            p.database.execute("ALTER TABLE supabase_migrations.seed_files RENAME COLUMN hash TO digest");
            return p::seed;
        }, "ALTER TABLE supabase_migrations.seed_files RENAME COLUMN digest TO hash",
                List.of("supabase_migrations.seed_files", "hash")));
        // sizes
        c.add(bad("a line of 1 MB with an unterminated string at its end", p -> migration(p, BAD,
                "SELECT 1;\nSELECT " + "1 + ".repeat(262_144) + "'open;\n"), BAD + ":2:" + (8 + 4 * 262_144)));
        c.add(bad("a 1 MB line in a seed ending in a syntax error", p -> seed(p,
                "INSERT INTO accounts VALUES (2, '" + "x".repeat(1 << 20) + "') oops;\n"), "db/02_bad.sql:1:", "42601"));
        return c;
    }

    @TestFactory
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> eachBadInputFailsNamingItAndChangesNothing() {
        List<Case> cases = cases();
        System.out.println("Bad input corpus: " + cases.size() + " cases (and a server that drops the connection)");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        Path dir = Files.createTempDirectory(root, "case");
        BadInputProject project = new BadInputProject(dir, database);
        List<String> before = CatalogSnapshot.all(database);
        Runnable goal = c.setup().prepare(project);
        try {
            PmovesException e = assertThrows(PmovesException.class, goal::run, c.name());
            System.out.println("bad input: " + c.name() + "\n    -> " + e.getMessage().lines().findFirst().orElse(""));
            for (String fragment : c.fragments()) {
                assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
            }
            assertTrue(!e.getMessage().contains(database.password()) || database.password().equals("postgres")
                    && !e.getMessage().contains("password=postgres"), e.getMessage());
        } finally {
            if (c.undo() != null) {
                database.execute(c.undo());
            }
        }
        List<String> after = CatalogSnapshot.all(database);
        assertEquals(before, after, () -> c.name() + " changed the database:\n" + CatalogSnapshot.difference(before, after));
    }

    @org.junit.jupiter.api.Test
    @Timeout(60)
    void aServerThatDropsTheConnectionMidRunFailsNamingTheFileAndKeepsNothing() throws Exception {
        BadInputProject project = new BadInputProject(root, database);
        project.migration(BAD, "CREATE TABLE c (id int);\nSELECT pg_sleep(30);\n");
        List<String> before = CatalogSnapshot.all(database);
        CompletableFuture<Void> run = CompletableFuture.runAsync(project::apply);
        List<String> terminated = List.of();
        while (terminated.isEmpty() && !run.isDone()) {
            Thread.sleep(50);
            terminated = database.column("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(30)%'");
        }
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> run.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PmovesException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().startsWith(BAD + ":2:1: FATAL 57P01: terminating connection"), e.getCause().getMessage());
        assertEquals(before, CatalogSnapshot.all(database));
    }

    private static Case bad(String name, Setup setup, String... fragments) {
        return new Case(name, setup, null, List.of(fragments));
    }

    private static Case bad(String name, Setup setup, String undo, List<String> fragments) {
        return new Case(name, setup, undo, fragments);
    }

    private static Runnable migration(BadInputProject p, String name, String sql) throws Exception {
        p.migration(name, sql);
        return p::apply;
    }

    private static Runnable seed(BadInputProject p, String sql) throws Exception {
        p.seed("02_bad.sql", sql);
        return p::seed;
    }

    private static Runnable encoded(BadInputProject p, Path file, String text, java.nio.charset.Charset charset,
                                    Runnable goal, byte... prefix) throws Exception {
        BadInputProject.write(file, text, charset, prefix);
        return goal;
    }

    private static String checksumOfAccounts() {
        return ai.pmoves.engine.migration.Checksum.ofRawText("CREATE TABLE accounts (id int PRIMARY KEY, email text);\n");
    }
}
