package ai.pmoves.engine.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.pmoves.engine.PmovesException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clearFailed as users write it: true, false or unset, or versions; true beside versions is refused. */
class ClearFailedTest {
    @Test
    void trueInAnyCaseClearsEveryFailedRow() {
        assertEquals(new ClearFailed(true, List.of()), ClearFailed.parse("true"));
        assertEquals(new ClearFailed(true, List.of()), ClearFailed.parse(" TRUE "));
    }

    @Test
    void falseUnsetOrBlankClearsNone() {
        for (String none : new String[] {null, "", " ", "false", "False", " , "}) {
            assertEquals(ClearFailed.NONE, ClearFailed.parse(none), String.valueOf(none));
        }
    }

    @Test
    void versionsAreACommaListTrimmedInOrder() {
        assertEquals(new ClearFailed(false, List.of("20250102", "20250103_c.sql")),
                ClearFailed.parse(" 20250102 ,, 20250103_c.sql "));
    }

    @Test
    void trueOrFalseBesideVersionsIsAnErrorThatSaysWhichToGive() {
        PmovesException e = assertThrows(PmovesException.class, () -> ClearFailed.parse("true,20250102"));
        assertEquals("clearFailed 'true,20250102' gives true beside versions: give true (every failed row) or the"
                + " versions only, e.g. -Dpmoves.clearFailed=true or -Dpmoves.clearFailed=20250102.", e.getMessage());
        e = assertThrows(PmovesException.class, () -> ClearFailed.parse("20250102, false"));
        assertEquals("clearFailed '20250102, false' gives false beside versions: give true (every failed row) or the"
                + " versions only, e.g. -Dpmoves.clearFailed=true or -Dpmoves.clearFailed=20250102.", e.getMessage());
    }
}
