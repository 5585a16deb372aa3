package ai.pmoves.engine.seed;

import java.nio.file.Path;

/**
 * A seed file or init script found on disk.
 *
 * @param file the file
 * @param path what the seed table records: the path relative to the project directory, with {@code /} separators
 *             ({@code supabase/initdb/02_seed.sql}), as the Supabase CLI records its seeds
 */
public record SeedFile(Path file, String path) {
}
