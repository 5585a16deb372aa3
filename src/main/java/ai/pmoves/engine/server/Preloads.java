package ai.pmoves.engine.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The extensions whose library the server must load at start ({@code shared_preload_libraries}) before
 * {@code CREATE EXTENSION} works, and the settings that load those a project's files create. Nothing else is
 * loaded: a server with everything preloaded would hide a file that forgot its extension.
 */
public final class Preloads {
    /** Extensions whose library must be in shared_preload_libraries. */
    public static final List<String> LIBRARIES = List.of("pg_cron", "pg_net", "pg_stat_statements", "pgaudit",
            "timescaledb");

    private Preloads() {
    }

    /**
     * The server settings that preload, of {@link #LIBRARIES}, those in {@code created} that the server has. pg_cron's
     * jobs live in the {@code postgres} database, where {@code pmoves.url} points.
     *
     * @param installed whether the server has an extension's library and control file
     */
    public static Map<String, String> settings(Set<String> created, Predicate<String> installed) {
        List<String> libraries = new ArrayList<>();
        for (String library : LIBRARIES) {
            if (created.contains(library) && installed.test(library)) {
                libraries.add(library);
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (!libraries.isEmpty()) {
            settings.put("shared_preload_libraries", String.join(",", libraries));
        }
        if (libraries.contains("pg_cron")) {
            settings.put("cron.database_name", "postgres");
        }
        return settings;
    }
}
