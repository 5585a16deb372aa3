package ai.pmoves.engine;

import java.util.List;

/** An engine log for tests: every line goes into a list, as {@code INFO …} or {@code WARN …}. */
public final class RecordingLog implements EngineLog {
    private final List<String> lines;

    /** @param lines where the lines go */
    public RecordingLog(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public void info(String line) {
        lines.add("INFO " + line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }
}
