package ai.pmoves.engine.seed;

import java.util.Locale;

/** Where a seed file stands, comparing it with the seed table. */
public enum SeedState {
    /** Ran, and the file still has the hash it ran with. */
    APPLIED,
    /** Never ran. */
    PENDING,
    /** Ran, but the file changed since: {@code seedMode=changed} runs it again. */
    CHANGED,
    /** Recorded, but the file is gone. */
    MISSING;

    /** The name used in the log and in status.json. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
