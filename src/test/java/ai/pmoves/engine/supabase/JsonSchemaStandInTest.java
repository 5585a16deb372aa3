package ai.pmoves.engine.supabase;

import static ai.pmoves.engine.supabase.SupabasePreparationTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pg_jsonschema stand-in under supabaseCompat=emulate on a bare PostgreSQL 17, which has no pg_jsonschema. */
class JsonSchemaStandInTest {
    static Emulated emulated;

    @BeforeAll
    static void emulated() throws SQLException {
        emulated = Emulated.database("jsonschema"); // the functions are immutable: one database serves every case
    }

    /** Each keyword the stand-in checks: a schema, a document it accepts, and one it refuses with the error. */
    static Stream<Arguments> keywords() {
        return Stream.of(
                Arguments.of("type", "{\"type\": \"string\"}", "\"a\"", "1", "1 is not of type \"string\""),
                Arguments.of("type integer", "{\"type\": \"integer\"}", "2.0", "2.5", "2.5 is not of type \"integer\""),
                Arguments.of("type list", "{\"type\": [\"string\", \"null\"]}", "null", "true",
                        "true is not of type \"string\", \"null\""),
                Arguments.of("properties", "{\"properties\": {\"age\": {\"type\": \"number\"}}}", "{\"age\": 3}",
                        "{\"age\": \"3\"}", "\"3\" is not of type \"number\""),
                Arguments.of("required", "{\"required\": [\"id\"]}", "{\"id\": 1}", "{\"name\": \"x\"}",
                        "\"id\" is a required property"),
                Arguments.of("additionalProperties false", "{\"properties\": {\"a\": {}}, \"additionalProperties\": false}",
                        "{\"a\": 1}", "{\"a\": 1, \"b\": 2}", "Additional properties are not allowed ('b' was unexpected)"),
                Arguments.of("additionalProperties schema", "{\"additionalProperties\": {\"type\": \"boolean\"}}",
                        "{\"x\": true}", "{\"x\": 1}", "1 is not of type \"boolean\""),
                Arguments.of("items", "{\"items\": {\"type\": \"integer\"}}", "[1, 2]", "[1, \"x\"]",
                        "\"x\" is not of type \"integer\""),
                Arguments.of("enum", "{\"enum\": [\"draft\", \"paid\"]}", "\"paid\"", "\"lost\"",
                        "\"lost\" is not one of [\"draft\", \"paid\"]"),
                Arguments.of("const", "{\"const\": {\"v\": 1}}", "{\"v\": 1.0}", "{\"v\": 2}", "{\"v\": 1} was expected"),
                Arguments.of("minimum", "{\"minimum\": 0}", "0", "-1", "-1 is less than the minimum of 0"),
                Arguments.of("maximum", "{\"maximum\": 10}", "10", "10.5", "10.5 is greater than the maximum of 10"),
                Arguments.of("exclusiveMinimum", "{\"exclusiveMinimum\": 0}", "0.1", "0",
                        "0 is less than or equal to the minimum of 0"),
                Arguments.of("minLength", "{\"minLength\": 2}", "\"ab\"", "\"é\"", "\"é\" is shorter than 2 characters"),
                Arguments.of("maxLength", "{\"maxLength\": 3}", "\"abc\"", "\"abcd\"", "\"abcd\" is longer than 3 characters"),
                Arguments.of("pattern", "{\"pattern\": \"^[a-z]+-[0-9]+$\"}", "\"inv-42\"", "\"INV-42\"",
                        "\"INV-42\" does not match \"^[a-z]+-[0-9]+$\""),
                Arguments.of("anyOf", "{\"anyOf\": [{\"type\": \"string\"}, {\"minimum\": 5}]}", "7", "3",
                        "3 is not valid under any of the schemas listed in the 'anyOf' keyword"),
                Arguments.of("oneOf", "{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 5}]}", "2", "7",
                        "7 is valid under more than one of the schemas listed in the 'oneOf' keyword"),
                Arguments.of("allOf", "{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 1}]}", "\"a\"", "\"ab\"",
                        "\"ab\" is longer than 1 character"),
                Arguments.of("nested", "{\"properties\": {\"lines\": {\"items\": {\"required\": [\"sku\"]}}}}",
                        "{\"lines\": [{\"sku\": \"a\"}]}", "{\"lines\": [{\"sku\": \"a\"}, {}]}",
                        "\"sku\" is a required property"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keywords")
    void eachKeywordAcceptsAValidDocumentAndRefusesAnInvalidOne(String keyword, String schema, String valid,
                                                               String invalid, String error) throws Exception {
        try (Connection c = emulated.connect();
             PreparedStatement ps = c.prepareStatement("SELECT jsonb_matches_schema(?::json, ?::jsonb) || '|'"
                     + " || json_matches_schema(?::json, ?::json) || '|'"
                     + " || array_to_string(jsonschema_validation_errors(?::json, ?::json), '; ')")) {
            assertEquals("true|true|", answer(ps, schema, valid), keyword + " accepts " + valid);
            assertEquals("false|false|" + error, answer(ps, schema, invalid), keyword + " refuses " + invalid);
        }
    }

    @Test
    void aKeywordItDoesNotCheckLeavesTheRestOfTheSchemaChecked() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            String schema = "'{\"type\": \"object\", \"required\": [\"email\"], \"properties\": {\"email\":"
                    + " {\"type\": \"string\", \"format\": \"email\"}, \"home\": {\"$ref\": \"#/$defs/address\"}}}'";
            assertEquals("true", single(st, "SELECT jsonb_matches_schema(" + schema + ", '{\"email\": \"not-an-email\","
                    + " \"home\": 7}')::text"), "format and $ref are not checked");
            assertEquals("false", single(st, "SELECT jsonb_matches_schema(" + schema + ", '{\"email\": 7}')::text"),
                    "type and required still are");
        }
    }

    @Test
    void theLineNamesTheKeywordsItDoesNotCheck() {
        String line = emulated.line("stand-in pg_jsonschema (for pg_jsonschema)");
        assertTrue(line.contains("they do not check $ref, $defs, format, patternProperties")
                && line.endsWith("(a schema that uses them is validated for the rest)"), line);
    }

    @Test
    void jsonschemaIsValidTellsAWellFormedSchemaFromABrokenOne() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            assertEquals("true|true|false|false|false|false", single(st, "SELECT"
                    + " jsonschema_is_valid('{\"type\": \"object\", \"properties\": {\"a\": {\"type\": [\"string\"]}}}')"
                    + " || '|' || jsonschema_is_valid('true')"
                    + " || '|' || jsonschema_is_valid('{\"type\": \"text\"}')"
                    + " || '|' || jsonschema_is_valid('{\"required\": \"id\"}')"
                    + " || '|' || jsonschema_is_valid('{\"properties\": {\"a\": {\"minLength\": -1}}}')"
                    + " || '|' || jsonschema_is_valid('{\"pattern\": \"(\"}')"));
        }
    }

    @Test
    void aCheckConstraintAsADumpWritesItRefusesARowThatDoesNotMatch() throws Exception {
        try (Connection c = emulated.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE public.products (
                      id bigint PRIMARY KEY,
                      attributes jsonb NOT NULL,
                      CONSTRAINT attributes_shape CHECK ("extensions"."jsonb_matches_schema"('{"type": "object",
                        "required": ["color"], "properties": {"color": {"enum": ["red", "blue"]}},
                        "additionalProperties": false}'::"json", "attributes"))
                    );
                    INSERT INTO public.products VALUES (1, '{"color": "red"}')""");
            SQLException e = assertThrows(SQLException.class,
                    () -> st.execute("INSERT INTO public.products VALUES (2, '{\"color\": \"green\"}')"));
            assertEquals("23514", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void underAutoACheckCallingItIsTheServersLackAndTheWayOutIsEmulate() throws Exception {
        try (Connection c = TestPostgres.newDatabase("jsonschema_auto").connect();
             Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            SQLException e = assertThrows(SQLException.class, () -> st.execute("CREATE TABLE public.t (doc jsonb"
                    + " CHECK (jsonb_matches_schema('{\"type\": \"object\"}', doc)))"));
            String advice = MissingPlatform.advice(e, c);
            assertTrue(advice.contains("The file is not at fault: function jsonb_matches_schema comes with the"
                    + " extension pg_jsonschema") && advice.contains("-Dpmoves.supabaseCompat=emulate"), advice);
        }
    }

    private static String answer(PreparedStatement ps, String schema, String document) throws SQLException {
        for (int i = 0; i < 3; i++) {
            ps.setString(2 * i + 1, schema);
            ps.setString(2 * i + 2, document);
        }
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
