package ai.pmoves.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot against a real PostgreSQL: every kind of object it covers shows a change made to it as one difference,
 * and the same schema reads the same however it was made.
 */
class SchemaSnapshotTest {
    /** A small project schema each test starts from: a table with a view, a function, a trigger, a policy, grants. */
    private static final String BASE = """
            CREATE TYPE public.mood AS ENUM ('sad', 'happy');
            CREATE DOMAIN public.score AS int CHECK (VALUE >= 0);
            CREATE TYPE public.pair AS (a int, b text);
            CREATE TABLE public.notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL,
              created_at timestamptz, mood public.mood, total public.score);
            CREATE SEQUENCE public.tickets;
            CREATE INDEX notes_body ON public.notes (body);
            CREATE VIEW public.sad_notes AS SELECT id, body FROM public.notes WHERE mood = 'sad';
            CREATE MATERIALIZED VIEW public.note_count AS SELECT count(*) AS n FROM public.notes;
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.created_at := now();
              RETURN NEW;
            END $$;
            CREATE TRIGGER notes_touch BEFORE INSERT ON public.notes FOR EACH ROW EXECUTE FUNCTION public.touch();
            CREATE POLICY own_notes ON public.notes FOR SELECT TO snapshot_reader USING (true);
            GRANT SELECT, INSERT ON public.notes TO snapshot_reader;
            CREATE PUBLICATION notes_feed FOR TABLE public.notes;
            CREATE TABLE public.labels (name text NOT NULL);
            """;

    TestPostgres.Database db;

    @BeforeAll
    static void roles() throws SQLException {
        // roles belong to the whole server: made once, kept, as the platform's API roles are
        TestPostgres.newDatabase("snapshot_roles").execute("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'snapshot_reader') THEN
                    CREATE ROLE snapshot_reader NOLOGIN;
                  END IF;
                END $$""");
    }

    @BeforeEach
    void baseSchema(TestInfo test) throws SQLException {
        db = TestPostgres.newDatabase("snapshot_" + test.getTestMethod().orElseThrow().getName());
        db.execute(BASE);
    }

    private SchemaSnapshot snapshot() throws SQLException {
        return snapshot(db, SchemaFilter.platformExcluded());
    }

    private static SchemaSnapshot snapshot(TestPostgres.Database database, SchemaFilter filter) throws SQLException {
        try (Connection c = database.connect()) {
            return SchemaSnapshot.read(c, filter);
        }
    }

    /** The differences one change by hand makes, as drift prints them. */
    private List<String> afterHand(String sql) throws SQLException {
        SchemaSnapshot before = snapshot();
        db.execute(sql);
        SchemaSnapshot after = snapshot();
        assertNotEquals(before.fingerprint(), after.fingerprint(), "a change moves the fingerprint");
        return SchemaDiff.between(before, after).lines();
    }

    /** One hand change per kind of object, and the lines drift prints for it. */
    static Stream<Arguments> handChanges() {
        return Stream.of(
                seen("an extra schema is added", "CREATE SCHEMA extra",
                        "added schema extra: none → present"),
                seen("an extra table is added with its columns", "CREATE TABLE public.extra (x int)",
                        "added table public.extra: none → kind ordinary, row level security disabled, forced no",
                        "added column public.extra.x: none → type integer, null nullable"),
                seen("row level security turned on is a changed table",
                        "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY",
                        "changed table public.notes: row level security disabled → enabled; forced no → yes"),
                seen("an added default is a changed column",
                        "ALTER TABLE public.notes ALTER COLUMN created_at SET DEFAULT now()",
                        "changed column public.notes.created_at: default none → now()"),
                seen("a column's type, nullability and collation are compared",
                        "ALTER TABLE public.labels ALTER COLUMN name DROP NOT NULL,"
                                + " ALTER COLUMN name TYPE varchar(20) COLLATE \"C\"",
                        "changed column public.labels.name: type text → character varying(20); null not null →"
                                + " nullable; collation none → pg_catalog.\"C\""),
                seen("a column's identity is compared", "ALTER TABLE public.notes ALTER COLUMN id SET GENERATED BY DEFAULT",
                        "changed column public.notes.id: identity always → by default"),
                seen("a generated column reads with its expression",
                        "ALTER TABLE public.notes ADD COLUMN shout text GENERATED ALWAYS AS (upper(body)) STORED",
                        "added column public.notes.shout: none → type text, null nullable, generated upper(body) stored"),
                seen("a dropped constraint is removed", "ALTER TABLE public.notes DROP CONSTRAINT notes_pkey",
                        "removed constraint public.notes.notes_pkey: definition PRIMARY KEY (id) → none"),
                seen("an index made by hand is added with its definition", "CREATE INDEX notes_mood ON public.notes (mood)",
                        "added index public.notes_mood: none → definition CREATE INDEX notes_mood ON public.notes"
                                + " USING btree (mood), valid yes"),
                // the first line of the definition that differs, numbered in pg_get_viewdef's pretty form
                seen("a replaced view is changed",
                        "CREATE OR REPLACE VIEW public.sad_notes AS SELECT id, body FROM public.notes WHERE mood = 'happy'",
                        "changed view public.sad_notes: definition line 4: WHERE mood = 'sad'::public.mood; →"
                                + " WHERE mood = 'happy'::public.mood;"),
                seen("a materialized view's options are compared",
                        "ALTER MATERIALIZED VIEW public.note_count SET (fillfactor = 50)",
                        "changed materialized view public.note_count: options none → fillfactor=50"),
                seen("a function's body, security and settings are compared", """
                        CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                        SET search_path = '' AS $$
                        BEGIN
                          NEW.created_at := clock_timestamp();
                          RETURN NEW;
                        END $$""",
                        "changed function public.touch(): security invoker → definer; settings none →"
                                + " search_path=\"\"; body line 3: NEW.created_at := now(); → NEW.created_at :="
                                + " clock_timestamp();"),
                // a procedure's identity names its arguments' modes, as PostgreSQL prints it
                seen("a procedure is its own kind",
                        "CREATE PROCEDURE public.tidy(keep int) LANGUAGE sql AS 'DELETE FROM public.notes WHERE id > keep'",
                        "added procedure public.tidy(IN keep integer): none → arguments IN keep integer, language sql,"
                                + " security invoker, body DELETE FROM public.notes WHERE id > keep",
                        "added grant procedure public.tidy(IN keep integer) to PUBLIC: none → privileges EXECUTE"),
                seen("a disabled trigger is changed", "ALTER TABLE public.notes DISABLE TRIGGER notes_touch",
                        "changed trigger public.notes.notes_touch: enabled yes → no"),
                seen("a policy's condition is compared", "ALTER POLICY own_notes ON public.notes USING (mood = 'happy')",
                        "changed policy public.notes.own_notes: using true → (mood = 'happy'::public.mood)"),
                seen("a revoked grant is changed", "REVOKE INSERT ON public.notes FROM snapshot_reader",
                        "changed grant table public.notes to snapshot_reader: privileges INSERT, SELECT → SELECT"),
                seen("a column grant is added", "GRANT UPDATE (body) ON public.notes TO snapshot_reader",
                        "added grant column public.notes.body to snapshot_reader: none → privileges UPDATE"),
                seen("grants on schemas, functions and sequences are compared",
                        "GRANT USAGE ON SCHEMA public TO snapshot_reader;"
                                + " GRANT USAGE ON SEQUENCE public.tickets TO snapshot_reader;"
                                + " REVOKE EXECUTE ON FUNCTION public.touch() FROM PUBLIC",
                        "removed grant function public.touch() to PUBLIC: privileges EXECUTE → none",
                        "added grant schema public to snapshot_reader: none → privileges USAGE",
                        "added grant sequence public.tickets to snapshot_reader: none → privileges USAGE"),
                seen("an enum's values are compared in order", "ALTER TYPE public.mood ADD VALUE 'meh' BEFORE 'happy'",
                        "changed type public.mood: enum 'sad', 'happy' → 'sad', 'meh', 'happy'"),
                seen("a domain's nullability is compared", "ALTER DOMAIN public.score SET NOT NULL",
                        "changed type public.score: null nullable → not null"),
                seen("a composite's attributes are compared", "ALTER TYPE public.pair ADD ATTRIBUTE c date",
                        "changed type public.pair: composite a integer, b text → a integer, b text, c date"),
                seen("a sequence's options are compared", "ALTER SEQUENCE public.tickets INCREMENT BY 10",
                        "changed sequence public.tickets: increment 1 → 10"),
                seen("a publication's operations are compared", "ALTER PUBLICATION notes_feed SET (publish = 'insert')",
                        "changed publication notes_feed: publish insert, update, delete, truncate → insert"),
                seen("a table added to a publication is added", "ALTER PUBLICATION notes_feed ADD TABLE public.labels",
                        "added publication table notes_feed public.labels: none → present"));
    }

    private static Arguments seen(String description, String sql, String... lines) {
        return Arguments.of(description, sql, List.of(lines));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handChanges")
    void aHandChangeIsSeen(String description, String sql, List<String> lines) throws SQLException {
        assertEquals(lines, afterHand(sql));
    }

    @Test
    void anExtensionInAComparedSchemaIsAddedAndItsObjectsAreNot() throws SQLException {
        // the extension stands for its functions and types: they are not listed one by one
        String version = db.column("SELECT default_version FROM pg_available_extensions WHERE name = 'citext'").get(0);
        assertEquals(List.of("added extension citext: none → version " + version + ", schema public"),
                afterHand("CREATE EXTENSION citext SCHEMA public"));
    }

    @Test
    void platformSchemasAreLeftOutButTheProjectsTriggersAndPoliciesThereAreCompared() throws SQLException {
        db.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY);"
                + " CREATE SCHEMA storage; CREATE TABLE storage.objects (name text)");
        assertEquals(List.of("added trigger auth.users.on_signup: none → definition CREATE TRIGGER on_signup AFTER"
                        + " INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.touch(), enabled yes",
                        "added policy storage.objects.public_read: none → as permissive, for select, to public,"
                        + " using true"),
                afterHand("CREATE TABLE auth.sessions (id uuid);"
                        + " CREATE TRIGGER on_signup AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.touch();"
                        + " CREATE POLICY public_read ON storage.objects FOR SELECT USING (true)"));
    }

    @Test
    void aSchemaTheFilterNoLongerLeavesOutIsRead() throws SQLException {
        db.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY)");
        SchemaSnapshot all = snapshot(db, SchemaFilter.excluding(List.of()));
        assertTrue(all.find("table", "auth.users").isPresent(), all.canonical());
        assertTrue(snapshot().find("table", "auth.users").isEmpty());
    }

    @Test
    void theSameSchemaMadeInAnotherOrderWithAnotherSearchPathReadsTheSame() throws SQLException {
        // the same objects, made backwards where dependencies allow and with the path the Supabase preparation sets
        TestPostgres.Database other = TestPostgres.newDatabase("snapshot_other_order");
        other.execute("""
                SET search_path = public, pg_catalog;
                CREATE SEQUENCE tickets;
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.created_at := now();
                  RETURN NEW;
                END $$;
                CREATE TYPE pair AS (a int, b text);
                CREATE DOMAIN score AS int CHECK (VALUE >= 0);
                CREATE TYPE mood AS ENUM ('sad', 'happy');
                CREATE TABLE notes (total score, mood mood, created_at timestamptz, body text NOT NULL,
                  id bigint GENERATED ALWAYS AS IDENTITY);
                CREATE PUBLICATION notes_feed FOR TABLE notes;
                GRANT INSERT, SELECT ON notes TO snapshot_reader;
                CREATE POLICY own_notes ON notes FOR SELECT TO snapshot_reader USING (true);
                CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE MATERIALIZED VIEW note_count AS SELECT count(*) AS n FROM notes;
                CREATE VIEW sad_notes AS SELECT id, body FROM notes WHERE mood = 'sad';
                CREATE INDEX notes_body ON notes (body);
                ALTER TABLE notes ADD PRIMARY KEY (id);
                CREATE TABLE labels (name text NOT NULL);
                """);
        SchemaSnapshot mine = snapshot();
        SchemaSnapshot theirs = snapshot(other, SchemaFilter.platformExcluded());
        assertEquals(List.of(), SchemaDiff.between(mine, theirs).lines());
        assertEquals(mine.canonical(), theirs.canonical());
        assertEquals(mine.fingerprint(), theirs.fingerprint());
        assertTrue(mine.size() > 20, mine::canonical);
    }

    @Test
    void readingPutsTheSessionsSearchPathBack() throws SQLException {
        try (Connection c = db.connect()) {
            c.createStatement().execute("SET search_path = public, extensions");
            SchemaSnapshot.read(c, SchemaFilter.platformExcluded());
            try (var rs = c.createStatement().executeQuery("SHOW search_path")) {
                rs.next();
                assertEquals("public, extensions", rs.getString(1));
            }
        }
    }
}
