package ai.pmoves.engine.server;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What {@code engine=auto} starts: the first engine whose server has every extension the project's files create —
 * the embedded one, then a PostgreSQL installed on this machine, then Docker — and, when none has them all, the
 * embedded one, where the Supabase preparation stands in for what it can.
 *
 * @param engine {@code embedded}, {@code system} or {@code docker}
 * @param system the installation to run, for {@code system}
 * @param why    one line for the log: what the files create and which server has it
 */
public record EngineChoice(String engine, Optional<SystemInstallation> system, String why) {

    /**
     * @param created the extensions the files create (see {@code CreatedExtensions})
     * @param system  the installation engine=system would run, if there is one
     * @param docker  whether a Docker engine answers and Testcontainers is there
     * @param image   the Docker image engine=docker would run
     */
    public static EngineChoice auto(Set<String> created, Optional<SystemInstallation> system, boolean docker,
                                    String image) {
        Set<String> beyondEmbedded = lacking(created, EmbeddedBinaries.EXTENSIONS::contains);
        if (beyondEmbedded.isEmpty()) {
            return new EngineChoice("embedded", Optional.empty(), created.isEmpty()
                    ? "the files create no extension"
                    : "the embedded server has every extension the files create ("
                    + String.join(", ", new TreeSet<>(created)) + ")");
        }
        String need = "the files create " + String.join(", ", beyondEmbedded) + ", which the embedded server lacks";
        Set<String> beyondSystem = system.map(s -> lacking(created, s::hasExtension)).orElse(beyondEmbedded);
        if (system.isPresent() && beyondSystem.isEmpty()) {
            return new EngineChoice("system", system, need + " and " + system.get() + " has");
        }
        String systemLacks = system.map(s -> s + " lacks " + String.join(", ", beyondSystem))
                .orElse("no PostgreSQL is installed on this machine");
        if (docker) {
            return new EngineChoice("docker", Optional.empty(), need + ", " + systemLacks + ", and a Docker engine"
                    + " answers: the image " + image);
        }
        return new EngineChoice("embedded", Optional.empty(), need + ", " + systemLacks + ", and no Docker engine"
                + " answers: the embedded server, with the Supabase stand-ins for what they cover");
    }

    private static Set<String> lacking(Set<String> created, Predicate<String> has) {
        Set<String> lacking = new TreeSet<>();
        for (String name : created) {
            if (!has.test(name)) {
                lacking.add(name);
            }
        }
        return lacking;
    }
}
