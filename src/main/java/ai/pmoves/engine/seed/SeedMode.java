package ai.pmoves.engine.seed;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;

/** When a seed file that already ran runs again. */
public enum SeedMode {
    /** Run new files and files whose hash changed since they ran (the default). */
    CHANGED,
    /** Run every file every time. */
    ALWAYS,
    /** Never re-run a file that ran, even if it changed; report the change. */
    ONCE;

    /** The name users write: {@code changed}, {@code always}, {@code once}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's value; {@code parameter} names the setting in the error. */
    public static SeedMode parse(String value, String parameter) {
        String v = value == null ? "" : value.trim();
        for (SeedMode mode : values()) {
            if (mode.label().equalsIgnoreCase(v)) {
                return mode;
            }
        }
        throw new PmovesException(parameter + " '" + value + "' is not a seed mode: use changed (run new and changed"
                + " files, the default), always (run every file) or once (never re-run a file that ran).");
    }
}
