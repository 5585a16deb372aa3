package ai.pmoves.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void localDateTimeIsWhatTheIsoFormatterWrites() {
        for (LocalDateTime t : List.of(LocalDateTime.of(2025, 1, 2, 3, 4, 5), LocalDateTime.of(2025, 12, 31, 23, 59, 0),
                LocalDateTime.of(2026, 11, 26, 0, 0), LocalDateTime.of(2026, 11, 26, 13, 37, 47, 123_456_000),
                LocalDateTime.of(2026, 11, 26, 13, 37, 47, 100_000_000), LocalDateTime.of(999, 1, 1, 1, 1, 1, 1))) {
            assertEquals('"' + t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + '"', Json.localDateTime(t));
        }
        assertEquals("null", Json.localDateTime(null));
    }
}
