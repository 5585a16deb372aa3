package ai.pmoves.engine.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.pmoves.engine.PmovesException;
import org.junit.jupiter.api.Test;

class SeedModeTest {
    @Test
    void parsesWhatUsersWrite() {
        assertEquals(SeedMode.CHANGED, SeedMode.parse("changed", "seedMode"));
        assertEquals(SeedMode.ALWAYS, SeedMode.parse(" Always ", "seedMode"));
        assertEquals(SeedMode.ONCE, SeedMode.parse("ONCE", "seedMode"));
        assertEquals("once", SeedMode.ONCE.label());
    }

    @Test
    void anythingElseIsAnErrorListingTheModes() {
        PmovesException e = assertThrows(PmovesException.class, () -> SeedMode.parse("new", "seedMode"));
        assertEquals("seedMode 'new' is not a seed mode: use changed (run new and changed files, the default), always"
                + " (run every file) or once (never re-run a file that ran).", e.getMessage());
    }
}
