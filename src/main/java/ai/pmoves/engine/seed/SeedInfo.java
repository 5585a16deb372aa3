package ai.pmoves.engine.seed;

/**
 * One seed file, its row, or both.
 *
 * @param path       the recorded path, relative to the project directory
 * @param file       the file, or null when {@code MISSING}
 * @param row        the seed table's row, or null when {@code PENDING}
 * @param hash       the file's hash, or null when it was not needed (pending, missing)
 * @param initScript whether it is (or was, when missing) an init script rather than a seed
 */
public record SeedInfo(String path, SeedState state, SeedFile file, SeedRow row, String hash, boolean initScript) {
    /** A seed file's state. */
    public SeedInfo(String path, SeedState state, SeedFile file, SeedRow row, String hash) {
        this(path, state, file, row, hash, false);
    }
}
