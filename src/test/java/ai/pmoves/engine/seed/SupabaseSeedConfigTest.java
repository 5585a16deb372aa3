package ai.pmoves.engine.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** [db.seed] however config.toml writes it, and the rest of the file read past, not misread. */
class SupabaseSeedConfigTest {
    private static SupabaseSeedConfig parse(String toml) {
        return DbSeedToml.parse(toml, "supabase/config.toml");
    }

    @Test
    void dottedKeysAndInlineTablesSetDbSeedAsATableHeaderDoes() {
        assertEquals(new SupabaseSeedConfig(false, List.of("./seed.sql"), false),
                parse("[db]\nport = 54322\nseed = { enabled = false }\n"));
        assertEquals(new SupabaseSeedConfig(true, List.of("a.sql", "b.sql"), true),
                parse("db.seed.sql_paths = ['a.sql', \"b.sql\"]\n"));
        assertEquals(new SupabaseSeedConfig(false, List.of("x.sql"), true),
                parse("[ db . \"seed\" ]\r\nenabled = false\r\nsql_paths = [\r\n  \"x.sql\",\r\n]\r\n"));
    }

    @Test
    void whatLooksLikeDbSeedInsideAStringOrAnotherTableIsNotIt() {
        assertEquals(SupabaseSeedConfig.CLI_DEFAULT, parse("""
                [auth.email.template.invite]
                subject = "You are invited"
                body = \"\"\"
                [db.seed]
                enabled = false
                \"\"\"
                note = 'enabled = false # not a comment'

                [[auth.hook.custom]]
                enabled = false

                [db.pooler]
                enabled = false
                """));
    }

    @Test
    void escapesInBasicStringsAreReadAsTomlReadsThem() {
        assertEquals(List.of("seeds/a b.sql", "seeds\\c.sql", "é.sql"),
                parse("[db.seed]\nsql_paths = [\"seeds/a\\u0020b.sql\", 'seeds\\c.sql', \"\\u00e9.sql\"]\n")
                        .sqlPaths());
    }
}
