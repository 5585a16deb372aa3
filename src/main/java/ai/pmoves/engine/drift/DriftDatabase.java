package ai.pmoves.engine.drift;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;

/** Where {@code drift} builds the expected schema. */
public enum DriftDatabase {
    /** A throwaway server of its own, of the target's major version: nothing on the target is touched. */
    THROWAWAY,
    /** A temporary database on the target's server, dropped afterwards: for targets whose extensions no engine has. */
    SCRATCH;

    public static DriftDatabase parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "throwaway" -> THROWAWAY;
            case "scratch" -> SCRATCH;
            default -> throw new PmovesException("driftDatabase '" + value + "' is unknown: use throwaway (a server of"
                    + " its own, the default) or scratch (a temporary database on the target's server).");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
