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
    void dateOnlyIsRecordedAndOrderedAsWritten() {
        MigrationName n = MigrationName.parse("20250115_persona_agent_creation.sql");
        assertEquals("20250115", n.version());
        assertEquals("20250115", n.orderKey());
        assertEquals("persona_agent_creation", n.description());
    }

    @Test
    void dashedDateIsRecordedAsTheWholeStem() {
        MigrationName n = MigrationName.parse("2025-09-08_geometry_bus.sql");
        assertEquals("2025-09-08_geometry_bus", n.version());
        assertEquals("20250908", n.orderKey());
        assertEquals("geometry_bus", n.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1__init.sql", "20250115.sql", "2025-9-8_x.sql", "init.sql", "2025-09-08.sql",
            "_x.sql", "20250115_x.SQL", "x20250115_x.sql"})
    void badNamesAreRefusedWithTheAcceptedForms(String name) {
        PmovesException e = assertThrows(PmovesException.class, () -> MigrationName.parse(name));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("YYYY-MM-DD_description.sql"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000001_schema.sql", "0001_init.sql", "1_x.sql", "2025_09_08_x.sql",
            "202501150000_short.sql", "20251315_bad_month.sql", "20250115250000_bad_hour.sql", "0002_.sql"})
    void everyNameTheSupabaseCliAcceptsIsAMigrationVersionedByItsDigitsAsWritten(String name) {
        MigrationName n = MigrationName.parse(name);
        String digits = name.substring(0, name.indexOf('_'));
        assertEquals(digits, n.version());
        assertEquals(digits, n.orderKey());
    }

    @Test
    void anImpossibleDateIsReportedNotRefused() {
        assertEquals("its prefix 20251315 is not a calendar date",
                MigrationName.parse("20251315_bad_month.sql").impossibleDate());
        assertEquals("its prefix 20250230120000 is not a calendar date",
                MigrationName.parse("20250230120000_feb.sql").impossibleDate());
        assertEquals("its prefix 20250115250000 has no valid time of day (hhmmss 250000)",
                MigrationName.parse("20250115250000_bad_hour.sql").impossibleDate());
        assertEquals("its prefix 20230322519590 has no valid time of day (hhmmss 519590)",
                MigrationName.parse("20230322519590_typo.sql").impossibleDate(), "as found in a public project");
        assertEquals("its prefix 2025-02-30 is not a calendar date",
                MigrationName.parse("2025-02-30_x.sql").impossibleDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240229_leap.sql", "20250115235959_x.sql", "2025-09-08_x.sql",
            "00000000000001_schema.sql", "0001_init.sql", "202501150000_short.sql", "09999999_x.sql", "10000000000000_demote.sql", "30001340_x.sql"})
    void aRealDateOrASequenceNumberIsNoFinding(String name) {
        assertNull(MigrationName.parse(name).impossibleDate());
    }

    @Test
    void orderKeyOfRecordedVersions() {
        assertEquals("20250115", MigrationName.orderKeyOfVersion("20250115"));
        assertEquals("20250115123456", MigrationName.orderKeyOfVersion("20250115123456"));
        assertEquals("20250908", MigrationName.orderKeyOfVersion("2025-09-08_geometry_bus"));
        assertEquals("001", MigrationName.orderKeyOfVersion("001"));
        assertNull(MigrationName.orderKeyOfVersion("V1"));
    }
}
