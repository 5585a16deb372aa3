package ai.pmoves.engine.repair;

import ai.pmoves.engine.PmovesException;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code clearFailed} asks for: every {@code failed} row ({@code true}), none ({@code false}, or unset), or the
 * failed rows of some versions (a comma list, as {@code pmoves:status} lists them or as file names).
 *
 * @param all      delete every failed row
 * @param versions the versions whose failed row to delete; empty when {@code all}
 */
public record ClearFailed(boolean all, List<String> versions) {
    public static final ClearFailed NONE = new ClearFailed(false, List.of());
    private static final String PARAMETER = "clearFailed";

    /** {@code value} as the parameter gives it; may be null. */
    public static ClearFailed parse(String value) {
        List<String> entries = value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (entries.size() == 1 && entries.get(0).equalsIgnoreCase("true")) {
            return new ClearFailed(true, List.of());
        }
        if (entries.isEmpty() || entries.size() == 1 && entries.get(0).equalsIgnoreCase("false")) {
            return NONE;
        }
        for (String entry : entries) {
            if (entry.equalsIgnoreCase("true") || entry.equalsIgnoreCase("false")) {
                String version = entries.stream().filter(v -> !v.equalsIgnoreCase("true")
                        && !v.equalsIgnoreCase("false")).findFirst().orElseThrow();
                throw new PmovesException(PARAMETER + " '" + value + "' gives " + entry.toLowerCase() + " beside"
                        + " versions: give true (every failed row) or the versions only, e.g. -Dpmoves." + PARAMETER
                        + "=true or -Dpmoves." + PARAMETER + "=" + version + ".");
            }
        }
        return new ClearFailed(false, entries);
    }
}
