package ai.pmoves.engine.drift;

import ai.pmoves.engine.server.PostgresServer;

/** Starts a throwaway server of a major version (the build tool resolves the engines' binaries). */
@FunctionalInterface
public interface ThrowawayStarter {
    /** A started server of PostgreSQL {@code majorVersion} ({@code 15}, {@code 17}); the caller closes it. */
    PostgresServer start(String majorVersion);
}
