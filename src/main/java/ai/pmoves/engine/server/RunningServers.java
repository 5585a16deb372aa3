package ai.pmoves.engine.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers this build started, by instance name, so {@code stop} finds what {@code start} began. Lives as long as
 * the plugin's class loader, which is the build.
 */
public final class RunningServers {
    private static final Map<String, PostgresServer> SERVERS = new LinkedHashMap<>();

    private RunningServers() {
    }

    public static synchronized void register(String instance, PostgresServer server) {
        SERVERS.put(instance, server);
    }

    public static synchronized PostgresServer get(String instance) {
        return SERVERS.get(instance);
    }

    /** Removes and returns the named server, or every server when {@code instance} is null. */
    public static synchronized List<Map.Entry<String, PostgresServer>> remove(String instance) {
        List<Map.Entry<String, PostgresServer>> removed = new ArrayList<>();
        if (instance == null) {
            SERVERS.forEach((name, server) -> removed.add(Map.entry(name, server)));
            SERVERS.clear();
        } else if (SERVERS.containsKey(instance)) {
            removed.add(Map.entry(instance, SERVERS.remove(instance)));
        }
        return removed;
    }
}
