package ai.pmoves.engine.locks;

import ai.pmoves.engine.PmovesException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How long a migration's statements may wait for a lock, and how often a migration that waited too long is tried
 * again: {@code LockWait.of(Duration.ofSeconds(5)).withRetries(3)}. PostgreSQL's {@code lock_timeout} makes a
 * statement that waits longer fail with SQLSTATE 55P03 instead of queueing every later query on its table behind it.
 * {@link #NONE} (the default) sets nothing, so a statement waits as long as the server lets it.
 *
 * @param timeout the {@code lock_timeout}; null for none
 * @param retries how many times a migration stopped by the timeout is run again
 */
public record LockWait(Duration timeout, int retries) {
    /** SQLSTATE lock_not_available: a lock timeout or a NOWAIT that found the lock taken. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    /** Retries when a timeout is set and the retries are not. */
    public static final int DEFAULT_RETRIES = 3;
    /** The longest pause between two tries. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** No lock timeout: statements wait for their locks as the server's own settings say. */
    public static final LockWait NONE = new LockWait(null, 0);

    public LockWait {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("a lock timeout must be positive: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /** A lock timeout with {@link #DEFAULT_RETRIES} retries; null gives {@link #NONE}. */
    public static LockWait of(Duration timeout) {
        return timeout == null ? NONE : new LockWait(timeout, DEFAULT_RETRIES);
    }

    public LockWait withRetries(int retries) {
        return new LockWait(timeout, retries);
    }

    /** Whether a lock timeout is set. */
    public boolean enabled() {
        return timeout != null;
    }

    /** The statement that sets the timeout inside the current transaction only. */
    public String setLocal() {
        return "SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'";
    }

    /** The statement that sets the timeout for the session, for a file that runs outside a transaction. */
    public String setForSession() {
        return "SET lock_timeout = '" + timeout.toMillis() + "ms'";
    }

    /** The pause before try number {@code retry} (1 for the first retry): 1 s, 2 s, 4 s, … at most 30 s. */
    public static Duration backoff(int retry) {
        if (retry >= 6) {
            return MAX_BACKOFF; // 2^5 s is past the cap already, and a shift further would overflow sooner or later
        }
        Duration d = Duration.ofSeconds(1L << Math.max(0, retry - 1));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Whether {@code e}, or what caused it, is the server's lock_not_available. */
    public static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a duration as users write it: {@code 500ms}, {@code 5s}, {@code 2m}, or ISO-8601 ({@code PT5S}); a blank
     * value is none (null). {@code parameter} names the setting in the error.
     */
    public static Duration parseDuration(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            } else {
                d = null;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new PmovesException(parameter + " '" + value + "' is not a positive duration: write it as 500ms, 5s,"
                    + " 2m or ISO-8601 PT5S.");
        }
        return d;
    }
}
