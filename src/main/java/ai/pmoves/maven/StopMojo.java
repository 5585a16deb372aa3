package ai.pmoves.maven;

import ai.pmoves.engine.server.PostgresServer;
import ai.pmoves.engine.server.RunningServers;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Stops the servers {@code pmoves:start} started for this project (this module of the build) and removes their data.
 * With {@code skip}, the servers still stop when the build ends.
 * For example:
 * <pre>mvn pmoves:start … pmoves:stop</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractPmovesMojo {

    /**
     * The server to stop, by the name its start execution gave it; unset stops every server this project started
     * (other modules of a parallel build keep theirs).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.instance")
    protected String instance;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    protected void run() {
        List<Map.Entry<String, PostgresServer>> servers = RunningServers.remove(StartMojo.owner(project), instance);
        if (servers.isEmpty()) {
            getLog().info("No server " + (instance == null ? "" : "named '" + instance + "' ") + "was started for this"
                    + " project in this build: nothing to stop.");
        }
        for (Map.Entry<String, PostgresServer> s : servers) {
            s.getValue().close();
            getLog().info("Stopped " + s.getValue().description() + " (instance " + s.getKey() + ").");
        }
    }
}
