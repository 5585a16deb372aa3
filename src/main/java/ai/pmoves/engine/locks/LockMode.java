package ai.pmoves.engine.locks;

/**
 * PostgreSQL's table-level lock modes, weakest first, spelled as {@code pg_locks.mode} spells them. A statement that
 * takes several on one table holds the strongest.
 */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    private final String spelled;

    LockMode(String spelled) {
        this.spelled = spelled;
    }

    /** As PostgreSQL spells it: {@code AccessExclusiveLock}. */
    public String spelled() {
        return spelled;
    }

    /** Whether this mode blocks plain reads ({@code SELECT}): only {@link #ACCESS_EXCLUSIVE} does. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** Whether this mode blocks writes ({@code INSERT}, {@code UPDATE}, {@code DELETE}). */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** The mode {@code pg_locks} spells as {@code spelled}; null for one that is not a table lock mode. */
    public static LockMode ofSpelled(String spelled) {
        for (LockMode m : values()) {
            if (m.spelled.equals(spelled)) {
                return m;
            }
        }
        return null;
    }

    /** The stronger of the two. */
    public static LockMode max(LockMode a, LockMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
