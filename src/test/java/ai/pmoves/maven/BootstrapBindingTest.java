package ai.pmoves.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** When validate may assume that pmoves:bootstrap creates the Supabase roles. */
class BootstrapBindingTest {
    private static final String G = "ai.pmoves";
    private static final String A = "pmoves-maven-plugin";

    private static MavenProject project(String goal, String supabaseCompat) {
        PluginExecution execution = new PluginExecution();
        execution.addGoal(goal);
        if (supabaseCompat != null) {
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            Xpp3Dom compat = new Xpp3Dom("supabaseCompat");
            compat.setValue(supabaseCompat);
            configuration.addChild(compat);
            execution.setConfiguration(configuration);
        }
        Plugin plugin = new Plugin();
        plugin.setGroupId(G);
        plugin.setArtifactId(A);
        plugin.addExecution(execution);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    private static boolean prepares(MavenProject project, List<String> goals, String userCompat) {
        Properties user = new Properties();
        if (userCompat != null) {
            user.setProperty("pmoves.supabaseCompat", userCompat);
        }
        return BootstrapBinding.preparesRoles(project, goals, user, G, A);
    }

    @Test
    void aBoundBootstrapPreparesTheRolesUnlessCompatIsOff() {
        assertTrue(prepares(project("bootstrap", null), List.of("verify"), null));
        assertTrue(prepares(project("bootstrap", "auto"), List.of("verify"), null));
        assertFalse(prepares(project("bootstrap", "off"), List.of("verify"), null));
        assertFalse(prepares(project("bootstrap", "auto"), List.of("verify"), "OFF"));
    }

    @Test
    void bootstrapOnTheCommandLineCountsToo() {
        assertTrue(prepares(project("apply", null), List.of("pmoves:bootstrap", "pmoves:validate"), null));
        assertTrue(prepares(null, List.of(G + ":" + A + ":0.1.0:bootstrap"), null));
        assertFalse(prepares(null, List.of("pmoves:bootstrap"), "off"));
    }

    @Test
    void withoutBootstrapNothingIsPrepared() {
        assertFalse(prepares(project("apply", null), List.of("verify"), null));
        assertFalse(prepares(null, List.of(), null));
    }
}
