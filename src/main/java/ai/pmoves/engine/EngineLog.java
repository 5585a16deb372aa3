package ai.pmoves.engine;

/** Where the engine reports progress; the Maven layer backs it with the mojo's Log. */
public interface EngineLog {
    void info(String line);

    void warn(String line);

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
