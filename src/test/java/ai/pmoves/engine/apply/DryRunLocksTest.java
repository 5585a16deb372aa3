package ai.pmoves.engine.apply;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry run shows, above each statement that holds others up, the lock it takes and how big the table is. */
class DryRunLocksTest {
    @TempDir
    Path root;

    @Test
    void eachLockingStatementHasItsLockTheTablesSizeAndWhetherItRewritesAbove() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "dry_run_locks");
        db.execute("CREATE TABLE orders (id int, amount int); INSERT INTO orders SELECT g, g FROM generate_series(1,"
                + " 1500) g; ANALYZE orders");
        db.file("20250101_orders.sql", """
                ALTER TABLE orders ADD COLUMN made timestamptz DEFAULT clock_timestamp();
                CREATE INDEX orders_amount ON orders (amount);
                INSERT INTO orders VALUES (0, 0);
                CREATE TABLE refunds (id int);
                CREATE INDEX refunds_id ON refunds (id);
                """);
        db.apply(db.options().withDryRun(db.dryRunFile()));
        String sql = Files.readString(db.dryRunFile());
        assertTrue(sql.contains("""
                BEGIN;
                -- AccessExclusiveLock on public.orders (≈1.5k rows), rewrites
                ALTER TABLE orders ADD COLUMN made timestamptz DEFAULT clock_timestamp();
                -- ShareLock on public.orders (≈1.5k rows)
                CREATE INDEX orders_amount ON orders (amount);
                INSERT INTO orders VALUES (0, 0);
                CREATE TABLE refunds (id int);
                -- ShareLock on refunds (not on the target yet)
                CREATE INDEX refunds_id ON refunds (id);
                """), sql);
    }
}
