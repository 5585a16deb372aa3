package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * engine=auto's rule: the first engine whose server has every extension the files create — embedded, then the
 * PostgreSQL installed here, then Docker — and the embedded one with the stand-ins when none has them all. The
 * installation is this machine's own (CI installs PostgreSQL 15 with pg_cron and pgTAP); where none is installed,
 * the cases that need one are skipped.
 */
class EngineChoiceTest {
    private static final String IMAGE = "supabase/postgres:15.8.1.085";

    private static SystemInstallation installed(String extension) {
        Optional<SystemInstallation> found = SystemInstallation.lookup(null, null, System.getenv());
        Assumptions.assumeTrue(found.isPresent() && found.get().hasExtension(extension), "no PostgreSQL with "
                + extension + " installed here (apt install postgresql-15 postgresql-15-cron postgresql-15-pgtap)");
        return found.get();
    }

    @Test
    void filesThatCreateOnlyContribExtensionsGetTheEmbeddedServer() {
        EngineChoice choice = EngineChoice.auto(Set.of("pgcrypto", "uuid-ossp"),
                SystemInstallation.lookup(null, null, System.getenv()), true, IMAGE);

        assertEquals("embedded", choice.engine());
        assertEquals("the embedded server has every extension the files create (pgcrypto, uuid-ossp)", choice.why());
    }

    @Test
    void pgCronTakesTheInstalledPostgresThatHasIt() {
        SystemInstallation installation = installed("pg_cron");

        EngineChoice choice = EngineChoice.auto(Set.of("pg_cron", "pgcrypto"), Optional.of(installation), true, IMAGE);

        assertEquals("system", choice.engine());
        assertEquals(Optional.of(installation), choice.system());
        assertEquals("the files create pg_cron, which the embedded server lacks and " + installation + " has",
                choice.why());
    }

    @Test
    void whatTheInstalledPostgresLacksGoesToDockerWhenItAnswers() {
        SystemInstallation installation = installed("pg_cron");
        Assumptions.assumeFalse(installation.hasExtension("no_such_extension"));

        EngineChoice choice = EngineChoice.auto(Set.of("pg_cron", "no_such_extension"), Optional.of(installation), true,
                IMAGE);

        assertEquals("docker", choice.engine());
        assertTrue(choice.why().contains(installation + " lacks no_such_extension"), choice.why());
    }

    @Test
    void whenNoServerHasThemAllTheEmbeddedOneStandsIn() {
        EngineChoice choice = EngineChoice.auto(Set.of("pg_net"), Optional.empty(), false, IMAGE);

        assertEquals("embedded", choice.engine());
        assertEquals("the files create pg_net, which the embedded server lacks, no PostgreSQL is installed on this"
                + " machine, and no Docker engine answers: the embedded server, with the Supabase stand-ins for what"
                + " they cover", choice.why());
    }

    @Test
    void theEmbeddedServerHasEveryExtensionTheRuleCountsOn() throws SQLException {
        // the rule's list of the embedded server's extensions, read back from a server of the embedded binaries
        Set<String> available = new HashSet<>(TestPostgres.newDatabase("embedded_extensions")
                .column("SELECT name FROM pg_available_extensions"));
        Set<String> missing = new HashSet<>(EmbeddedBinaries.EXTENSIONS);
        missing.removeAll(available);

        assertEquals(Set.of(), missing);
    }
}
