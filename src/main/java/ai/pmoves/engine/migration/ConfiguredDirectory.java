package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory the files come from, and whether the user set it. The rule it carries: a missing default directory
 * holds no files (the plugin's defaults need not exist in every project), a missing configured one is an error naming
 * its parameter (a typo in a path must not read as "nothing to do").
 *
 * @param path       where it is
 * @param configured whether the user set it, rather than the plugin's default
 * @param project    the project directory, which a file linked from here may lead out of; null when unknown
 * @param strictNames for the migrations directory: whether a {@code .sql} file whose name is no migration's is an
 *                    error rather than skipped with a warning, as the Supabase CLI skips it
 * @param checksumCache for the migrations directory: the file that remembers its files' checksums between runs
 *                      ({@link ChecksumCache}); null to hash every file every run
 */
public record ConfiguredDirectory(Path path, boolean configured, Path project, boolean strictNames,
                                  Path checksumCache) {

    /** A directory the user set: it must exist. */
    public static ConfiguredDirectory configured(Path path) {
        return new ConfiguredDirectory(path, true, null, false, null);
    }

    /** The plugin's default directory: it may be missing. */
    public static ConfiguredDirectory byDefault(Path path) {
        return new ConfiguredDirectory(path, false, null, false, null);
    }

    /** {@link #configured(Path)} or {@link #byDefault(Path)}, as the user's configuration says. */
    public static ConfiguredDirectory of(Path path, boolean configured) {
        return new ConfiguredDirectory(path, configured, null, false, null);
    }

    /** This directory, of the project in {@code project}: a file linked from here to outside it is said to be. */
    public ConfiguredDirectory inProject(Path project) {
        return new ConfiguredDirectory(path, configured, project, strictNames, checksumCache);
    }

    /** This directory, where a {@code .sql} file whose name is no migration's is refused ({@code strictFileNames}). */
    public ConfiguredDirectory withStrictNames(boolean strictNames) {
        return new ConfiguredDirectory(path, configured, project, strictNames, checksumCache);
    }

    /** This directory, whose files' checksums {@code checksumCache} remembers between runs ({@link ChecksumCache}). */
    public ConfiguredDirectory withChecksumCache(Path checksumCache) {
        return new ConfiguredDirectory(path, configured, project, strictNames, checksumCache);
    }

    /**
     * Whether the directory exists; a configured one that does not is an error naming {@code parameter}.
     *
     * @param parameter the parameter that gives the directory, e.g. {@code migrationsDirectory}
     */
    public boolean exists(String parameter) {
        if (Files.isDirectory(path)) {
            return true;
        }
        if (configured) {
            throw new PmovesException("The configured " + parameter + " '" + Printable.of(path) + "' does not exist"
                    + " or is not a directory: create it, or fix the path in <" + parameter + "> / -Dpmoves."
                    + parameter + ".");
        }
        return false;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
