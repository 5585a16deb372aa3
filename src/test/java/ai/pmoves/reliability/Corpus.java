package ai.pmoves.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Twenty migrations of the kinds a Supabase project writes (schema, enum and composite types, identity and serial
 * columns, foreign keys, check constraints, indexes plain, partial, unique and GIN, a trigger function, row level
 * security and policies, a view and a materialized view, a sequence and a domain, a procedure with BEGIN ATOMIC, data),
 * each with the down script that undoes it exactly. Statements are kept apart so a test can put a fault after any one.
 */
final class Corpus {
    /** One migration: its file name, its statements, its down script's statements. */
    record Step(String fileName, List<String> up, List<String> down) {
        String version() {
            String stem = fileName.substring(0, fileName.length() - ".sql".length());
            return stem.matches("\\d{4}-\\d{2}-\\d{2}_.*") ? stem : stem.substring(0, stem.indexOf('_'));
        }
    }

    /** The statement a fault is made of: it fails with SQLSTATE P0001 and says where it was put. */
    static String fault(String where) {
        return "DO $$ BEGIN RAISE EXCEPTION 'injected fault %', '" + where + "'; END $$;";
    }

    static final List<Step> STEPS = List.of(
            step("20250101000000_schema.sql",
                    List.of("CREATE SCHEMA app;", "CREATE TYPE app.status AS ENUM ('new', 'done');"),
                    List.of("DROP TYPE app.status;", "DROP SCHEMA app;")),
            step("20250102_accounts.sql",
                    List.of("CREATE TABLE app.accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                            + "  email text NOT NULL UNIQUE);", "COMMENT ON TABLE app.accounts IS 'people';"),
                    List.of("DROP TABLE app.accounts;")),
            step("2025-01-03_tasks.sql",
                    List.of("CREATE TABLE app.tasks (id bigserial PRIMARY KEY, account_id bigint REFERENCES app.accounts (id),\n"
                            + "  status app.status NOT NULL DEFAULT 'new', title text);",
                            "CREATE INDEX tasks_account ON app.tasks (account_id);"),
                    List.of("DROP TABLE app.tasks;")),
            step("20250104_task_due.sql",
                    List.of("ALTER TABLE app.tasks ADD COLUMN due date;",
                            "ALTER TABLE app.tasks ADD CONSTRAINT due_after_2000 CHECK (due > '2000-01-01');"),
                    List.of("ALTER TABLE app.tasks DROP COLUMN due;")),
            step("20250105_touch.sql",
                    List.of("CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                                    + "  NEW.updated_at := now(); -- a ; inside the body\n  RETURN NEW;\nEND\n$$;",
                            "ALTER TABLE app.tasks ADD COLUMN updated_at timestamptz;",
                            "CREATE TRIGGER tasks_touch BEFORE UPDATE ON app.tasks FOR EACH ROW EXECUTE FUNCTION app.touch();"),
                    List.of("DROP TRIGGER tasks_touch ON app.tasks;", "ALTER TABLE app.tasks DROP COLUMN updated_at;",
                            "DROP FUNCTION app.touch();")),
            step("20250106_tasks_rls.sql",
                    List.of("ALTER TABLE app.tasks ENABLE ROW LEVEL SECURITY;",
                            "CREATE POLICY tasks_owner ON app.tasks\n"
                                    + "  USING (account_id = current_setting('app.account', true)::bigint);"),
                    List.of("DROP POLICY tasks_owner ON app.tasks;", "ALTER TABLE app.tasks DISABLE ROW LEVEL SECURITY;")),
            step("20250107_open_tasks.sql",
                    List.of("CREATE VIEW app.open_tasks AS SELECT id, title FROM app.tasks WHERE status = 'new';"),
                    List.of("DROP VIEW app.open_tasks;")),
            step("20250108_ticket_no.sql",
                    List.of("CREATE SEQUENCE app.ticket_no START 1000 INCREMENT 10;",
                            "CREATE DOMAIN app.email AS text CHECK (VALUE LIKE '%@%');"),
                    List.of("DROP DOMAIN app.email;", "DROP SEQUENCE app.ticket_no;")),
            step("20250109_tags.sql",
                    List.of("CREATE TABLE app.tags (name text PRIMARY KEY);",
                            "INSERT INTO app.tags VALUES ('home'), ('work; with a semicolon');",
                            "CREATE TABLE app.task_tags (task_id bigint REFERENCES app.tasks (id) ON DELETE CASCADE,\n"
                                    + "  tag text REFERENCES app.tags (name), PRIMARY KEY (task_id, tag));"),
                    List.of("DROP TABLE app.task_tags;", "DROP TABLE app.tags;")),
            step("20250110_point.sql",
                    List.of("CREATE TYPE app.point2 AS (x int, y int);",
                            "CREATE FUNCTION app.norm(p app.point2) RETURNS int LANGUAGE sql IMMUTABLE\n"
                                    + "  AS $fn$ SELECT abs(p.x) + abs(p.y) $fn$;"),
                    List.of("DROP FUNCTION app.norm(app.point2);", "DROP TYPE app.point2;")),
            step("20250111_indexes.sql",
                    List.of("CREATE INDEX tasks_open ON app.tasks (due) WHERE status = 'new';",
                            "CREATE UNIQUE INDEX accounts_email_lower ON app.accounts (lower(email));"),
                    List.of("DROP INDEX app.accounts_email_lower;", "DROP INDEX app.tasks_open;")),
            step("20250112_summary.sql",
                    List.of("ALTER TABLE app.tasks RENAME COLUMN title TO summary;",
                            "COMMENT ON COLUMN app.tasks.summary IS 'what to do';"),
                    List.of("COMMENT ON COLUMN app.tasks.summary IS NULL;",
                            "ALTER TABLE app.tasks RENAME COLUMN summary TO title;")),
            step("20250113_audit.sql",
                    List.of("CREATE SCHEMA audit;", "CREATE TABLE audit.log (id bigint GENERATED BY DEFAULT AS IDENTITY,\n"
                            + "  at timestamptz DEFAULT now(), what text);"),
                    List.of("DROP TABLE audit.log;", "DROP SCHEMA audit;")),
            step("20250114_audit_trigger.sql",
                    List.of("CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n"
                                    + "  INSERT INTO audit.log (what) VALUES (TG_OP || ' ' || TG_TABLE_NAME);\n"
                                    + "  RETURN NULL;\nEND\n$body$;",
                            "CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE ON app.accounts\n"
                                    + "  FOR EACH ROW EXECUTE FUNCTION audit.record();"),
                    List.of("DROP TRIGGER accounts_audit ON app.accounts;", "DROP FUNCTION audit.record();")),
            step("20250115_first_account.sql",
                    List.of("INSERT INTO app.accounts (email) VALUES ('a@example.org');",
                            "INSERT INTO app.tasks (account_id, summary) SELECT id, 'first' FROM app.accounts;"),
                    List.of("DELETE FROM app.tasks;", "DELETE FROM app.accounts;", "DELETE FROM audit.log;")),
            step("20250116_accounts_rls.sql",
                    List.of("ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;",
                            "CREATE POLICY accounts_read ON app.accounts FOR SELECT USING (true);"),
                    List.of("DROP POLICY accounts_read ON app.accounts;",
                            "ALTER TABLE app.accounts DISABLE ROW LEVEL SECURITY;")),
            step("20250117_task_counts.sql",
                    List.of("CREATE MATERIALIZED VIEW app.task_counts AS\n"
                                    + "  SELECT status, count(*) AS n FROM app.tasks GROUP BY status;",
                            "CREATE UNIQUE INDEX task_counts_status ON app.task_counts (status);"),
                    List.of("DROP MATERIALIZED VIEW app.task_counts;")),
            step("20250118_close_all.sql",
                    List.of("CREATE PROCEDURE app.close_all()\nLANGUAGE sql\nBEGIN ATOMIC\n"
                            + "  UPDATE app.tasks SET status = 'done';\n  UPDATE app.tasks SET due = NULL;\nEND;"),
                    List.of("DROP PROCEDURE app.close_all();")),
            step("20250119_display_name.sql",
                    List.of("ALTER TABLE app.accounts ADD COLUMN display_name varchar(80);",
                            "ALTER TABLE app.accounts ALTER COLUMN display_name TYPE text;",
                            "UPDATE app.accounts SET display_name = split_part(email, '@', 1);"),
                    List.of("ALTER TABLE app.accounts DROP COLUMN display_name;")),
            step("20250120_settings.sql",
                    List.of("CREATE TABLE app.settings (key text PRIMARY KEY, value jsonb NOT NULL DEFAULT '{}');",
                            "CREATE INDEX settings_value ON app.settings USING gin (value);",
                            "/* a block comment /* nested */ ; */ GRANT SELECT ON app.settings TO PUBLIC;"),
                    List.of("DROP TABLE app.settings;")));

    private Corpus() {
    }

    private static Step step(String fileName, List<String> up, List<String> down) {
        return new Step(fileName, up, down);
    }

    /** The number of statements of all migrations, and of all down scripts. */
    static int upStatements() {
        return STEPS.stream().mapToInt(s -> s.up().size()).sum();
    }

    /** The text of a file of these statements, with {@code fault} after statement {@code after} (0: first). */
    static String text(List<String> statements, int after, String fault) {
        List<String> lines = new ArrayList<>(statements);
        if (fault != null) {
            lines.add(after, fault);
        }
        return "-- written by the reliability suite\n" + String.join("\n", lines) + "\n";
    }

    /** The line a fault put after statement {@code after} stands on. */
    static int faultLine(List<String> statements, int after) {
        int line = 2;
        for (int i = 0; i < after; i++) {
            line += statements.get(i).split("\n", -1).length;
        }
        return line;
    }

    /** Writes every migration, and every down script when {@code rollbacks} is not null. */
    static void write(Path migrations, Path rollbacks) throws IOException {
        Files.createDirectories(migrations);
        for (Step s : STEPS) {
            Files.writeString(migrations.resolve(s.fileName()), text(s.up(), 0, null));
            if (rollbacks != null) {
                Files.createDirectories(rollbacks);
                Files.writeString(rollbacks.resolve(s.fileName()), text(s.down(), 0, null));
            }
        }
    }
}
