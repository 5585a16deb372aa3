package ai.pmoves.engine.locks;

import ai.pmoves.engine.Printable;
import java.util.List;

/**
 * What a session was waiting for, as {@code pg_locks} and {@code pg_stat_activity} showed it: the lock it asked for
 * and the sessions ahead of it, those that hold a lock in its way and those queued before it for one.
 *
 * @param relation the table (schema-qualified) whose lock it waited for; null for a lock that is not on a relation
 * @param lockType {@code pg_locks.locktype}: {@code relation}, or {@code transactionid} for a row another
 *                 transaction changed, …
 * @param mode     the mode asked for, as PostgreSQL spells it ({@code AccessExclusiveLock})
 * @param ahead    the sessions it waited behind
 */
public record LockQueue(String relation, String lockType, String mode, List<Session> ahead) {

    /**
     * A session in the way.
     *
     * @param pid             its server process
     * @param applicationName its {@code application_name}
     * @param user            its user
     * @param state           {@code active}, {@code idle in transaction}, …
     * @param transactionAge  seconds since its transaction began; -1 outside a transaction
     * @param query           its current or last query
     */
    public record Session(int pid, String applicationName, String user, String state, long transactionAge,
                          String query) {

        /** One line: {@code pid 4242 (psql, user app, idle in transaction for 93 s): SELECT * FROM orders}. */
        public String describe() {
            String firstLine = query == null ? "" : query.strip().lines().findFirst().orElse("");
            if (firstLine.length() > 120) {
                firstLine = firstLine.substring(0, 120) + " …";
            }
            return "pid " + pid + " (" + (applicationName == null || applicationName.isEmpty() ? "no application_name"
                    : Printable.of(applicationName)) + ", user " + Printable.of(String.valueOf(user)) + ", "
                    + Printable.of(String.valueOf(state)) + (transactionAge < 0 ? ""
                    : ", transaction open for " + transactionAge + " s") + "): " + Printable.of(firstLine);
        }
    }

    /** What was waited for: {@code AccessExclusiveLock on public.orders}, or on a row for a transaction id lock. */
    public String lock() {
        if (relation != null) {
            return mode + " on " + Printable.of(relation);
        }
        return mode + " on a " + ("transactionid".equals(lockType) ? "row another transaction changed"
                : lockType + " lock");
    }

    /** The lock and every session ahead, one per line, indented under a message. */
    public String describe() {
        StringBuilder sb = new StringBuilder("waited for ").append(lock());
        if (ahead.isEmpty()) {
            sb.append("; the session in its way had gone when it was looked up");
        } else {
            sb.append(" behind:");
            ahead.forEach(s -> sb.append("\n    ").append(s.describe()));
        }
        return sb.toString();
    }
}
