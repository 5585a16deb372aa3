package ai.pmoves.engine.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlStatementReader;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;

/**
 * Each statement's locks as {@link StatementLocks} reads them, checked against a real PostgreSQL: the statement runs in
 * a transaction that is rolled back, and the strongest mode {@code pg_locks} shows on each table it names must be the
 * one predicted; a rewrite shows as a new file for the table ({@code pg_relation_filenode}). The statements that cannot
 * run in a transaction are checked by the mode they wait for behind a session that holds the table.
 */
@Timeout(120)
class StatementLocksTest {
    private static final String SCHEMA = """
            CREATE TABLE customers (id int PRIMARY KEY);
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int, note varchar(10), amount int, qty int);
            INSERT INTO customers SELECT g FROM generate_series(1, 50) g;
            INSERT INTO orders SELECT g, g % 50 + 1, 'n', g, 1 FROM generate_series(1, 2000) g;
            CREATE INDEX orders_note ON orders (note);
            ALTER TABLE orders ADD CONSTRAINT orders_amount CHECK (amount > 0) NOT VALID;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE POLICY orders_own ON orders USING (true);
            CREATE TABLE events (at date) PARTITION BY RANGE (at);
            CREATE TABLE events_2025 (at date);
            CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(amount) AS total FROM orders GROUP BY 1;
            CREATE UNIQUE INDEX order_totals_customer ON order_totals (customer_id);
            ANALYZE;
            """;

    static TestPostgres.Database db;

    @BeforeAll
    static void schema() throws SQLException {
        db = TestPostgres.newDatabase("statement_locks");
        db.execute(SCHEMA);
    }

    /** Each statement, and the locks it takes: {@code relation mode[ rewrites]}, one per table. */
    static Stream<org.junit.jupiter.params.provider.Arguments> statements() {
        return Stream.of(
                // ALTER TABLE, subcommand by subcommand
                takes("ALTER TABLE orders ADD COLUMN shipped boolean", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ADD COLUMN shipped boolean DEFAULT false NOT NULL",
                        "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ADD COLUMN made timestamptz DEFAULT clock_timestamp()",
                        "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ADD COLUMN ref uuid DEFAULT gen_random_uuid()",
                        "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ADD COLUMN seq bigserial", "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ADD COLUMN n int GENERATED ALWAYS AS IDENTITY",
                        "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ADD COLUMN twice int GENERATED ALWAYS AS (amount * 2) STORED",
                        "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ADD COLUMN buyer int REFERENCES customers (id)",
                        "orders AccessExclusiveLock", "customers ShareRowExclusiveLock"),
                takes("ALTER TABLE orders DROP COLUMN note", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN qty TYPE bigint", "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ALTER COLUMN note TYPE text", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar(20)", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER note TYPE text USING upper(note)",
                        "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders ALTER COLUMN amount SET DEFAULT 1", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN amount SET NOT NULL", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN amount DROP NOT NULL", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN amount SET STATISTICS 500", "orders ShareUpdateExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN amount SET (n_distinct = 100)",
                        "orders ShareUpdateExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN note SET STORAGE EXTERNAL", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id)", "orders ShareRowExclusiveLock",
                        "customers ShareRowExclusiveLock"),
                takes("ALTER TABLE public.orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id)"
                        + " REFERENCES public.customers NOT VALID", "public.orders ShareRowExclusiveLock",
                        "public.customers ShareRowExclusiveLock"),
                takes("ALTER TABLE orders ADD CONSTRAINT orders_small CHECK (amount < 1000000)",
                        "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ADD UNIQUE (customer_id, id)", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders VALIDATE CONSTRAINT orders_amount", "orders ShareUpdateExclusiveLock"),
                takes("ALTER TABLE orders DROP CONSTRAINT orders_amount", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders DISABLE TRIGGER orders_touch", "orders ShareRowExclusiveLock"),
                takes("ALTER TABLE orders ENABLE ROW LEVEL SECURITY", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders SET (fillfactor = 70)", "orders ShareUpdateExclusiveLock"),
                takes("ALTER TABLE orders CLUSTER ON orders_pkey", "orders ShareUpdateExclusiveLock"),
                takes("ALTER TABLE orders SET UNLOGGED", "orders AccessExclusiveLock rewrites"),
                takes("ALTER TABLE orders RENAME TO purchases", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders RENAME COLUMN note TO remark", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders OWNER TO CURRENT_USER", "orders AccessExclusiveLock"),
                takes("ALTER TABLE orders ALTER COLUMN amount SET STATISTICS 10, ADD COLUMN x int",
                        "orders AccessExclusiveLock"),
                takes("ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01')"
                        + " TO ('2026-01-01')", "events ShareUpdateExclusiveLock", "events_2025 AccessExclusiveLock"),
                // the other statements that lock a table
                takes("CREATE INDEX orders_amount_idx ON orders (amount)", "orders ShareLock"),
                takes("CREATE UNIQUE INDEX IF NOT EXISTS orders_u ON ONLY orders (id, amount)", "orders ShareLock"),
                takes("CREATE TABLE refunds (id int, order_id int REFERENCES orders)", "orders ShareRowExclusiveLock"),
                takes("DROP TABLE orders CASCADE", "orders AccessExclusiveLock"),
                takes("DROP INDEX orders_note", "orders_note AccessExclusiveLock"),
                takes("TRUNCATE orders, customers CASCADE", "orders AccessExclusiveLock",
                        "customers AccessExclusiveLock"),
                takes("CREATE TRIGGER orders_again AFTER INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION"
                        + " touch()", "orders ShareRowExclusiveLock"),
                takes("DROP TRIGGER orders_touch ON orders", "orders AccessExclusiveLock"),
                takes("CREATE POLICY orders_mine ON orders FOR SELECT USING (true)", "orders AccessExclusiveLock"),
                takes("DROP POLICY orders_own ON orders", "orders AccessExclusiveLock"),
                takes("LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE", "orders ShareRowExclusiveLock"),
                takes("LOCK orders", "orders AccessExclusiveLock"),
                takes("CLUSTER orders USING orders_pkey", "orders AccessExclusiveLock rewrites"),
                takes("REINDEX TABLE orders", "orders ShareLock"),
                takes("REFRESH MATERIALIZED VIEW order_totals", "order_totals AccessExclusiveLock rewrites"),
                takes("REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals", "order_totals ExclusiveLock"),
                takes("UPDATE orders SET amount = amount + 1", "orders RowExclusiveLock"),
                takes("DELETE FROM ONLY orders WHERE id < 10", "orders RowExclusiveLock"),
                takes("INSERT INTO customers VALUES (1000)", "customers RowExclusiveLock"));
    }

    private static org.junit.jupiter.params.provider.Arguments takes(String sql, String... locks) {
        return org.junit.jupiter.params.provider.Arguments.of(sql, List.of(locks));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void theModePredictedIsTheStrongestThePostgresqlServerTakes(String sql, List<String> expected) throws Exception {
        List<StatementLock> predicted = StatementLocks.of(statement(sql));
        assertEquals(expected, predicted.stream().map(StatementLocksTest::shown).toList(), "read from the tokens");
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            // by oid, read before: a DROP or a RENAME leaves no name to find the table by
            Map<String, Long> oids = oids(c, predicted);
            Map<String, String> filesBefore = files(c, oids);
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
            Map<String, String> filesAfter = files(c, oids);
            List<String> taken = new ArrayList<>();
            for (StatementLock lock : predicted) {
                String held = strongestHeld(c, oids.get(lock.relation()));
                String after = filesAfter.get(lock.relation());
                // TRUNCATE gives the table a new, empty file: nothing is copied, so it is no rewrite
                boolean rewritten = after != null && !after.equals(filesBefore.get(lock.relation()))
                        && !sql.startsWith("TRUNCATE");
                taken.add(lock.relation() + " " + held + (rewritten ? " rewrites" : ""));
            }
            c.rollback();
            // REFRESH … CONCURRENTLY fills a new heap of its own and swaps the rows in, so its file stays
            assertEquals(expected.stream().map(e -> e.equals("order_totals ExclusiveLock")
                    ? "order_totals ExclusiveLock" : e).toList(), taken, "as pg_locks shows it");
        }
    }

    @Test
    void aCreateIndexConcurrentlyWaitsForShareUpdateExclusiveLock() throws Exception {
        assertWaitsFor("CREATE INDEX CONCURRENTLY orders_amount_cic ON orders (amount)",
                "ShareUpdateExclusiveLock on public.orders", "SHARE UPDATE EXCLUSIVE");
    }

    @Test
    void aReindexConcurrentlyWaitsForShareUpdateExclusiveLock() throws Exception {
        assertWaitsFor("REINDEX TABLE CONCURRENTLY customers", "ShareUpdateExclusiveLock on public.customers",
                "SHARE UPDATE EXCLUSIVE");
    }

    @Test
    void aVacuumWaitsForShareUpdateExclusiveLockAndAFullOneRewrites() throws Exception {
        assertWaitsFor("VACUUM (ANALYZE) orders", "ShareUpdateExclusiveLock on public.orders",
                "SHARE UPDATE EXCLUSIVE");
        assertWaitsFor("VACUUM FULL orders", "AccessExclusiveLock on public.orders, rewrites", "ACCESS SHARE");
    }

    @Test
    void aStatementThatSetsTheLockTimeoutIsToldFromOneThatMentionsIt() {
        for (String sql : List.of("SET lock_timeout = '5s'", "set local LOCK_TIMEOUT to 5000",
                "SELECT set_config('lock_timeout', '5s', true)")) {
            assertEquals(true, StatementLocks.setsLockTimeout(statement(sql)), sql);
        }
        for (String sql : List.of("SET statement_timeout = '5s'", "SELECT 'SET lock_timeout = 1'",
                "SELECT current_setting('lock_timeout')")) {
            assertEquals(false, StatementLocks.setsLockTimeout(statement(sql)), sql);
        }
    }

    @Test
    void statementsThatLockNoTableShowNone() {
        for (String sql : List.of("SELECT * FROM orders", "CREATE TABLE fresh (id int)",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
                "GRANT SELECT ON orders TO PUBLIC", "COMMENT ON TABLE orders IS 'ALTER TABLE orders ADD COLUMN x int'")) {
            assertEquals(List.of(), StatementLocks.of(statement(sql)), sql);
        }
    }

    @Test
    void sizesComeFromThePlannersEstimateOrACountAndAreShownRounded() throws Exception {
        try (Connection c = db.connect()) {
            TableSizes sizes = new TableSizes(c);
            TableSizes.Size orders = sizes.of("orders");
            assertEquals("public.orders", orders.name());
            assertEquals(2000, orders.rows());
            assertEquals(null, sizes.of("nowhere.to_be_found"));
            // what a plan records for a statement: the table as the target knows it, its rows, the rewrite
            assertEquals(List.of(new SizedLock("public.orders", LockMode.SHARE_ROW_EXCLUSIVE, 2000, false, true),
                            new SizedLock("invoices", LockMode.SHARE_ROW_EXCLUSIVE, -1, false, false)),
                    SizedLock.of(statement("ALTER TABLE orders ADD FOREIGN KEY (id) REFERENCES invoices"), sizes));
        }
        assertEquals("1 row", TableSizes.approximately(1));
        assertEquals("999 rows", TableSizes.approximately(999));
        assertEquals("≈1.2M rows", TableSizes.approximately(1_234_567));
        assertEquals("≈2k rows", TableSizes.approximately(2000));
        assertEquals("≈123k rows", TableSizes.approximately(123_456));
        assertEquals("AccessExclusiveLock on public.orders (≈1.2M rows), rewrites",
                new StatementLock("orders", LockMode.ACCESS_EXCLUSIVE, true).describe("public.orders", 1_200_000));
    }

    /**
     * Runs {@code sql}, which cannot run in a transaction, on a session of its own while another holds the table in
     * {@code held} mode, reads from a third ({@link LockWatch}) the mode it waits for, and cancels it. The mode held
     * is the weakest that is in the way, so that the statement's first look at the table (an AccessShareLock) passes
     * and it waits for the lock it works under.
     */
    private static void assertWaitsFor(String sql, String expected, String held) throws Exception {
        List<StatementLock> predicted = StatementLocks.of(statement(sql));
        StatementLock lock = predicted.get(0);
        try (Connection holder = db.connect(); Connection runner = db.connect();
             LockWatch watch = new LockWatch(ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(),
                     5), Duration.ofSeconds(1))) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE " + lock.relation() + " IN " + held + " MODE");
            }
            int pid = runner.unwrap(PGConnection.class).getBackendPID();
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement st = runner.createStatement()) {
                    st.execute(sql);
                } catch (SQLException cancelled) {
                    // the test cancels it once it has seen the wait
                }
            });
            LockQueue queue = null;
            for (int tries = 0; queue == null && tries < 100; tries++) {
                Thread.sleep(50);
                queue = watch.read(pid);
            }
            assertNotNull(queue, sql + " never waited");
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT pg_cancel_backend(" + pid + ")");
            }
            holder.rollback();
            running.join();
            assertEquals(expected, lock.mode().spelled() + " on public." + lock.relation()
                    + (lock.rewrites() ? ", rewrites" : ""), "read from the tokens");
            assertEquals(lock.mode().spelled() + " on public." + lock.relation(), queue.lock(), "as pg_locks shows it");
            assertFalse(queue.ahead().isEmpty(), "the holder is named");
        }
    }

    private static SqlStatement statement(String sql) {
        try {
            return SqlStatementReader.split(sql + ";").get(0);
        } catch (Exception e) {
            throw new IllegalArgumentException(sql, e);
        }
    }

    private static String shown(StatementLock lock) {
        return lock.relation() + " " + lock.mode().spelled() + (lock.rewrites() ? " rewrites" : "");
    }

    private static Map<String, Long> oids(Connection c, List<StatementLock> locks) throws SQLException {
        Map<String, Long> oids = new java.util.HashMap<>();
        for (StatementLock lock : locks) {
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid")) {
                ps.setString(1, lock.relation());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    oids.put(lock.relation(), rs.getLong(1));
                }
            }
        }
        return oids;
    }

    /** The file behind each table, which a rewrite replaces; null for a table dropped. */
    private static Map<String, String> files(Connection c, Map<String, Long> oids) throws SQLException {
        Map<String, String> files = new java.util.HashMap<>();
        for (Map.Entry<String, Long> table : oids.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_relation_filenode(?::oid)::text")) {
                ps.setLong(1, table.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    files.put(table.getKey(), rs.getString(1));
                }
            }
        }
        return files;
    }

    /** The strongest mode this session holds on the table {@code oid}, as pg_locks spells it. */
    private static String strongestHeld(Connection c, long oid) throws SQLException {
        LockMode strongest = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid()"
                + " AND locktype = 'relation' AND granted AND relation = ?::oid")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LockMode m = LockMode.ofSpelled(rs.getString(1));
                    strongest = strongest == null ? m : LockMode.max(strongest, m);
                }
            }
        }
        return strongest == null ? "none" : strongest.spelled();
    }
}
