package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.sql.SqlToken.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlTokensTest {

    private static String kinds(String sql) {
        return SqlTokens.of(sql).stream().map(t -> t.kind() + ":" + t.text()).collect(Collectors.joining(" "));
    }

    @Test
    void wordsNamesAndSymbols() {
        assertEquals("WORD:CREATE WORD:TABLE WORD:public SYMBOL:. QUOTED_NAME:\"New \"\"x\"\"\" SYMBOL:( WORD:id"
                + " WORD:int SYMBOL:)", kinds("CREATE TABLE public.\"New \"\"x\"\"\" (id int)"));
        SqlToken quoted = SqlTokens.of("\"New \"\"x\"\"\"").get(0);
        assertEquals("New \"x\"", quoted.name());
        assertEquals("mixedcase", SqlTokens.of("MixedCase").get(0).name());
    }

    @Test
    void commentsAreNotTokensAndNest() {
        assertEquals("WORD:SELECT NUMBER:1", kinds("SELECT /* a /* uuid_generate_v4() */ b */ 1 -- uuid_generate_v4()"));
    }

    @Test
    void stringsAreSingleTokensWithEveryPrefix() {
        assertEquals("STRING:'it''s' STRING:E'a\\'b' STRING:B'101' STRING:U&'d\\0061' QUOTED_NAME:U&\"d\"",
                kinds("'it''s' E'a\\'b' B'101' U&'d\\0061' U&\"d\""));
    }

    @Test
    void dollarBodiesParametersAndDollarInNames() {
        List<SqlToken> t = SqlTokens.of("DO $body$ BEGIN PERFORM uuid_generate_v4(); END $body$; SELECT $1, a$b");
        assertEquals(Kind.DOLLAR_STRING, t.get(1).kind());
        assertEquals(" BEGIN PERFORM uuid_generate_v4(); END ", t.get(1).body());
        assertEquals(Kind.PARAMETER, t.get(4).kind());
        assertEquals("a$b", t.get(6).text());
        assertNull(t.get(1).name());
    }

    @Test
    void insideReadsABodyWithOffsetsInTheOuterText() {
        String sql = "DO $$ BEGIN CREATE ROLE anon; END $$";
        SqlToken body = SqlTokens.of(sql).get(1);
        List<SqlToken> inner = SqlTokens.inside(body);
        SqlToken role = inner.get(3);
        assertEquals("anon", role.text());
        assertEquals(sql.indexOf("anon"), role.offset());
        assertTrue(inner.get(0).isWord("begin"));
    }

    @Test
    void anUnterminatedQuoteInsideABodyRunsToTheEnd() {
        List<SqlToken> t = SqlTokens.inside(SqlTokens.of("$$ SELECT 'open $$").get(0));
        assertEquals(List.of(Kind.WORD, Kind.STRING), t.stream().map(SqlToken::kind).toList());
        assertEquals("'open ", t.get(1).text());
    }
}
