package ai.pmoves.maven;

import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Whether this build runs {@code pmoves:bootstrap} with {@code supabaseCompat} other than {@code off}, which creates
 * the Supabase roles before any file runs (design.md: The Supabase platform layer): then {@code validate}'s
 * {@code supabase-roles} rule has nothing to warn about. Read from the POM (an execution of the goal) and from the
 * goals on the command line.
 */
final class BootstrapBinding {
    private static final String GOAL = "bootstrap";
    private static final String PARAMETER = "supabaseCompat";
    private static final String PROPERTY = "pmoves.supabaseCompat";

    private BootstrapBinding() {
    }

    /**
     * @param project        the project, or null outside a project
     * @param commandGoals   the goals given on the command line
     * @param userProperties the {@code -D} properties
     * @param groupId        this plugin's groupId
     * @param artifactId     this plugin's artifactId
     */
    static boolean preparesRoles(MavenProject project, List<String> commandGoals, Properties userProperties,
                                 String groupId, String artifactId) {
        Plugin plugin = project == null ? null : project.getBuild().getPluginsAsMap().get(groupId + ":" + artifactId);
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(GOAL)) {
                    return compatOn(configured(execution.getConfiguration(), plugin), project, userProperties);
                }
            }
        }
        for (String goal : commandGoals) {
            if (goal.equals("pmoves:" + GOAL) || goal.startsWith(groupId + ":" + artifactId + ":") && goal.endsWith(":" + GOAL)) {
                return compatOn(configured(null, plugin), project, userProperties);
            }
        }
        return false;
    }

    /** The supabaseCompat written in the execution's or the plugin's configuration, or null. */
    private static String configured(Object executionConfiguration, Plugin plugin) {
        for (Object configuration : new Object[] {executionConfiguration, plugin == null ? null : plugin.getConfiguration()}) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild(PARAMETER) != null) {
                return dom.getChild(PARAMETER).getValue();
            }
        }
        return null;
    }

    private static boolean compatOn(String configured, MavenProject project, Properties userProperties) {
        String value = userProperties.getProperty(PROPERTY);
        if (value == null) {
            value = configured;
        }
        if (value == null && project != null) {
            value = project.getProperties().getProperty(PROPERTY);
        }
        return value == null || !value.trim().equalsIgnoreCase("off");
    }
}
