package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlIdentifierTest {
    @Test
    void everyKeywordAndOddNameIsQuotedAsTheServersQuoteIdentQuotesIt() throws Exception {
        List<String> names = new ArrayList<>(List.of("schema_migrations", "_x1", "Ops", "my schema", "a\"b", "a$b", "1a",
                "café", ""));
        TestPostgres.Database db = TestPostgres.newDatabase("sql_identifier");
        names.addAll(db.column("SELECT word FROM pg_get_keywords()"));
        List<String> mismatches = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT quote_ident(?)")) {
            for (String name : names) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getString(1).equals(SqlIdentifier.quote(name))) {
                        mismatches.add(name + ": server " + rs.getString(1) + ", plugin " + SqlIdentifier.quote(name));
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches, "a keyword the server's version added belongs in SqlIdentifier.KEYWORDS");
    }
}
