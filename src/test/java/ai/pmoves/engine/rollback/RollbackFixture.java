package ai.pmoves.engine.rollback;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;

import ai.pmoves.engine.apply.MigrationsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A migrations directory with its rollbacks directory and a fresh database, for rollback tests. */
final class RollbackFixture {
    final MigrationsFixture db;
    final Path rollbacks;

    RollbackFixture(Path root, String name) throws IOException {
        this.db = new MigrationsFixture(root, name);
        this.rollbacks = Files.createDirectories(root.resolve("rollbacks"));
    }

    /** A migration and, when {@code down} is not null, its down script. */
    RollbackFixture migration(String name, String up, String down) throws IOException {
        db.file(name, up);
        if (down != null) {
            down(name, down);
        }
        return this;
    }

    RollbackFixture down(String name, String sql) throws IOException {
        Files.writeString(rollbacks.resolve(name), sql);
        return this;
    }

    /** Undo the newest migration, waiting 5 s for a lock. */
    RollbackOptions options() {
        return RollbackOptions.of(configured(db.directory), configured(rollbacks))
                .withHistoryTable(MigrationsFixture.HISTORY).withLockTimeout(Duration.ofSeconds(5));
    }

    /** Where a dry run of {@code options().withDryRun(dryRunFile())} writes its SQL. */
    Path dryRunFile() {
        return rollbacks.resolveSibling("rollback-dry-run.sql");
    }

    RollbackOptions count(int count) {
        return options().withCount(count);
    }

    RollbackOptions target(String target) {
        return options().withTarget(target);
    }

    RollbackResult rollback() {
        return rollback(options());
    }

    RollbackResult rollback(RollbackOptions options) {
        return new Reverter(db.settings(), db.engineLog()).rollback(options);
    }
}
