package ai.pmoves.testing;

import ai.pmoves.engine.EngineLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An engine log that keeps its lines ({@code DEBUG …}, {@code INFO …}, {@code WARN …}, {@code ERROR …}) for assertions. */
public final class RecordingLog implements EngineLog {
    public final List<String> lines;

    public RecordingLog() {
        this(Collections.synchronizedList(new ArrayList<>()));
    }

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

    @Override
    public void debug(String line) {
        lines.add("DEBUG " + line);
    }

    @Override
    public void error(String line) {
        lines.add("ERROR " + line);
    }

    /** Whether some line contains {@code text}. */
    public boolean has(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    /** The warnings, without their {@code WARN } prefix, in the order they came. */
    public List<String> warnings() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith("WARN ")).map(l -> l.substring("WARN ".length())).toList();
        }
    }
}
