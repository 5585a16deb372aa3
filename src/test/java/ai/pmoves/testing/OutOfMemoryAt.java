package ai.pmoves.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import ai.pmoves.engine.PmovesException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.function.Executable;

/**
 * The JVM running out of memory at one statement of a file, for tests of what such a failure leaves in the database:
 * a decoration for {@code WorkSession.decorate} (the seam the Supabase stand-ins use) under which a statement whose
 * text contains the marker throws an {@link OutOfMemoryError} instead of being sent, as the driver would while encoding
 * a statement too long for the heap. Every other call goes to the real connection and the real server: the database is
 * not mocked. A real OutOfMemoryError is the invoker IT {@code seed-out-of-memory}'s, in a JVM of a 64 MB heap; a unit
 * test cannot run its own JVM out of heap and stay reliable.
 */
public final class OutOfMemoryAt {
    private OutOfMemoryAt() {
    }

    /** The decoration: statements containing {@code marker} throw {@code OutOfMemoryError: Java heap space}. */
    public static UnaryOperator<Connection> statementWith(String marker) {
        return connection -> proxy(Connection.class, connection, (method, args) -> {
            Object result = invoke(method, connection, args);
            return result instanceof Statement st && method.getName().equals("createStatement")
                    ? proxy(Statement.class, st, (m, a) -> {
                        if (m.getName().startsWith("execute") && a != null && a.length > 0
                                && a[0] instanceof String sql && sql.contains(marker)) {
                            throw new OutOfMemoryError("Java heap space");
                        }
                        return invoke(m, st, a);
                    })
                    : result;
        });
    }

    /**
     * Runs {@code run}, which must fail with the engine's worded failure, caused by the injected Error; returns it for
     * its message. An Error that escapes unworded fails the test here: JUnit would take an OutOfMemoryError for its own
     * JVM's and abort the whole run.
     */
    public static PmovesException failureOf(Executable run) {
        try {
            run.execute();
        } catch (PmovesException e) {
            assertInstanceOf(OutOfMemoryError.class, e.getCause(), "the Error is kept as the cause");
            return e;
        } catch (Throwable e) {
            return fail("the Error escaped without the file's name, and without the transaction rolled back", e);
        }
        return fail("the run did not fail");
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(OutOfMemoryAt.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.handle(method, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
