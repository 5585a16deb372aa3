package ai.pmoves.engine;

/**
 * A failure the user can act on: the message names the file, line or parameter at fault and says how to fix it.
 * The Maven layer turns it into a build failure without a stack trace.
 */
public class PmovesException extends RuntimeException {
    public PmovesException(String message) {
        super(message);
    }

    public PmovesException(String message, Throwable cause) {
        super(message, cause);
    }
}
