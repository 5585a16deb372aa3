package ai.pmoves.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Another OS user of this machine, as an attacker on a shared CI agent or development host would be: uid and gid
 * 65534 (nobody), which needs no account. Only root can act as another user or give a file away, so a test that needs
 * one is skipped, saying so, when the build does not run as root (CI runs as root).
 */
public final class OtherUser {
    public static final int UID = 65534;

    private OtherUser() {
    }

    /** Skips the calling test unless this JVM may act as another user. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs another OS user: only a build that runs as root (with util-linux's setpriv) can be one, so this"
                        + " test is skipped");
    }

    /** Gives {@code path} (not what a link points at) to the other user. */
    public static void owns(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", UID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", UID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Starts {@code command} as the other user. */
    public static Process start(String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups"));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        // nothing of ours: no PGPASSWORD, no PGPASSFILE
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        return builder.start();
    }

    /** Runs {@code command} as the other user; returns its exit code and output. */
    public static Result run(String... command) throws IOException, InterruptedException {
        Process p = start(command);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), output);
    }

    public record Result(int exitCode, String output) {
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
