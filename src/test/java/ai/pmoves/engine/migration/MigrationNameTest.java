package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationNameTest {
    @Test
    void fullTimestampKeepsItsDigitsAsVersion() {
        MigrationName n = MigrationName.parse("20250115000000_service_catalog.sql");
        assertEquals("20250115000000", n.version());
        assertEquals("20250115000000", n.orderKey());
        assertEquals("service_catalog", n.description());
    }

    @Test
    void dateOnlyIsRecordedAsWrittenAndPaddedForOrder() {
        MigrationName n = MigrationName.parse("20250115_persona_agent_creation.sql");
        assertEquals("20250115", n.version());
        assertEquals("20250115000000", n.orderKey());
        assertEquals("persona_agent_creation", n.description());
    }

    @Test
    void dashedDateIsRecordedAsTheWholeStem() {
        MigrationName n = MigrationName.parse("2025-09-08_geometry_bus.sql");
        assertEquals("2025-09-08_geometry_bus", n.version());
        assertEquals("20250908000000", n.orderKey());
        assertEquals("geometry_bus", n.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1__init.sql", "2025_09_08_x.sql", "20250115.sql", "2025-9-8_x.sql", "init.sql",
            "202501150000_short.sql", "20251315_bad_month.sql", "20250115250000_bad_hour.sql", "2025-09-08.sql"})
    void badNamesAreRefusedWithTheAcceptedForms(String name) {
        PmovesException e = assertThrows(PmovesException.class, () -> MigrationName.parse(name));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("YYYY-MM-DD_description.sql"), e.getMessage());
    }

    @Test
    void orderKeyOfRecordedVersions() {
        assertEquals("20250115000000", MigrationName.orderKeyOfVersion("20250115"));
        assertEquals("20250115123456", MigrationName.orderKeyOfVersion("20250115123456"));
        assertEquals("20250908000000", MigrationName.orderKeyOfVersion("2025-09-08_geometry_bus"));
        assertNull(MigrationName.orderKeyOfVersion("001"));
    }
}
