package ai.pmoves.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock hazards: each rule fires on a table that was there before the file, and stays quiet on the safe form, on a
 * table the same file created, and after {@code -- pmoves:allow <rule>}.
 */
class HazardRulesTest {
    @TempDir
    Path root;
    LintFixture project;

    @BeforeEach
    void project() {
        project = new LintFixture(root);
    }

    @Nested
    class IndexNotConcurrent {
        @Test
        void firesOnAnIndexOfATableThatWasThere() throws Exception {
            project.migration("20250101_a.sql", "CREATE INDEX IF NOT EXISTS orders_amount ON public.orders (amount);\n");
            assertEquals(List.of("1:1 CREATE INDEX on public.orders without CONCURRENTLY: writes to public.orders"
                    + " wait while the index is built"), project.findings("index-not-concurrent"));
        }

        @Test
        void quietConcurrentlyOrOnATableTheFileCreated() throws Exception {
            project.migration("20250101_a.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_amount ON orders (amount);\n"
                    + "CREATE TABLE IF NOT EXISTS refunds (id int);\n"
                    + "CREATE UNIQUE INDEX IF NOT EXISTS refunds_id ON public.refunds (id);\n");
            assertEquals(List.of(), project.findings("index-not-concurrent"));
        }
    }

    @Nested
    class ConstraintNotValid {
        @Test
        void firesOnAForeignKeyAndACheckValidatedAtOnce() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY"
                    + " (customer_id) REFERENCES customers (id);\n"
                    + "ALTER TABLE orders ADD CHECK (amount > 0);\n");
            assertEquals(List.of("1:20 ADD FOREIGN KEY on orders without NOT VALID: every row is read to validate it"
                            + " while writes to both tables wait",
                    "2:20 ADD CHECK on orders without NOT VALID: every row is read to validate it while every query on"
                            + " orders waits"), project.findings("constraint-not-valid"));
        }

        @Test
        void quietNotValidThenValidatedOrOnANewTable() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY"
                    + " (customer_id) REFERENCES customers (id) NOT VALID;\n"
                    + "CREATE TABLE refunds (id int, order_id int);\n"
                    + "ALTER TABLE refunds ADD FOREIGN KEY (order_id) REFERENCES orders (id);\n")
                    .migration("20250102_b.sql", "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer;\n");
            assertEquals(List.of(), project.findings("constraint-not-valid"));
        }
    }

    @Nested
    class SetNotNull {
        @Test
        void firesWithoutAValidatedCheckBeforeIt() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD CONSTRAINT amount_set CHECK (amount IS NOT NULL)"
                    + " NOT VALID;\nALTER TABLE orders ALTER COLUMN amount SET NOT NULL;\n");
            assertEquals(List.of("2:20 SET NOT NULL on orders.amount with no validated CHECK (amount IS NOT NULL)"
                    + " before it: every row is read while every query on orders waits"), project.findings("set-not-null"));
        }

        @Test
        void quietOnceAnEarlierMigrationValidatedTheCheck() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD CONSTRAINT amount_set CHECK (amount IS NOT NULL)"
                    + " NOT VALID;\n")
                    .migration("20250102_b.sql", "ALTER TABLE orders VALIDATE CONSTRAINT amount_set;\n")
                    .migration("20250103_c.sql", "ALTER TABLE orders ALTER COLUMN amount SET NOT NULL;\n"
                            + "ALTER TABLE orders DROP CONSTRAINT amount_set;\n");
            assertEquals(List.of(), project.findings("set-not-null"));
        }
    }

    @Nested
    class ColumnTypeChange {
        @Test
        void firesOnAChangeThatRewrites() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n"
                    + "ALTER TABLE orders ALTER note SET DATA TYPE text USING trim(note);\n");
            assertEquals(List.of("1:20 ALTER COLUMN amount TYPE on orders rewrites the table while every query on it"
                            + " waits",
                    "2:20 ALTER COLUMN note TYPE on orders rewrites the table while every query on it waits"),
                    project.findings("column-type-change"));
        }

        @Test
        void quietOnBinaryCoercibleChanges() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ALTER COLUMN note TYPE text;\n"
                    + "ALTER TABLE orders ALTER COLUMN code TYPE varchar(64);\n"
                    + "ALTER TABLE orders ALTER COLUMN code TYPE character varying;\n");
            assertEquals(List.of(), project.findings("column-type-change"));
        }
    }

    @Nested
    class VolatileDefault {
        @Test
        void firesOnAVolatileFunctionAsTheDefault() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD COLUMN made timestamptz DEFAULT"
                    + " clock_timestamp();\nALTER TABLE orders ADD COLUMN ref uuid NOT NULL DEFAULT gen_random_uuid();\n");
            assertEquals(List.of("1:56 ADD COLUMN on orders with the volatile default clock_timestamp(): the table is"
                            + " rewritten while every query on it waits",
                    "2:57 ADD COLUMN on orders with the volatile default gen_random_uuid(): the table is rewritten while"
                            + " every query on it waits"), project.findings("volatile-default"));
        }

        @Test
        void quietOnAConstantOrStableDefault() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD COLUMN made timestamptz DEFAULT now();\n"
                    + "ALTER TABLE orders ADD COLUMN shipped boolean NOT NULL DEFAULT false;\n"
                    + "ALTER TABLE orders ALTER COLUMN ref SET DEFAULT gen_random_uuid();\n");
            assertEquals(List.of(), project.findings("volatile-default"));
        }
    }

    @Nested
    class UniqueWithoutIndex {
        @Test
        void firesOnUniqueAndPrimaryKeyBuiltInPlace() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD CONSTRAINT orders_ref UNIQUE (ref);\n"
                    + "ALTER TABLE orders ADD PRIMARY KEY (id);\n");
            assertEquals(List.of("1:20 ADD UNIQUE on orders without USING INDEX: the index is built while every query"
                            + " on orders waits",
                    "2:20 ADD PRIMARY KEY on orders without USING INDEX: the index is built while every query on orders"
                            + " waits"), project.findings("unique-without-index"));
        }

        @Test
        void quietWithAnIndexBuiltBefore() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders ADD CONSTRAINT orders_ref UNIQUE USING INDEX"
                    + " orders_ref_idx;\nALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX"
                    + " orders_id_idx;\n");
            assertEquals(List.of(), project.findings("unique-without-index"));
        }
    }

    @Nested
    class Rename {
        @Test
        void firesOnATableAndAColumn() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders RENAME TO purchases;\n"
                    + "ALTER TABLE purchases RENAME COLUMN note TO remark;\n");
            assertEquals(List.of("1:20 RENAME of the table orders: clients that use the old name break",
                    "2:23 RENAME of the column note of purchases: clients that use the old name break"),
                    project.findings("rename"));
        }

        @Test
        void quietOnAConstraintOrATableTheFileCreated() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders RENAME CONSTRAINT a TO b;\n"
                    + "CREATE TABLE drafts (id int);\nALTER TABLE drafts RENAME TO notes;\n");
            assertEquals(List.of(), project.findings("rename"));
        }
    }

    @Nested
    class AllowComment {
        @Test
        void theLineBeforeLetsTheNamedRulesThroughForThatStatementOnly() throws Exception {
            project.migration("20250101_a.sql", """
                    -- the table is tiny: a plain index is fine
                    -- pmoves:allow index-not-concurrent, rename
                    CREATE INDEX orders_amount ON orders (amount);
                    CREATE INDEX orders_note ON orders (note);
                    -- pmoves:allow rename
                    ALTER TABLE orders ADD COLUMN made timestamptz DEFAULT clock_timestamp();
                    """);
            assertEquals(List.of("index-not-concurrent@supabase/migrations/20250101_a.sql:4:1 CREATE INDEX on orders"
                            + " without CONCURRENTLY: writes to orders wait while the index is built",
                    "volatile-default@supabase/migrations/20250101_a.sql:6:56 ADD COLUMN on orders with the volatile"
                            + " default clock_timestamp(): the table is rewritten while every query on it waits"),
                    project.findings().stream().filter(f -> !f.startsWith("if-not-exists")).toList());
        }

        @Test
        void skipRulesTurnsAHazardOffForEveryFile() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE orders RENAME TO purchases;\n");
            project.disabled = Set.of("rename");
            assertEquals(List.of(), project.findings("rename"));
        }

        @Test
        void everyHazardIsAWarningWithItsWhyAndFix() {
            for (String id : List.of("index-not-concurrent", "constraint-not-valid", "set-not-null",
                    "column-type-change", "volatile-default", "unique-without-index", "rename")) {
                Rule rule = Rules.ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
                assertEquals(Severity.WARNING, rule.severity(), id);
                assertTrue(rule.why().contains("Lock") || rule.why().contains("clients"), rule.why());
            }
        }
    }
}
