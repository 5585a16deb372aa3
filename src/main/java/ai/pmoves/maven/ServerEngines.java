package ai.pmoves.maven;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.server.DockerEngine;
import ai.pmoves.engine.server.DockerServer;
import ai.pmoves.engine.server.EmbeddedBinaries;
import ai.pmoves.engine.server.EmbeddedEngine;
import ai.pmoves.engine.server.EngineChoice;
import ai.pmoves.engine.server.PostgresServer;
import ai.pmoves.engine.server.Preloads;
import ai.pmoves.engine.server.SystemInstallation;
import ai.pmoves.engine.server.SystemServer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Starts throwaway servers with the engines of {@code pmoves:start} (embedded, system, docker), resolving the embedded
 * engine's library and binaries through Maven: for {@code start} and for {@code drift}'s scratch server.
 */
final class ServerEngines {
    /** zonky's log level, for Maven 4's logger and for Maven 3's SLF4J simple logger. */
    private static final List<String> ZONKY_LOG_LEVEL = List.of("maven.logger.log.io.zonky.test",
            "org.slf4j.simpleLogger.log.io.zonky.test");

    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final EngineLog log;

    ServerEngines(RepositorySystem repositorySystem, RepositorySystemSession session, List<RemoteRepository> repositories,
                  EngineLog log) {
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.repositories = repositories;
        this.log = log;
    }

    /** One server of {@code engine}, for files that create no extension that must be preloaded. */
    PostgresServer start(String engine, String version, File postgresBin, String image, int port, Path serverLog,
                         Path home) {
        return start(engine, version, postgresBin, image, port, serverLog, home, Set::of);
    }

    /**
     * One server of {@code engine}; {@code version}, {@code postgresBin} and {@code image} as start's parameters.
     *
     * @param created the extensions the files create: what {@code auto} chooses by, and what a server preloads; read
     *                only for an engine that uses them (not for docker)
     */
    PostgresServer start(String engine, String version, File postgresBin, String image, int port, Path serverLog,
                         Path home, Supplier<Set<String>> extensions) {
        Set<String> created = engine.equals("docker") ? Set.of() : extensions.get();
        Path bin = postgresBin == null ? null : postgresBin.toPath();
        Optional<SystemInstallation> installation = Optional.empty();
        String chosen = engine;
        if (engine.equals("auto")) {
            EngineChoice choice = EngineChoice.auto(created, SystemInstallation.lookup(bin, version, System.getenv()),
                    DockerEngine.available(System.getenv()), image);
            log.info("engine=auto chose " + choice.engine() + ": " + choice.why() + ".");
            chosen = choice.engine();
            installation = choice.system();
        }
        return switch (chosen) {
            case "embedded" -> embedded(version, port, serverLog, home,
                    Preloads.settings(created, EmbeddedBinaries.EXTENSIONS::contains));
            case "system" -> system(installation.orElseGet(() -> SystemInstallation.find(bin, version,
                    System.getenv())), port, serverLog, home, created);
            case "docker" -> {
                DockerEngine.requireAvailable(System.getenv());
                yield DockerServer.start(image);
            }
            default -> throw new PmovesException("engine '" + engine + "' is unknown: use auto, embedded, system or"
                    + " docker.");
        };
    }

    private PostgresServer system(SystemInstallation installation, int port, Path serverLog, Path home,
                                  Set<String> created) {
        log.info("PostgreSQL's own log: " + serverLog);
        return SystemServer.start(installation, port, serverLog, home, SystemServer.preloads(installation, created));
    }

    private PostgresServer embedded(String version, int port, Path serverLog, Path home, Map<String, String> settings) {
        String coordinates = EmbeddedBinaries.coordinates(version, System.getProperty("os.name"),
                System.getProperty("os.arch"));
        Path binaries;
        try {
            binaries = repositorySystem.resolveArtifact(session,
                    new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null))
                    .getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new PmovesException("Cannot resolve the PostgreSQL binaries " + coordinates + ": " + e.getMessage()
                    + ". Check the network or the repositories, or choose another postgresVersion.", e);
        }
        // zonky logs initdb's output at INFO; the server's own log goes to a file instead of the build log. Maven 4
        // reads its own property first, and warns about the older one only when its own is unset.
        for (String property : ZONKY_LOG_LEVEL) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
        log.info("PostgreSQL's own log: " + serverLog);
        return EmbeddedEngine.start(engineLibrary(), binaries, EmbeddedBinaries.release(version), port, serverLog, home,
                settings);
    }

    /**
     * The zonky library and its dependencies, resolved now rather than declared by the plugin: every other goal then
     * loads a plugin of two jars. Its default binaries (PostgreSQL 14, every platform) are left out, and so are the
     * libraries it declares optional (Flyway, Liquibase): asked for as a dependency rather than as the root of the
     * resolution, its optional dependencies are not followed.
     */
    private List<Path> engineLibrary() {
        Dependency library = new Dependency(new DefaultArtifact(EmbeddedEngine.LIBRARY), "runtime", false,
                List.of(new Exclusion(EmbeddedBinaries.GROUP_ID, "*", "*", "*")));
        CollectRequest request = new CollectRequest(List.of(library), List.of(), repositories);
        try {
            return repositorySystem.resolveDependencies(session, new DependencyRequest(request, null))
                    .getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(artifact -> artifact.getFile().toPath())
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new PmovesException("Cannot resolve the embedded engine " + EmbeddedEngine.LIBRARY + ": "
                    + e.getMessage() + ". Check the network or the repositories, or use engine=docker.", e);
        }
    }
}
