package ai.pmoves.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Which servers bootstrap treats as throwaways: those pmoves:start started in this build. */
class ThrowawayServersTest {

    @Test
    void anyDatabaseOfAStartedServerIsAThrowawayAndNoOtherServerIs() {
        MavenProject project = new MavenProject(new Model());
        assertFalse(ThrowawayServers.contains(project, "jdbc:postgresql://localhost:40001/postgres"));
        ThrowawayServers.add(project, "jdbc:postgresql://localhost:40001/postgres");
        ThrowawayServers.add(project, "jdbc:postgresql://localhost:40002/postgres");
        assertTrue(ThrowawayServers.contains(project, "jdbc:postgresql://localhost:40001/postgres"));
        assertTrue(ThrowawayServers.contains(project, "jdbc:postgresql://localhost:40002/app?sslmode=disable"));
        assertFalse(ThrowawayServers.contains(project, "jdbc:postgresql://localhost:4000/postgres"));
        assertFalse(ThrowawayServers.contains(project, "jdbc:postgresql://db.example.org:40001/postgres"));
        assertFalse(ThrowawayServers.contains(project, null));
    }
}
