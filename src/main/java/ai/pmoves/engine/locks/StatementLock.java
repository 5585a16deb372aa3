package ai.pmoves.engine.locks;

/**
 * A lock a statement takes on a table, and whether the statement rewrites that table while it holds it.
 *
 * @param relation the table as the statement names it, its name folded as PostgreSQL folds it
 *                 ({@code public.orders}, or {@code orders} when the statement leaves the schema to the search path)
 * @param mode     the strongest mode the statement takes on it
 * @param rewrites whether it writes the whole table anew (a new file on disk), holding the lock all the while
 */
public record StatementLock(String relation, LockMode mode, boolean rewrites) {

    /** {@code AccessExclusiveLock on public.orders, rewrites}; {@code rows} after the name when known (not negative). */
    public String describe(String shownName, long rows) {
        return mode.spelled() + " on " + shownName + (rows < 0 ? "" : " (" + TableSizes.approximately(rows) + ")")
                + (rewrites ? ", rewrites" : "");
    }
}
