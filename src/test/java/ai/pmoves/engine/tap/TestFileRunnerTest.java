package ai.pmoves.engine.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.pmoves.engine.script.TransactionRules;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlStatementReader;
import org.junit.jupiter.api.Test;

/** Which test files run in the transaction that is rolled back, and which manage their own and run as written. */
class TestFileRunnerTest {
    @Test
    void aWrapperAndSavepointsRunInTheRolledBackTransaction() throws Exception {
        assertNull(own("BEGIN;\nSELECT plan(1);\nSELECT ok(true);\nSELECT * FROM finish();\nROLLBACK;\n"));
        assertNull(own("begin;\nselect plan(1);\nselect ok(true);\ncommit;\n"), "its COMMIT is dropped too");
        assertNull(own("START TRANSACTION;\nSELECT plan(1);\nSAVEPOINT a;\nSELECT ok(true);\nROLLBACK TO SAVEPOINT a;\n"
                + "RELEASE a;\nABORT;\n"));
        assertNull(own("SELECT plan(1);\nSELECT ok(true);\n"));
    }

    @Test
    void anyOtherTransactionControlIsTheFilesOwn() throws Exception {
        assertEquals("BEGIN at line 2", own("SELECT plan(1);\nBEGIN;\nSELECT ok(true);\nROLLBACK;\n"));
        assertEquals("ROLLBACK at line 3", own("BEGIN;\nSELECT plan(2);\nROLLBACK;\nBEGIN;\nSELECT ok(true);\n"
                + "ROLLBACK;\n"));
        assertEquals("COMMIT at line 3", own("BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nSELECT plan(1);\n"));
        assertEquals("BEGIN at line 1", own("BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT plan(1);\nROLLBACK;\n"));
    }

    private static String own(String sql) throws Exception {
        SqlStatement control = TestFileRunner.ownTransactionControl(SqlStatementReader.split(sql));
        return control == null ? null : TransactionRules.describe(control);
    }
}
