package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new goal as Maven builds it: the default directories, withRollback, and a refused name. */
@MojoTest
class NewMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";

    @TempDir
    Path root;

    @Test
    @InjectMojo(goal = "new", pom = POM)
    void writesIntoTheProjectsDefaultDirectories(NewMojo mojo) throws Exception {
        configure(mojo, root);
        mojo.clock = Clock.fixed(Instant.parse("2026-03-01T08:09:10Z"), ZoneOffset.UTC);
        mojo.name = "add feature x";
        mojo.withRollback = true;
        mojo.author = "Ada";
        mojo.execute();
        assertTrue(Files.readString(root.resolve("supabase/migrations/20260301080910_add_feature_x.sql"))
                .contains("-- Author: Ada\n"));
        assertTrue(Files.exists(root.resolve("supabase/rollbacks/20260301080910_add_feature_x.sql")));
    }

    @Test
    @InjectMojo(goal = "new", pom = POM)
    void withoutANameItSaysWhatToGive(NewMojo mojo) throws Exception {
        configure(mojo, root);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("No migration name was given: say what the migration does, e.g. mvn pmoves:new"
                + " -Dpmoves.name=\"add feature x\".", e.getMessage());
        assertFalse(Files.exists(root.resolve("supabase")));
    }

    @Test
    @InjectMojo(goal = "new", pom = POM)
    void anAuthorGivenWithALineBreakIsRefusedNamingTheParameterAndNothingIsWritten(NewMojo mojo) throws Exception {
        configure(mojo, root);
        mojo.name = "add feature x";
        mojo.author = "me\ndrop table a;"; // -Dpmoves.author=$'me\ndrop table a;'
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The author 'me\\ndrop table a;' (pmoves.author) cannot be used: the"
                + " control character U+000A cannot be part of it"), e.getMessage());
        assertFalse(Files.exists(root.resolve("supabase")));
    }

    @Test
    @InjectMojo(goal = "new", pom = POM)
    void kindDefinitionWritesIntoTheDefinitionsDirectoryAndAnotherKindIsRefused(NewMojo mojo) throws Exception {
        configure(mojo, root);
        mojo.name = "order total";
        mojo.kind = "definition";
        mojo.execute();
        assertTrue(Files.readString(root.resolve("supabase/definitions/order_total.sql"))
                .contains("CREATE OR REPLACE FUNCTION public.order_total()"));
        assertFalse(Files.exists(root.resolve("supabase/migrations")));
        mojo.kind = "view";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("kind 'view' (pmoves.kind) is neither migration nor definition.", e.getMessage());
    }
}
