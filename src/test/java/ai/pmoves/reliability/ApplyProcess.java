package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.db.ConnectionSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code pmoves:apply} in a JVM of its own, for {@link KillTest} to kill: {@code ApplyProcess URL USER PASSWORD DIR}.
 * Prints the engine's log lines on stdout as they come.
 */
public final class ApplyProcess {
    private ApplyProcess() {
    }

    public static void main(String[] args) {
        ConnectionSettings settings = ConnectionSettings.resolve(args[0], args[1], args[2], Map.of(), 10);
        Path directory = Path.of(args[3]);
        EngineLog log = new EngineLog() {
            @Override
            public void info(String line) {
                System.out.println("INFO " + line);
                System.out.flush();
            }

            @Override
            public void warn(String line) {
                System.out.println("WARN " + line);
                System.out.flush();
            }
        };
        new Migrator(settings, log).apply(ApplyOptions.of(configured(directory)));
    }
}
