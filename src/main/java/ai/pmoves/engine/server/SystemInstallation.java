package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PostgreSQL installed on this machine, from the distribution's packages, Homebrew, Postgres.app or the Windows
 * installer: the folder of its {@code initdb}, {@code pg_ctl} and {@code postgres}, its major version, and the
 * extensions it has ({@code <sharedir>/extension/<name>.control}), which the distribution's packages add to (Debian's
 * {@code postgresql-17-pgvector}, {@code brew install pgvector}).
 */
public final class SystemInstallation {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    private static final String EXE = System.getProperty("os.name", "").toLowerCase().contains("windows") ? ".exe" : "";

    private final Path bin;
    private final int major;
    private final String version;
    private final Path sharedir;
    private final Path pkglibdir;

    private SystemInstallation(Path bin, int major, String version, Path sharedir, Path pkglibdir) {
        this.bin = bin;
        this.major = major;
        this.version = version;
        this.sharedir = sharedir;
        this.pkglibdir = pkglibdir;
    }

    /**
     * The installation to run: {@code postgresBin} when given, else the first found of {@link #candidates}.
     *
     * @param postgresVersion a major version to prefer, or null for the newest found
     * @throws PmovesException naming the places looked at and how to install one
     */
    public static SystemInstallation find(Path postgresBin, String postgresVersion, Map<String, String> env) {
        return lookup(postgresBin, postgresVersion, env).orElseThrow(() -> new PmovesException("engine=system found no"
                + " PostgreSQL" + (postgresVersion == null ? "" : " " + postgresVersion) + " installed on this machine"
                + " (looked in " + candidates(postgresVersion, env) + "). Install one (Debian and Ubuntu: apt install"
                + " postgresql-17; macOS: brew install postgresql@17), or set postgresBin (-Dpmoves.postgresBin) to its"
                + " bin folder, or use engine=embedded."));
    }

    /**
     * As {@link #find}, but none found is an empty answer, for engine=auto. A postgresBin that holds none is still an
     * error: the user named that folder, and another server must not be chosen in silence.
     */
    public static Optional<SystemInstallation> lookup(Path postgresBin, String postgresVersion, Map<String, String> env) {
        if (postgresBin != null) {
            return Optional.of(at(postgresBin).orElseThrow(() -> new PmovesException("postgresBin " + postgresBin
                    + " holds no initdb, pg_ctl and postgres: point it at the bin folder of a PostgreSQL installation"
                    + " (for instance /usr/lib/postgresql/17/bin, or the output of pg_config --bindir).")));
        }
        for (Path candidate : candidates(postgresVersion, env)) {
            Optional<SystemInstallation> found = at(candidate);
            if (found.isPresent() && (postgresVersion == null || matches(found.get(), postgresVersion))) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Where to look, in order: {@code pg_config --bindir} and {@code initdb} on the PATH, the distribution's
     * {@code /usr/lib/postgresql/<major>/bin} (the version asked for, else newest first), Homebrew, Postgres.app and the
     * Windows installer's folder.
     */
    public static List<Path> candidates(String postgresVersion, Map<String, String> env) {
        Set<Path> found = new LinkedHashSet<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "pg_config" + EXE))) {
                bindir(Path.of(dir, "pg_config" + EXE)).ifPresent(found::add);
            }
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "initdb" + EXE))) {
                found.add(realDirectory(Path.of(dir, "initdb" + EXE)));
            }
        }
        List<String> majors = new ArrayList<>();
        if (postgresVersion != null) {
            majors.add(postgresVersion.replaceAll("\\..*", ""));
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+"))
                    .sorted(Comparator.comparingInt((String v) -> Integer.parseInt(v)).reversed()).forEach(majors::add);
        } catch (IOException | RuntimeException none) {
            // not a Debian-like system
        }
        for (int v = 18; v >= 14; v--) {
            majors.add(Integer.toString(v));
        }
        for (String major : new LinkedHashSet<>(majors)) {
            found.add(Path.of("/usr/lib/postgresql", major, "bin"));
            found.add(Path.of("/opt/homebrew/opt/postgresql@" + major, "bin"));
            found.add(Path.of("/usr/local/opt/postgresql@" + major, "bin"));
            found.add(Path.of("/Applications/Postgres.app/Contents/Versions", major, "bin"));
            found.add(Path.of("C:\\Program Files\\PostgreSQL", major, "bin"));
        }
        found.add(Path.of("/Applications/Postgres.app/Contents/Versions/latest/bin"));
        return new ArrayList<>(found);
    }

    /** The installation of {@code bin}, if it holds initdb, pg_ctl and postgres that say their version. */
    static Optional<SystemInstallation> at(Path bin) {
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(bin.resolve(tool + EXE))) {
                return Optional.empty();
            }
        }
        Optional<String> said = run(bin.resolve("postgres" + EXE), "--version");
        Matcher m = VERSION.matcher(said.orElse(""));
        if (!m.find()) {
            return Optional.empty();
        }
        Path pgConfig = bin.resolve("pg_config" + EXE);
        Path sharedir = run(pgConfig, "--sharedir").map(String::trim).map(Path::of)
                .orElse(guess(bin, "share", m.group(1)));
        Path pkglibdir = run(pgConfig, "--pkglibdir").map(String::trim).map(Path::of)
                .orElse(guess(bin, "lib", m.group(1)));
        return Optional.of(new SystemInstallation(bin, Integer.parseInt(m.group(1)),
                m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)), sharedir, pkglibdir));
    }

    /** Without pg_config: Debian's /usr/share/postgresql/N, else the installation's own share/postgresql or share. */
    private static Path guess(Path bin, String kind, String major) {
        Path debian = Path.of("/usr", kind, "postgresql", major);
        if (bin.equals(Path.of("/usr/lib/postgresql", major, "bin")) && Files.isDirectory(debian)) {
            return debian;
        }
        Path own = bin.getParent().resolve(kind).resolve("postgresql");
        return Files.isDirectory(own) ? own : bin.getParent().resolve(kind);
    }

    private static boolean matches(SystemInstallation installation, String postgresVersion) {
        String wanted = postgresVersion.trim();
        return wanted.equals(Integer.toString(installation.major)) || installation.version.startsWith(wanted);
    }

    private static Optional<Path> bindir(Path pgConfig) {
        return run(pgConfig, "--bindir").map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
    }

    private static Path realDirectory(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    /** The first line a tool prints, if it runs within ten seconds and succeeds. */
    private static Optional<String> run(Path tool, String argument) {
        if (!Files.isExecutable(tool)) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(tool.toString(), argument).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return out.lines().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The folder of initdb, pg_ctl and postgres. */
    public Path bin() {
        return bin;
    }

    public Path tool(String name) {
        return bin.resolve(name + EXE);
    }

    public int major() {
        return major;
    }

    /** e.g. {@code 15.18}. */
    public String version() {
        return version;
    }

    /** Whether {@code CREATE EXTENSION name} can work on it: its control file is installed. */
    public boolean hasExtension(String name) {
        return Files.exists(sharedir.resolve("extension").resolve(name + ".control"));
    }

    /** Whether a library that {@code shared_preload_libraries} may name is installed. */
    public boolean hasLibrary(String name) {
        return Files.exists(pkglibdir.resolve(name + ".so")) || Files.exists(pkglibdir.resolve(name + ".dylib"))
                || Files.exists(pkglibdir.resolve(name + ".dll"));
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " in " + bin;
    }
}
