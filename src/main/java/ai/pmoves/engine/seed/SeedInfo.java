package ai.pmoves.engine.seed;

/**
 * One seed file, its row, or both.
 *
 * @param path  the recorded path, relative to the project directory
 * @param file  the file, or null when {@code MISSING}
 * @param row   the seed table's row, or null when {@code PENDING}
 * @param hash  the file's hash, or null when it was not needed (pending, missing)
 */
public record SeedInfo(String path, SeedState state, SeedFile file, SeedRow row, String hash) {
}
