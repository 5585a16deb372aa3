package ai.pmoves.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Supabase CLI, pinned to the version that still talks to a plain PostgreSQL, run against a test database as
 * a second client of the history: {@code migration list}, {@code db push}. Found through the system property
 * {@code pmoves.supabaseCli} (the binary's path), else {@code target/supabase-cli} (where {@code .ci/run} installs
 * it), else {@code supabase} on the PATH.
 */
public final class SupabaseCli {
    public static final String VERSION = "2.117.0";
    /** What to run when the CLI is missing. */
    public static final String INSTALL = "npm i -E --prefix target/supabase-cli supabase@" + VERSION;

    /** What one command printed (stdout and stderr together) and its exit code. */
    public record Output(int exitCode, String text) {
    }

    private final Path binary;

    private SupabaseCli(Path binary) {
        this.binary = binary;
    }

    /** The CLI at its pinned version, or null when none is installed. */
    public static SupabaseCli find() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("pmoves.supabaseCli");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("target/supabase-cli/node_modules/.bin/supabase"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "supabase"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(SupabaseCli::new).orElse(null);
    }

    /** The URL the CLI takes for a test database: a local server without TLS. */
    public static String dbUrl(TestPostgres.Database db) {
        String rest = db.url().substring("jdbc:postgresql://".length());
        return "postgresql://" + db.user() + ":" + db.password() + "@" + rest + "?sslmode=disable";
    }

    /** Runs {@code supabase <args>} in {@code project} (the folder that holds {@code supabase/}). */
    public Output run(Path project, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--workdir", project.toString()));
        Path out = Files.createTempFile("supabase-cli", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().put("SUPABASE_TELEMETRY_DISABLED", "1");
            pb.environment().put("DO_NOT_TRACK", "1");
            Process process = pb.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("supabase " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** {@link #run} that must succeed. */
    public String succeed(Path project, String... args) throws IOException, InterruptedException {
        Output output = run(project, args);
        if (output.exitCode() != 0) {
            throw new AssertionError("supabase " + String.join(" ", args) + " exited " + output.exitCode() + ":\n"
                    + output.text());
        }
        return output.text();
    }

    /**
     * The rows of {@code supabase migration list}: each as {@code local|remote}, an empty side where the version is
     * only on the other (the CLI prints them between backquotes).
     */
    public static List<String> listRows(String output) {
        List<String> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length >= 2 && line.contains("`")) {
                rows.add(cells[0].replace("`", "").trim() + "|" + cells[1].replace("`", "").trim());
            }
        }
        return rows;
    }
}
