package ai.pmoves.engine.migration;

/** Where a migration stands, comparing its file with the history (design.md: Status). */
public enum MigrationState {
    APPLIED("applied"),
    PENDING("pending"),
    /** The file differs from the checksum recorded when it ran. */
    CHANGED("changed"),
    /** Recorded in the history, but no file has its version. */
    MISSING("missing"),
    /** A non-transactional migration that failed part-way; later runs refuse until it is repaired. */
    FAILED("failed"),
    /** Recorded by {@code baseline} without running. */
    BASELINE("baseline"),
    /** Pending, but older than the newest applied migration. */
    OUT_OF_ORDER("out-of-order");

    private final String label;

    MigrationState(String label) {
        this.label = label;
    }

    /** The name used in the log and in status.json. */
    public String label() {
        return label;
    }
}
