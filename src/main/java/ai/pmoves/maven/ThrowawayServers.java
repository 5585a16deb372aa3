package ai.pmoves.maven;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.project.MavenProject;

/**
 * The servers {@code pmoves:start} started in this build, as a project property of their host:port pairs: throwaway
 * servers, on which {@code bootstrap}'s default {@code supabaseCompat} is {@code emulate}.
 */
final class ThrowawayServers {
    static final String PROPERTY = "pmoves.throwawayServers";
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/?]+)");

    private ThrowawayServers() {
    }

    /** Records the server of {@code url} as a throwaway of this build. */
    static synchronized void add(MavenProject project, String url) {
        String known = project.getProperties().getProperty(PROPERTY, "");
        project.getProperties().setProperty(PROPERTY, (known.isEmpty() ? "" : known + " ") + hostPort(url));
    }

    /** Whether {@code url} points at a server {@link #add} recorded (any database of it). */
    static synchronized boolean contains(MavenProject project, String url) {
        String hostPort = project == null || url == null ? null : hostPort(url);
        return hostPort != null && Arrays.asList(project.getProperties().getProperty(PROPERTY, "").split(" "))
                .contains(hostPort);
    }

    private static String hostPort(String url) {
        Matcher m = HOST_PORT.matcher(url);
        return m.find() ? m.group(1) : null;
    }
}
