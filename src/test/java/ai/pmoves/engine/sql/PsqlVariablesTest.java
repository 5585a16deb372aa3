package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** psql's :name, :'name' and :"name", substituted where psql substitutes them and nowhere else. */
class PsqlVariablesTest {
    private final PsqlVariables vars = new PsqlVariables(Map.of("owner", "app_owner", "note", "it's",
            "schema", "My \"Schema\"", "limit", "10", "path", "C:\\data"));

    @Test
    void aQuotedLiteralAQuotedIdentifierAndTheTextAsIsAreQuotedAsPsqlQuotesThem() {
        assertEquals("COMMENT ON TABLE t IS 'it''s'", vars.substitute("COMMENT ON TABLE t IS :'note'"));
        assertEquals("CREATE SCHEMA \"My \"\"Schema\"\"\"", vars.substitute("CREATE SCHEMA :\"schema\""));
        assertEquals("SELECT * FROM t LIMIT 10", vars.substitute("SELECT * FROM t LIMIT :limit"));
        assertEquals("SELECT  E'C:\\\\data'", vars.substitute("SELECT :'path'"));
    }

    @Test
    void stringsQuotedNamesCommentsAndDollarBodiesAreLeftAlone() {
        String sql = "SELECT ':owner', \":owner\" -- :owner\n, /* :'owner' */ $$ :owner $$, :owner";
        assertEquals("SELECT ':owner', \":owner\" -- :owner\n, /* :'owner' */ $$ :owner $$, app_owner",
                vars.substitute(sql));
    }

    @Test
    void aPlanShowsThePlainValuesAndLeavesTheSecretOnesAsWritten() {
        PsqlVariables withSecret = new PsqlVariables(Map.of("owner", "app_owner", "api_key", "sk-live-9f8e"),
                java.util.Set.of("api_key"));
        String sql = "ALTER ROLE :\"owner\" SET app.key = :'api_key'";
        assertEquals("ALTER ROLE \"app_owner\" SET app.key = :'api_key'", withSecret.shown(sql));
        // what runs still takes the secret
        assertEquals("ALTER ROLE \"app_owner\" SET app.key = 'sk-live-9f8e'", withSecret.substitute(sql));
    }

    @Test
    void castsSlicesAndUndefinedVariablesAreLeftAsWritten() {
        assertEquals("SELECT x::owner, a[1:2], :nobody, :'nobody', : owner",
                vars.substitute("SELECT x::owner, a[1:2], :nobody, :'nobody', : owner"));
    }

    @Test
    void theQuotedReferencesToUndefinedVariablesAreFoundWithTheirOffsets() {
        List<PsqlVariables.Reference> undefined = vars.undefinedQuoted("SELECT :'owner', :'missing', :\"gone\", :bare");
        assertEquals(List.of(":'missing'", ":\"gone\""), undefined.stream().map(PsqlVariables.Reference::written).toList());
        assertEquals(17, undefined.get(0).offset());
    }

    @Test
    void aNameNoFileCouldReferToIsRefusedAndValuesNeverShowInItsText() {
        PmovesException e = assertThrows(PmovesException.class, () -> new PsqlVariables(Map.of("my-var", "x")));
        assertTrue(e.getMessage().contains("'my-var'"), e.getMessage());
        assertFalse(vars.toString().contains("app_owner"));
    }

    @Test
    void aMessageQuotingAValueShowsTheReferenceInsteadAndShortValuesAreLeft() {
        assertEquals("invalid input for :'owner' at line 10",
                vars.mask("invalid input for app_owner at line 10"));
    }

    @Test
    void anOffsetInTheSubstitutedTextMapsBackToTheFileAsWritten() {
        String sql = "SELECT :'owner', :nobody, bad";
        String sent = vars.substitute(sql); // SELECT 'app_owner', :nobody, bad
        assertEquals(sql.indexOf("bad"), vars.offsetAsWritten(sql, sent.indexOf("bad")));
        assertEquals(sql.indexOf(":'owner'"), vars.offsetAsWritten(sql, sent.indexOf("app_owner")));
        assertEquals(3, vars.offsetAsWritten(sql, 3));
    }
}
