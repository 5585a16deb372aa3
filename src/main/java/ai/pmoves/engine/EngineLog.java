package ai.pmoves.engine;

/** Where the engine reports progress; the Maven layer backs it with the mojo's Log. */
public interface EngineLog {
    void info(String line);

    void warn(String line);

    /** Detail a person reads only when looking for it (Maven's -X); dropped by default. */
    default void debug(String line) {
    }

    /** A line about a failure the caller reports on its own (a failed test); a warning where no error level exists. */
    default void error(String line) {
        warn(line);
    }

    /** A log that drops everything, for callers that only want the result. */
    EngineLog SILENT = new EngineLog() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };
}
