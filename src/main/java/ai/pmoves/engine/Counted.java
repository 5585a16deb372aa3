package ai.pmoves.engine;

/** A count and its noun, as people write it: {@code 1 migration}, {@code 2 migrations}, {@code 0 migrations}. */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and {@code noun}, plural unless {@code n} is 1 (a noun in {@code -s} of its own, e.g. a "status", is not used). */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
