package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.testing.CatalogSnapshot;
import ai.pmoves.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement of a 20-migration corpus fails in turn (a {@code RAISE} put before it, and one after the last
 * statement), and every history row write fails in turn (a trigger on the history table): after each failed run the
 * database holds exactly the migrations before the failing one, no object of the failing one, and a history that
 * matches; the fixed files then apply to the end. The same for seeds (and their seed table rows) and for rollback's
 * down scripts (and the deletion of each history row).
 */
class FaultSweepTest {
    private static final TableName SEED_TABLE = TableName.parse("supabase_migrations.seed_files", "seedTable");

    /** The catalog after the first i migrations of the corpus (0: none), from a database that never failed. */
    private static final List<List<String>> REFERENCE = new ArrayList<>();

    @TempDir
    static Path referenceRoot;
    @TempDir
    Path root;

    @BeforeAll
    static void referenceSnapshots() throws Exception {
        MigrationsFixture reference = new MigrationsFixture(referenceRoot, "fault_reference");
        Corpus.write(reference.directory, null);
        REFERENCE.add(CatalogSnapshot.of(reference.database));
        for (Corpus.Step step : Corpus.STEPS) {
            reference.apply(reference.options().withTarget(step.version()));
            REFERENCE.add(CatalogSnapshot.of(reference.database));
        }
    }

    @Test
    void applyLeavesExactlyTheMigrationsBeforeAFailingStatementOrHistoryRow() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "fault_apply");
        Corpus.write(db.directory, null);
        int faults = 0;
        for (int m = 0; m < Corpus.STEPS.size(); m++) {
            Corpus.Step step = Corpus.STEPS.get(m);
            Path file = db.directory.resolve(step.fileName());
            for (int after = 0; after <= step.up().size(); after++) {
                String where = step.fileName() + " before statement " + (after + 1);
                Files.writeString(file, Corpus.text(step.up(), after, Corpus.fault(where)));
                PmovesException e = assertThrows(PmovesException.class, db::apply, where);
                faults++;
                assertTrue(e.getMessage().startsWith(step.fileName() + ":" + Corpus.faultLine(step.up(), after)
                        + ":1: ERROR P0001: injected fault " + where), e.getMessage());
                assertHolds(db, m, where);
            }
            Files.writeString(file, Corpus.text(step.up(), 0, null));
            if (m > 0) { // the history table exists once the first migration ran
                failHistoryInsertOf(db, step.version());
                PmovesException e = assertThrows(PmovesException.class, db::apply, step.fileName() + " history row");
                faults++;
                assertTrue(e.getMessage().startsWith("Cannot record " + step.fileName()), e.getMessage());
                db.execute("DROP TRIGGER fault ON supabase_migrations.schema_migrations");
                assertHolds(db, m, step.fileName() + " history row");
            }
        }
        db.apply();
        assertHolds(db, Corpus.STEPS.size(), "the fixed corpus");
        System.out.println("Fault sweep, apply: " + faults + " faults injected over " + Corpus.STEPS.size()
                + " migrations of " + Corpus.upStatements() + " statements");
        assertEquals(Corpus.upStatements() + 2 * Corpus.STEPS.size() - 1, faults);
    }

    @Test
    void rollbackLeavesEveryMigrationBeforeAFailingDownStatementApplied() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "fault_rollback");
        Path rollbacks = root.resolve("rollbacks");
        Corpus.write(db.directory, rollbacks);
        db.apply();
        int faults = 0;
        for (int m = Corpus.STEPS.size(); m >= 1; m--) {
            Corpus.Step step = Corpus.STEPS.get(m - 1);
            Path down = rollbacks.resolve(step.fileName());
            for (int after = 0; after <= step.down().size(); after++) {
                String where = "rollbacks/" + step.fileName() + " before statement " + (after + 1);
                Files.writeString(down, Corpus.text(step.down(), after, Corpus.fault(where)));
                // The first fault of each down script comes with the one after it still applied: count=2 undoes
                // that one, commits, then fails here.
                boolean twoSteps = after == 0 && m < Corpus.STEPS.size();
                PmovesException e = assertThrows(PmovesException.class,
                        () -> rollback(db, rollbacks, twoSteps ? 2 : 1), where);
                faults++;
                assertTrue(e.getMessage().contains("rollbacks/" + step.fileName() + ":"
                        + Corpus.faultLine(step.down(), after) + ":1: ERROR P0001: injected fault " + where),
                        e.getMessage());
                assertHolds(db, m, where);
            }
            Files.writeString(down, Corpus.text(step.down(), 0, null));
            db.execute("CREATE OR REPLACE FUNCTION supabase_migrations.fault() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN RAISE EXCEPTION 'injected fault in the history table'; END $$;"
                    + " CREATE TRIGGER fault BEFORE DELETE ON supabase_migrations.schema_migrations FOR EACH ROW"
                    + " WHEN (OLD.version = '" + step.version() + "') EXECUTE FUNCTION supabase_migrations.fault()");
            PmovesException deleteFailed = assertThrows(PmovesException.class, () -> rollback(db, rollbacks, 1));
            faults++;
            assertTrue(deleteFailed.getMessage().contains("injected fault in the history table"),
                    deleteFailed.getMessage());
            db.execute("DROP TRIGGER fault ON supabase_migrations.schema_migrations");
            assertHolds(db, m, "a failed deletion of the history row of " + step.fileName());
            if (m < Corpus.STEPS.size()) {
                continue;
            }
            rollback(db, rollbacks, 1);
            assertHolds(db, m - 1, "after undoing " + step.fileName());
            db.apply(); // back to all applied: the sweep goes on from the full corpus
            assertHolds(db, m, "re-applied " + step.fileName());
        }
        rollback(db, rollbacks, 1);
        assertHolds(db, 0, "every migration undone");
        System.out.println("Fault sweep, rollback: " + faults + " faults injected over " + Corpus.STEPS.size()
                + " down scripts");
        assertEquals(Corpus.STEPS.stream().mapToInt(s -> s.down().size() + 2).sum(), faults);
    }

    @Test
    void seedLeavesExactlyTheFilesBeforeAFailingStatementOrSeedRow() throws Exception {
        List<SeedCorpusFile> corpus = SeedCorpusFile.CORPUS;
        MigrationsFixture reference = new MigrationsFixture(root.resolve("reference"), "fault_seed_reference");
        List<List<String>> expected = new ArrayList<>();
        expected.add(CatalogSnapshot.full(reference.database));
        for (int j = 0; j < corpus.size(); j++) {
            corpus.get(j).write(root.resolve("reference"), -1);
            seed(reference, root.resolve("reference"));
            expected.add(CatalogSnapshot.full(reference.database));
        }

        Path project = root.resolve("project");
        MigrationsFixture db = new MigrationsFixture(project, "fault_seed");
        int faults = 0;
        for (int j = 0; j < corpus.size(); j++) {
            SeedCorpusFile seed = corpus.get(j);
            for (int after = 0; after <= seed.statements().size(); after++) {
                String where = seed.path() + " before statement " + (after + 1);
                seed.write(project, after);
                PmovesException e = assertThrows(PmovesException.class, () -> seed(db, project), where);
                faults++;
                assertTrue(e.getMessage().startsWith(seed.path() + ":" + Corpus.faultLine(seed.statements(), after)
                        + ":1: ERROR P0001: injected fault " + where), e.getMessage());
                assertSameSnapshot(expected.get(j), CatalogSnapshot.full(db.database), where);
            }
            seed.write(project, -1);
            if (j > 0) { // the seed table exists once the first file ran
                db.execute("CREATE FUNCTION supabase_migrations.fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION 'injected fault in the seed table'; END $$; CREATE TRIGGER fault"
                        + " BEFORE INSERT ON supabase_migrations.seed_files FOR EACH ROW WHEN (NEW.path = '"
                        + seed.path() + "') EXECUTE FUNCTION supabase_migrations.fault()");
                PmovesException e = assertThrows(PmovesException.class, () -> seed(db, project));
                faults++;
                assertTrue(e.getMessage().startsWith("Cannot record " + seed.path()), e.getMessage());
                db.execute("DROP FUNCTION supabase_migrations.fault() CASCADE");
                assertSameSnapshot(expected.get(j), CatalogSnapshot.full(db.database), seed.path() + " seed row");
            }
        }
        seed(db, project);
        assertSameSnapshot(expected.get(corpus.size()), CatalogSnapshot.full(db.database), "the fixed seeds");
        System.out.println("Fault sweep, seed: " + faults + " faults injected over " + corpus.size() + " files");
        assertEquals(corpus.stream().mapToInt(s -> s.statements().size() + 2).sum() - 1, faults);
    }

    /** The database holds the first {@code applied} migrations of the corpus and a history of exactly those. */
    private static void assertHolds(MigrationsFixture db, int applied, String after) throws Exception {
        assertSameSnapshot(REFERENCE.get(applied), CatalogSnapshot.of(db.database), after);
        List<String> expectedHistory = new ArrayList<>();
        for (Corpus.Step s : Corpus.STEPS.subList(0, applied)) {
            expectedHistory.add(s.version() + "|applied|"
                    + MigrationScript.checksumOf(db.directory.resolve(s.fileName())));
        }
        expectedHistory.sort(null);
        List<String> history = db.database.exists("supabase_migrations.schema_migrations")
                ? db.column("SELECT version || '|' || state || '|' || checksum FROM supabase_migrations.schema_migrations"
                + " ORDER BY version") : List.of();
        assertEquals(expectedHistory, history, "history after " + after);
    }

    private static void assertSameSnapshot(List<String> expected, List<String> actual, String after) {
        assertEquals(expected, actual, () -> "after " + after + ":\n" + CatalogSnapshot.difference(expected, actual));
    }

    private static void failHistoryInsertOf(MigrationsFixture db, String version) throws Exception {
        db.execute("CREATE OR REPLACE FUNCTION supabase_migrations.fault() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'injected fault in the history table'; END $$;"
                + " CREATE TRIGGER fault BEFORE INSERT ON supabase_migrations.schema_migrations FOR EACH ROW"
                + " WHEN (NEW.version = '" + version + "') EXECUTE FUNCTION supabase_migrations.fault()");
    }

    private static void rollback(MigrationsFixture db, Path rollbacks, int count) {
        new Reverter(db.settings(), db.engineLog()).rollback(
                RollbackOptions.of(configured(db.directory), configured(rollbacks)).withCount(count));
    }

    private static void seed(MigrationsFixture db, Path project) {
        SeedSources sources = SeedSources.in(project)
                .withInitDirectory(byDefault(project.resolve("supabase/initdb")))
                .withSeedDirectories(byDefault(project.resolve("db")));
        new Seeder(db.settings(), new RecordingLog()).seed(SeedOptions.of(sources)
                .withLockTimeout(Duration.ofSeconds(5)));
    }

    /** An init script or seed file of the seed corpus. */
    record SeedCorpusFile(String path, List<String> statements) {
        static final List<SeedCorpusFile> CORPUS = List.of(
                new SeedCorpusFile("supabase/initdb/01_reference_schema.sql", List.of(
                        "CREATE SCHEMA ref;",
                        "CREATE TABLE ref.colors (name text PRIMARY KEY, hex text NOT NULL);",
                        "CREATE TABLE ref.sizes (code text PRIMARY KEY, rank int UNIQUE);")),
                new SeedCorpusFile("supabase/initdb/02_grants.sql", List.of(
                        "GRANT USAGE ON SCHEMA ref TO PUBLIC;",
                        "GRANT SELECT ON ALL TABLES IN SCHEMA ref TO PUBLIC;")),
                new SeedCorpusFile("db/01_colors.sql", List.of(
                        "INSERT INTO ref.colors VALUES ('red', '#f00');",
                        "INSERT INTO ref.colors VALUES ('green', '#0f0'), ('blue', '#00f');")),
                new SeedCorpusFile("db/02_sizes.sql", List.of(
                        "COPY ref.sizes (code, rank) FROM stdin;\nS\t1\nM\t2\nL\t3\n\\.",
                        "INSERT INTO ref.sizes VALUES ('XL', 4);")),
                new SeedCorpusFile("db/v5_9_upper.sql", List.of(
                        "UPDATE ref.colors SET hex = upper(hex);",
                        "DELETE FROM ref.sizes WHERE code = 'XL';",
                        "CREATE FUNCTION ref.rank_of(c text) RETURNS int LANGUAGE sql STABLE\n"
                                + "  AS $$ SELECT rank FROM ref.sizes WHERE code = c $$;")),
                new SeedCorpusFile("db/v5_12_more.sql", List.of(
                        "INSERT INTO ref.colors SELECT 'grey' || g, '#' || g || g || g FROM generate_series(1, 9) g;",
                        "INSERT INTO ref.sizes SELECT 'S' || g, 10 + g FROM generate_series(1, 5) g;")));

        /** Writes the file under {@code project}, with a fault before statement {@code after + 1} (-1: none). */
        void write(Path project, int after) throws java.io.IOException {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Corpus.text(statements, Math.max(after, 0),
                    after < 0 ? null : Corpus.fault(path + " before statement " + (after + 1))));
        }
    }
}
