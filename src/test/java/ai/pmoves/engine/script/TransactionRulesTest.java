package ai.pmoves.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlStatementReader;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which transaction control is a wrapper (dropped, the file atomic) and which is the file's own (run as written). */
class TransactionRulesTest {
    @Test
    void aWrapperIsNotTheFilesOwn() throws Exception {
        assertNull(own("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n"));
        assertNull(own("start transaction;\nCREATE TABLE a (id int);\nend;\n"));
        assertNull(own("BEGIN WORK;\nCREATE TABLE a (id int);\n"), "a leading BEGIN alone");
        assertNull(own("CREATE TABLE a (id int);\nCOMMIT TRANSACTION;\n"), "a trailing COMMIT alone");
        assertNull(own("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"));
        assertNull(own("DO $$ BEGIN COMMIT; END $$;\nSELECT 'ROLLBACK';\n-- COMMIT;\n"));
    }

    @Test
    void anyOtherTransactionControlIsTheFilesOwn() throws Exception {
        assertEquals("END at line 4", own("begin;\nselect set_config('role', 'authenticated', true);\nselect 1;\n"
                + "end;\ninsert into t values (1);\n"));
        assertEquals("COMMIT at line 2", own("alter type mood add value 'great';\ncommit;\nselect 1;\n"));
        assertEquals("ROLLBACK at line 3", own("BEGIN;\nSELECT 1;\nROLLBACK;\n"));
        assertEquals("SAVEPOINT at line 2", own("SELECT 1;\nSAVEPOINT s;\n"));
        assertEquals("ROLLBACK TO at line 2", own("BEGIN;\nROLLBACK TO SAVEPOINT s;\nCOMMIT;\n"));
        assertEquals("RELEASE at line 2", own("BEGIN;\nRELEASE s;\nCOMMIT;\n"));
        assertEquals("COMMIT at line 2", own("BEGIN;\nCOMMIT AND CHAIN;\n"));
        assertEquals("BEGIN at line 1", own("BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n"));
        assertEquals("ABORT at line 2", own("SELECT 1;\nABORT;\n"));
    }

    @Test
    void aPlainRollbackAndSavepointControlAreToldApart() throws Exception {
        assertEquals(List.of(true, true, true, false, false, false), each(
                "ROLLBACK; rollback work; ABORT TRANSACTION; ROLLBACK TO SAVEPOINT s; ROLLBACK AND CHAIN; COMMIT;",
                TransactionRules::isPlainRollback));
        assertEquals(List.of(true, true, true, true, false, false), each(
                "SAVEPOINT s; RELEASE SAVEPOINT s; ROLLBACK TO s; rollback work to savepoint s; ROLLBACK; BEGIN;",
                TransactionRules::isSavepointControl));
    }

    private static List<Boolean> each(String sql, Predicate<SqlStatement> rule) throws Exception {
        return SqlStatementReader.split(sql).stream().map(rule::test).toList();
    }

    private static String own(String sql) throws Exception {
        SqlStatement control = TransactionRules.ownTransactionControl(SqlStatementReader.split(sql));
        return control == null ? null : TransactionRules.describe(control);
    }
}
