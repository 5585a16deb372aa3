package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedResult;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction control inside a file, against a real PostgreSQL: a wrapper (BEGIN first, COMMIT last) keeps the file
 * atomic; any other BEGIN, COMMIT, ROLLBACK or SAVEPOINT makes it run as written, as psql runs it.
 */
class TransactionControlInFileTest {
    /** A table only the owner may write, one the role may write, and the role (cluster-wide, made once). */
    private static final String OWNED_AND_SEEN = """
            DO $$ BEGIN CREATE ROLE authenticated NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            CREATE TABLE seen (who text);
            GRANT INSERT ON seen TO authenticated;
            CREATE TABLE owned (id int);
            """;
    private static final String ACTS_AS_A_USER_IN_A_BLOCK = """
            begin;
            select set_config('role', 'authenticated', true);
            insert into seen select current_user;
            end;
            insert into owned values (1);
            insert into seen select current_user;
            """;

    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "txcontrol_" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aBlockThatActsAsAUserEndsAndTheRestOfTheFileRunsAsTheOwner() throws Exception {
        db.file("20250101_tables.sql", OWNED_AND_SEEN).file("20250102_as_user.sql", ACTS_AS_A_USER_IN_A_BLOCK);
        assertEquals(2, db.apply().applied().size());
        assertEquals(List.of("authenticated", db.database.user()), db.column("SELECT who FROM seen ORDER BY who <> 'authenticated'"));
        assertEquals(List.of("1"), db.column("SELECT id FROM owned"));
        assertEquals(List.of("applied"), db.column("SELECT state FROM supabase_migrations.schema_migrations"
                + " WHERE version = '20250102'"));
        assertTrue(db.log.contains("INFO 20250102_as_user.sql runs outside a single transaction, not atomic: it has"
                + " transaction control of its own (END at line 4), so it runs as written, as psql runs it."),
                db.log.toString());
    }

    @Test
    void aCommitAfterAddingAnEnumValueLetsTheFileUseIt() throws Exception {
        db.file("20250101_mood.sql", "create type mood as enum ('ok');\ncreate table feelings (m mood);\n")
                .file("20250102_great.sql", "alter type mood add value 'great';\ncommit;\n"
                        + "insert into feelings values ('great');\n");
        assertEquals(2, db.apply().applied().size());
        assertEquals(List.of("great"), db.column("SELECT m::text FROM feelings"));
    }

    @Test
    void aRollbackAndASavepointInAFileAreHonoured() throws Exception {
        db.file("20250101_kept.sql", """
                create table kept (id int);
                begin;
                insert into kept values (1);
                savepoint s;
                insert into kept values (2);
                rollback to savepoint s;
                release s;
                commit;
                begin;
                insert into kept values (3);
                rollback;
                """);
        db.apply();
        assertEquals(List.of("1"), db.column("SELECT id FROM kept"));
        assertEquals(List.of("applied"), db.column("SELECT state FROM supabase_migrations.schema_migrations"));
    }

    @Test
    void aWrapperStillMakesTheFileAtomic() throws Exception {
        db.file("20250101_a.sql", "BEGIN;\nCREATE TABLE a (id int);\nSELECT 1/0;\nCOMMIT;\n");
        assertThrows(PmovesException.class, db::apply);
        assertFalse(db.exists("a"), "the wrapper is dropped and the file rolled back whole");
        assertEquals(List.of(), db.versions());
    }

    @Test
    void aFailureAfterACommitLeavesWhatCommittedAndRecordsTheFileAsFailed() throws Exception {
        db.file("20250101_half.sql", "create table first (id int);\ncommit;\nbegin;\ncreate table second (id int);\n"
                + "insert into nowhere values (1);\ncommit;\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("20250101_half.sql:5:13: ERROR 42P01"), e.getMessage());
        assertTrue(e.getMessage().contains("recorded as failed"), e.getMessage());
        assertTrue(db.exists("first"), "what committed stays");
        assertFalse(db.exists("second"), "the block that failed is rolled back");
        assertRecordedAsFailedOnly("20250101");
    }

    @Test
    void aFileThatEndsInsideItsOwnBlockFailsAsPsqlWouldRollItBack() throws Exception {
        db.file("20250101_open.sql", "create table first (id int);\nbegin;\ncreate table second (id int);\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("20250101_open.sql:2:1: the file ends inside the transaction block"),
                e.getMessage());
        assertTrue(db.exists("first"));
        assertFalse(db.exists("second"));
        assertRecordedAsFailedOnly("20250101");
    }

    /** A failure is kept beside the CLI's table, which would read any row of it as applied. */
    private void assertRecordedAsFailedOnly(String version) throws Exception {
        assertEquals(List.of(), db.column("SELECT version FROM supabase_migrations.schema_migrations"));
        assertEquals(List.of(version), db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
    }

    @Test
    void theDryRunShowsTheFileRunsAsWritten() throws Exception {
        db.file("20250101_great.sql", "create type mood as enum ('ok');\ncommit;\nselect 1;\n");
        db.apply(db.options().withDryRun(db.dryRunFile()));
        String sql = Files.readString(db.dryRunFile());
        assertTrue(sql.contains("-- outside a transaction: it has transaction control of its own (COMMIT at line 2),"
                + " so it runs as written, as psql runs it\ncreate type mood as enum ('ok');\ncommit;\nselect 1;\n"),
                sql);
    }

    @Test
    void aSeedWithABlockRunsAsWrittenAndIsRecorded() throws Exception {
        db.file("20250101_tables.sql", OWNED_AND_SEEN + "create type mood as enum ('ok');\n"
                + "create table feelings (m mood);\n");
        db.apply();
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(seeds.resolve("01_as_user.sql"), ACTS_AS_A_USER_IN_A_BLOCK);
        Files.writeString(seeds.resolve("02_great.sql"), "begin;\nalter type mood add value 'great';\ncommit;\n"
                + "begin;\ninsert into feelings values ('great');\ncommit;\n");
        SeedResult result = new Seeder(db.settings(), db.engineLog()).seed(seedOptions(seeds));
        assertEquals(List.of("db/01_as_user.sql", "db/02_great.sql"), result.ran());
        assertEquals(List.of("authenticated", db.database.user()), db.column("SELECT who FROM seen ORDER BY who <> 'authenticated'"));
        assertEquals(List.of("great"), db.column("SELECT m::text FROM feelings"));
        assertEquals(List.of("2"), db.column("SELECT count(*) FROM supabase_migrations.seed_files"));
    }

    @Test
    void aSeedThatFailsAfterACommitKeepsWhatCommittedAndIsNotRecorded() throws Exception {
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(seeds.resolve("01_half.sql"), "create table first (id int);\ncommit;\n"
                + "insert into nowhere values (1);\n");
        PmovesException e = assertThrows(PmovesException.class,
                () -> new Seeder(db.settings(), db.engineLog()).seed(seedOptions(seeds)));
        assertTrue(e.getMessage().contains("ran as written (COMMIT at line 2"), e.getMessage());
        assertTrue(db.exists("first"));
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM supabase_migrations.seed_files"));
    }

    @Test
    void aDownScriptWithABlockRunsAsWritten() throws Exception {
        db.file("20250101_tables.sql", OWNED_AND_SEEN).file("20250102_more.sql", "insert into owned values (7);\n");
        db.apply();
        Path rollbacks = Files.createDirectories(root.resolve("rollbacks"));
        Files.writeString(rollbacks.resolve("20250102_more.sql"), ACTS_AS_A_USER_IN_A_BLOCK
                + "delete from owned where id = 7;\n");
        new Reverter(db.settings(), db.engineLog()).rollback(
                RollbackOptions.of(configured(db.directory), configured(rollbacks)).withCount(1));
        assertEquals(List.of("1"), db.column("SELECT id FROM owned"));
        assertEquals(List.of("20250101"), db.versions());
    }

    private SeedOptions seedOptions(Path seeds) {
        return SeedOptions.of(SeedSources.in(root)
                .withInitDirectory(byDefault(root.resolve("supabase/initdb")))
                .withSeedDirectories(configured(seeds))).withLockTimeout(Duration.ofSeconds(5));
    }
}
