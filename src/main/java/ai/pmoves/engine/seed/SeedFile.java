package ai.pmoves.engine.seed;

import java.nio.file.Path;

/**
 * A seed file or init script found on disk.
 *
 * @param file       the file
 * @param path       what the seed table records: the path relative to the project directory, with {@code /}
 *                   separators ({@code supabase/initdb/02_seed.sql}), as the Supabase CLI records its seeds
 * @param initScript whether it is an init script (from {@code initDirectory}) rather than a seed
 */
public record SeedFile(Path file, String path, boolean initScript) {
    /** A seed file. */
    public SeedFile(Path file, String path) {
        this(file, path, false);
    }
}
