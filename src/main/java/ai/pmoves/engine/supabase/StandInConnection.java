package ai.pmoves.engine.supabase;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The connection the files run on under {@code supabaseCompat=emulate}. The server cannot create an extension it has
 * no files for, so a file's {@code CREATE EXTENSION [IF NOT EXISTS] pg_cron …} of an extension a stand-in answers runs
 * as nothing, with a line that says so: the stand-in is already in its place. So do {@code ALTER}, {@code DROP} and
 * {@code COMMENT ON EXTENSION} of it, which dumps and "move it to extensions" migrations write, and which the server
 * would refuse for an extension it does not know. Every other call goes to the connection unchanged.
 */
public final class StandInConnection {
    private StandInConnection() {
    }

    /**
     * {@code connection}, answering the statements about {@code extensions} (as {@link
     * SupabasePreparation#stoodInExtensions} names them) with their stand-ins; {@code connection} itself when there
     * are none.
     */
    public static Connection wrap(Connection connection, Set<String> extensions, EngineLog log) {
        if (extensions.isEmpty()) {
            return connection;
        }
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(method, target, args);
            return result instanceof Statement st && method.getName().equals("createStatement")
                    ? proxy(Statement.class, st, (s, m, a) -> execute(s, m, a, extensions, log)) : result;
        });
    }

    /**
     * The stood-in extension a statement creates, alters, drops or comments on, read with the lexer so that the words inside a
     * string, a comment or a function body never count; null for every other statement.
     */
    static String extensionOf(String sql, Set<String> extensions) {
        if (!mentionsExtension(sql)) {
            return null; // most statements: no need to tokenize them
        }
        List<SqlToken> t = SqlTokens.of(sql);
        int name;
        if (t.size() > 2 && t.get(1).isWord("EXTENSION") && (t.get(0).isWord("CREATE") || t.get(0).isWord("DROP"))) {
            boolean ifClause = t.get(0).isWord("CREATE") ? t.size() > 5 && t.get(2).isWord("IF") && t.get(3).isWord("NOT")
                    && t.get(4).isWord("EXISTS") : t.size() > 4 && t.get(2).isWord("IF") && t.get(3).isWord("EXISTS");
            name = ifClause ? (t.get(0).isWord("CREATE") ? 5 : 4) : 2;
        } else if (t.size() > 2 && t.get(0).isWord("ALTER") && t.get(1).isWord("EXTENSION")) {
            name = 2;
        } else if (t.size() > 3 && t.get(0).isWord("COMMENT") && t.get(1).isWord("ON") && t.get(2).isWord("EXTENSION")) {
            name = 3;
        } else {
            return null;
        }
        boolean oneName = name + 1 >= t.size() || !t.get(name + 1).isSymbol(','); // DROP EXTENSION a, b: not ours alone
        String extension = t.get(name).name();
        return oneName && extension != null && extensions.contains(extension) ? extension : null;
    }

    private static boolean mentionsExtension(String sql) {
        for (int i = 0; i + 9 <= sql.length(); i++) {
            if (sql.regionMatches(true, i, "EXTENSION", 0, 9)) {
                return true;
            }
        }
        return false;
    }

    private static Object execute(Statement target, Method method, Object[] args, Set<String> extensions,
                                  EngineLog log) throws Throwable {
        boolean sqlCall = (method.getName().equals("execute") || method.getName().equals("executeUpdate"))
                && args != null && args.length == 1 && args[0] instanceof String;
        String extension = sqlCall ? extensionOf((String) args[0], extensions) : null;
        if (extension == null) {
            return invoke(method, target, args);
        }
        log.info("Supabase stand-in: " + firstLine((String) args[0]) + " — the server has no " + extension
                + ", so the statement runs as nothing: in its place is "
                + StandIns.forExtension(extension).map(StandIns.StandIn::offer).orElse("a stand-in")
                + " (supabaseCompat=emulate).");
        return method.getName().equals("execute") ? Boolean.FALSE : Integer.valueOf(0);
    }

    private static String firstLine(String sql) {
        int end = sql.indexOf('\n');
        return end < 0 ? sql : sql.substring(0, end) + " …";
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StandInConnection.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the driver's own SQLException, unwrapped
        }
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }
}
