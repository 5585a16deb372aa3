package ai.pmoves.maven;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: {@code skip}, the engine's failures as clean build failures, and the engine's log lines in
 * Maven's log. Subclasses turn their parameters into engine options, make one engine call, and log its result.
 */
public abstract class AbstractPmovesMojo extends AbstractMojo {

    /**
     * Skip the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("pmoves: skipped (pmoves.skip=true).");
            return;
        }
        try {
            run();
        } catch (PmovesException e) {
            String shown = withoutSecrets(e.getMessage());
            if (!shown.equals(e.getMessage())) {
                // The server quoted a secret: neither the message nor its causes may reach the log.
                throw failure(new PmovesException(shown));
            }
            getLog().debug("pmoves: " + e.getMessage(), e);
            throw failure(e);
        }
    }

    /**
     * A build failure with the engine's message. Not chained as the cause: Maven appends every cause's message to the
     * failure line, which would repeat the driver's or the lexer's raw text after ours; the engine's exception goes to
     * the debug log (-X) instead.
     */
    static MojoFailureException failure(PmovesException e) {
        MojoFailureException failure = new MojoFailureException(e.getMessage());
        failure.addSuppressed(e);
        return failure;
    }

    /** The goal's work; a {@link PmovesException} becomes a build failure with its message. */
    protected abstract void run() throws MojoFailureException;

    /** {@code message} as the build may show it: the goals that run files with variables hide their values. */
    protected String withoutSecrets(String message) {
        return message;
    }

    /**
     * The engine's lines into Maven's log. Each is one line, and is logged with its control characters escaped: the
     * file names, paths and relation names it quotes come from the project and the database, and one holding a line
     * break must not start a line of its own (see {@link Printable}).
     */
    protected EngineLog engineLog() {
        return new EngineLog() {
            @Override
            public void info(String line) {
                getLog().info(Printable.of(line));
            }

            @Override
            public void warn(String line) {
                getLog().warn(Printable.of(line));
            }

            @Override
            public void error(String line) {
                getLog().error(line);
            }

            @Override
            public void debug(String line) {
                getLog().debug(Printable.of(line));
            }
        };
    }
}
