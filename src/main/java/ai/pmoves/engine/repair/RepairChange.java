package ai.pmoves.engine.repair;

/**
 * One change to the history, as the log and the result show it.
 *
 * @param action  the parameter that asked for it: {@code markApplied}, {@code markReverted}, {@code clearFailed} or
 *                {@code realign}
 * @param version the migration's version
 * @param name    its file name, or the recorded name when the file is gone
 * @param what    what changes, e.g. {@code recorded as applied without running it (it was pending)}
 */
public record RepairChange(String action, String version, String name, String what) {

    /** The log line: {@code markApplied 20250102 (20250102_b.sql): recorded as applied …}. */
    public String line() {
        return action + " " + version + (name.equals(version) ? "" : " (" + name + ")") + ": " + what;
    }
}
