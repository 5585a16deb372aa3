package ai.pmoves.engine.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lock timeout as users write it, and the pauses between tries. */
class LockWaitTest {

    @Test
    void readsMillisecondsSecondsMinutesAndIsoDurations() {
        assertEquals(Duration.ofMillis(500), LockWait.parseDuration("500ms", "migrationLockTimeout"));
        assertEquals(Duration.ofSeconds(5), LockWait.parseDuration(" 5s ", "migrationLockTimeout"));
        assertEquals(Duration.ofMinutes(2), LockWait.parseDuration("2m", "migrationLockTimeout"));
        assertEquals(Duration.ofSeconds(5), LockWait.parseDuration("PT5S", "migrationLockTimeout"));
        assertEquals(Duration.ofMillis(1500), LockWait.parseDuration("pt1.5s", "migrationLockTimeout"));
    }

    @Test
    void aBlankValueIsNoTimeoutAndKeepsTodaysBehaviour() {
        assertNull(LockWait.parseDuration(" ", "migrationLockTimeout"));
        assertEquals(LockWait.NONE, LockWait.of(null));
    }

    @Test
    void aBadValueNamesTheParameterAndTheFormsItTakes() {
        for (String bad : List.of("5", "five seconds", "-5s", "0ms", "PT")) {
            PmovesException e = assertThrows(PmovesException.class,
                    () -> LockWait.parseDuration(bad, "migrationLockTimeout"));
            assertTrue(e.getMessage().startsWith("migrationLockTimeout '" + bad + "' is not a positive duration"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("500ms, 5s, 2m or ISO-8601 PT5S"), e.getMessage());
        }
    }

    @Test
    void aTimeoutComesWithThreeRetriesUnlessToldOtherwise() {
        assertEquals(3, LockWait.of(Duration.ofSeconds(1)).retries());
        assertEquals(0, LockWait.of(Duration.ofSeconds(1)).withRetries(0).retries());
    }

    @Test
    void theTimeoutIsSetInMillisecondsForTheTransactionOrTheSession() {
        LockWait wait = LockWait.of(Duration.parse("PT1.5S"));
        assertEquals("SET LOCAL lock_timeout = '1500ms'", wait.setLocal());
        assertEquals("SET lock_timeout = '1500ms'", wait.setForSession());
    }

    @Test
    void thePauseDoublesFromOneSecondUpToThirty() {
        List<Long> seconds = IntStream.rangeClosed(1, 8).mapToObj(LockWait::backoff).map(Duration::toSeconds).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }
}
