package ai.pmoves.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pgTAP the tests install (the machine's distribution package, see {@link PgTapFixture}) really runs on the tests'
 * PostgreSQL 17: the extension installs, and its assertions of every family a Supabase project's tests use (schema,
 * columns, keys, functions, triggers, roles, RLS policies, privileges, queries, exceptions) pass where they must and
 * fail where they must, reading today's catalogs.
 */
class PgTapFixtureTest {
    private static TestPostgres.Database db;

    @BeforeAll
    static void pgTap() throws Exception {
        PgTapFixture.ensure();
        db = TestPostgres.newDatabase("pgtap_fixture");
        db.execute("""
                CREATE EXTENSION pgtap;
                CREATE ROLE pgtap_fixture_reader NOLOGIN;
                CREATE SCHEMA app;
                CREATE TYPE app.mood AS ENUM ('low', 'high');
                CREATE TABLE app.owners (id int PRIMARY KEY);
                CREATE TABLE app.notes (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  owner int NOT NULL REFERENCES app.owners (id),
                  body text NOT NULL DEFAULT '',
                  mood app.mood);
                CREATE UNIQUE INDEX notes_body ON app.notes (owner, body);
                CREATE VIEW app.note_bodies AS SELECT body FROM app.notes;
                CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER notes_touch BEFORE UPDATE ON app.notes FOR EACH ROW EXECUTE FUNCTION app.touch();
                ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;
                CREATE POLICY notes_read ON app.notes FOR SELECT TO pgtap_fixture_reader USING (true);
                GRANT SELECT ON app.notes TO pgtap_fixture_reader;
                INSERT INTO app.owners VALUES (1), (2);
                """);
    }

    @Test
    void theExtensionIsTheDistributionsPgTap() throws Exception {
        assertEquals(List.of("1.2.0"), db.column("SELECT extversion FROM pg_extension WHERE extname = 'pgtap'"));
        assertEquals(List.of("17"), db.column("SELECT current_setting('server_version_num')::int / 10000"));
    }

    @Test
    void itsAssertionsPassOnPostgres17() throws Exception {
        List<String> passing = List.of(
                "has_schema('app')",
                "has_table('app', 'notes', 'notes')",
                "has_view('app', 'note_bodies', 'view')",
                "has_column('app', 'notes', 'body', 'column')",
                "col_type_is('app', 'notes', 'mood', 'app', 'mood', 'enum column')",
                "col_not_null('app', 'notes', 'owner', 'not null')",
                "col_has_default('app', 'notes', 'body', 'default')",
                "col_is_pk('app', 'notes', 'id', 'primary key')",
                "has_pk('app', 'notes', 'has a key')",
                "fk_ok('app', 'notes', 'owner', 'app', 'owners', 'id')",
                "has_index('app', 'notes', 'notes_body', 'index')",
                "index_is_unique('app', 'notes', 'notes_body')",
                "has_function('app', 'touch', 'function')",
                "function_returns('app'::name, 'touch'::name, 'trigger'::text)",
                "has_trigger('app', 'notes', 'notes_touch', 'trigger')",
                "trigger_is('app', 'notes', 'notes_touch', 'app', 'touch')",
                "has_type('app', 'mood', 'type')",
                "enum_has_labels('app', 'mood', ARRAY['low', 'high'])",
                "has_role('pgtap_fixture_reader')",
                "policies_are('app', 'notes', ARRAY['notes_read'])",
                "policy_cmd_is('app', 'notes', 'notes_read'::name, 'select')",
                "policy_roles_are('app', 'notes', 'notes_read', ARRAY['pgtap_fixture_reader'::name])",
                "table_privs_are('app', 'notes', 'pgtap_fixture_reader', ARRAY['SELECT'])",
                "has_extension('pgtap')",
                "results_eq('SELECT id FROM app.owners ORDER BY id', ARRAY[1, 2], 'results')",
                "set_eq('SELECT id FROM app.owners', ARRAY[2, 1], 'set')",
                "bag_eq('SELECT id FROM app.owners', ARRAY[1, 2], 'bag')",
                "is_empty('SELECT * FROM app.notes', 'empty')",
                "isnt_empty('SELECT * FROM app.owners', 'not empty')",
                "throws_ok('INSERT INTO app.notes (owner) VALUES (3)', '23503')",
                "lives_ok('SELECT 1', 'lives')",
                "matches('note 12'::text, '^note [0-9]+$', 'matches')",
                "cmp_ok(2, '>', 1, 'cmp')",
                "is(1, 1, 'is')",
                "isnt(1, 2, 'isnt')",
                "pass('pass')");
        assertEquals(List.of(), notOk(passing));
    }

    @Test
    void itsAssertionsFailWhereTheyMust() throws Exception {
        List<String> failing = List.of(
                "has_table('app', 'nope', 'no such table')",
                "col_is_pk('app', 'notes', 'body', 'not the key')",
                "policies_are('app', 'notes', ARRAY['other'])",
                "throws_ok('SELECT 1', '23503')",
                "results_eq('SELECT id FROM app.owners ORDER BY id', ARRAY[2, 1], 'order matters')",
                "is(1, 2, 'is')");
        assertEquals(failing, notOk(failing));
    }

    /** The assertions whose TAP line is a {@code not ok}, each run on its own in one session with a plan. */
    private static List<String> notOk(List<String> assertions) throws Exception {
        List<String> failed = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT plan(" + assertions.size() + ")");
            for (String assertion : assertions) {
                st.execute("SAVEPOINT a");
                try (ResultSet rs = st.executeQuery("SELECT " + assertion)) {
                    rs.next();
                    if (rs.getString(1).startsWith("not ok")) {
                        failed.add(assertion);
                    }
                } catch (java.sql.SQLException e) {
                    st.execute("ROLLBACK TO SAVEPOINT a");
                    failed.add(assertion + ": " + e.getMessage());
                }
            }
            c.rollback();
        }
        return failed;
    }
}
