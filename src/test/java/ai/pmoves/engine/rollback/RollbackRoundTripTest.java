package ai.pmoves.engine.rollback;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.testing.CatalogSnapshot;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The down scripts of a PMOVES-like corpus (schemas, enums, tables, identity and generated columns, foreign keys,
 * checks, RLS and policies, views, plpgsql and BEGIN ATOMIC functions, triggers, COPY data, a psql BEGIN/COMMIT
 * wrapper, CREATE INDEX CONCURRENTLY, renames) really undo their migrations: apply all, roll back all, apply all
 * again, and the catalog is the same as after the first apply, and empty in between.
 */
class RollbackRoundTripTest {
    @TempDir
    Path root;

    @Test
    void applyRollBackAllApplyAgainGivesTheSameCatalog() throws Exception {
        Path corpus = corpus();
        Path migrations = corpus.resolve("migrations");
        int count;
        try (Stream<Path> files = Files.list(migrations)) {
            count = (int) files.count();
        }
        assertTrue(count >= 10, "the corpus has " + count + " migrations");

        MigrationsFixture db = new MigrationsFixture(root, "rollback_round_trip");
        List<String> empty = CatalogSnapshot.of(db.database);
        ApplyOptions apply = ApplyOptions.of(configured(migrations));
        Migrator migrator = new Migrator(db.settings(), db.engineLog());

        assertEquals(count, migrator.apply(apply).applied().size());
        List<String> first = CatalogSnapshot.of(db.database);
        assertTrue(first.size() > 60, "the snapshot sees what the corpus made: " + first);

        RollbackOptions all = RollbackOptions.of(configured(migrations),
                configured(corpus.resolve("rollbacks"))).withCount(count);
        RollbackResult undone = new Reverter(db.settings(), db.engineLog()).rollback(all);
        assertEquals(count, undone.undone().size());
        List<String> afterRollback = CatalogSnapshot.of(db.database);
        assertEquals(empty, afterRollback, () -> "rolling back everything leaves nothing of the corpus\n"
                + CatalogSnapshot.difference(empty, afterRollback));
        assertEquals(List.of(), db.versions());

        assertEquals(count, migrator.apply(apply).applied().size());
        List<String> second = CatalogSnapshot.of(db.database);
        assertEquals(first, second, () -> CatalogSnapshot.difference(first, second));
    }

    /**
     * Stronger than the whole round trip, where dropping a table hides a down script that forgot to undo something
     * on it: each down script must bring back exactly the catalog from before its migration.
     */
    @Test
    void eachDownScriptRestoresTheCatalogFromBeforeItsMigration() throws Exception {
        Path corpus = corpus();
        Path migrations = corpus.resolve("migrations");
        List<String> versions = MigrationScanner.scan(configured(migrations)).stream()
                .map(Migration::version).toList();
        MigrationsFixture db = new MigrationsFixture(root, "rollback_each_step");
        Migrator migrator = new Migrator(db.settings(), db.engineLog());
        Reverter reverter = new Reverter(db.settings(), db.engineLog());

        List<List<String>> before = new ArrayList<>();
        for (String version : versions) {
            before.add(CatalogSnapshot.of(db.database));
            migrator.apply(ApplyOptions.of(configured(migrations)).withTarget(version));
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            RollbackResult result = reverter.rollback(RollbackOptions.of(configured(migrations),
                    configured(corpus.resolve("rollbacks"))));
            assertEquals(1, result.undone().size());
            List<String> expected = before.get(i);
            List<String> actual = CatalogSnapshot.of(db.database);
            assertEquals(expected, actual, () -> "after undoing " + result.undone().get(0) + "\n"
                    + CatalogSnapshot.difference(expected, actual));
        }
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(RollbackRoundTripTest.class.getResource("/rollback-corpus").toURI());
    }
}
