package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The servers this build started, so {@code stop} finds what {@code start} began. Lives as long as the plugin's class
 * loader, which is the build, and is shared by every module of it, which under {@code -T} run at once: a server
 * belongs to its project (the owner) and instance name, and its key is reserved before the seconds a start takes, so
 * two starts of one key cannot both begin and a stop never takes another project's server.
 */
public final class RunningServers {
    private static final Map<Key, PostgresServer> SERVERS = new LinkedHashMap<>();
    /** Reserved keys whose server is still starting: stop leaves them alone. */
    private static final Set<Key> STARTING = new HashSet<>();

    private record Key(String owner, String instance) {
    }

    private RunningServers() {
    }

    /** Claims {@code owner}'s {@code instance}, or fails when it is running or starting; then register or release. */
    public static synchronized void reserve(String owner, String instance) {
        Key key = new Key(owner, instance);
        if (SERVERS.containsKey(key) || STARTING.contains(key)) {
            throw new PmovesException("A server named '" + instance + "' is already running in this build: give"
                    + " the second start execution another <instance> (and <propertyPrefix>).");
        }
        STARTING.add(key);
    }

    /** The started server of a reserved key. */
    public static synchronized void register(String owner, String instance, PostgresServer server) {
        Key key = new Key(owner, instance);
        STARTING.remove(key);
        SERVERS.put(key, server);
    }

    /** Gives up a reservation whose server did not start. */
    public static synchronized void release(String owner, String instance) {
        STARTING.remove(new Key(owner, instance));
    }

    /**
     * Removes and returns {@code owner}'s named server, or every server of {@code owner} when {@code instance} is null,
     * by instance name. Other owners' servers, and servers still starting, stay.
     */
    public static synchronized List<Map.Entry<String, PostgresServer>> remove(String owner, String instance) {
        List<Map.Entry<String, PostgresServer>> removed = new ArrayList<>();
        SERVERS.entrySet().removeIf(entry -> {
            Key key = entry.getKey();
            boolean taken = key.owner().equals(owner)
                    && (instance == null || key.instance().equals(instance));
            if (taken) {
                removed.add(Map.entry(key.instance(), entry.getValue()));
            }
            return taken;
        });
        return removed;
    }
}
