package ai.pmoves.engine.db;

import ai.pmoves.engine.sql.SqlIdentifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Recognizes, from its error, a write refused because the database only reads ({@code default_transaction_read_only}
 * on for the database, the role, the connection or the server, or a hot standby), and says which and what to do. Such
 * a refusal must not read as a missing privilege: no GRANT helps.
 */
public final class ReadOnlyDatabase {
    /** {@code read_only_sql_transaction}: a write in a read-only transaction. */
    private static final String READ_ONLY_SQL_TRANSACTION = "25006";

    /** The session of the command that lifts the setting is read-only too, until it says otherwise. */
    private static final String LEAVE = "SET default_transaction_read_only = off; ";

    private ReadOnlyDatabase() {
    }

    /** Whether {@code e} (or its cause) is a write refused in a read-only transaction. */
    public static boolean refused(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && READ_ONLY_SQL_TRANSACTION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * When {@code e} is a write refused because the database reads only: a sentence saying where the read-only mode
     * comes from and how to leave it, asked of {@code connection} (outside a failed transaction); else "". A file that
     * made its own transaction read-only gets "" too: the database is not to blame.
     */
    public static String advice(SQLException e, Connection connection) {
        if (!refused(e)) {
            return "";
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(),"
                + " s.setting = 'on', s.source, current_database(), current_user FROM pg_settings s"
                + " WHERE s.name = 'default_transaction_read_only'")) {
            if (!rs.next()) {
                return "";
            }
            if (rs.getBoolean(1)) {
                return " The database is read-only: the server is a hot standby (pg_is_in_recovery() is true), where"
                        + " nothing can be written. Point pmoves.url at the primary server.";
            }
            return rs.getBoolean(2) ? " The database is read-only: " + whereSet(rs.getString(3),
                    SqlIdentifier.quote(rs.getString(4)), SqlIdentifier.quote(rs.getString(5))) : "";
        } catch (SQLException unknown) {
            return " The database is read-only (SQLSTATE " + READ_ONLY_SQL_TRANSACTION + "): point pmoves.url at a"
                    + " database that can be written, or have an administrator turn default_transaction_read_only off.";
        }
    }

    /** Where {@code default_transaction_read_only = on} comes from ({@code pg_settings.source}), and the way out. */
    private static String whereSet(String source, String database, String role) {
        return switch (source) {
            case "database" -> "default_transaction_read_only is on for database " + database + ". If it should be"
                    + " written, have its owner run " + LEAVE + "ALTER DATABASE " + database
                    + " RESET default_transaction_read_only; or point pmoves.url at another database.";
            case "user" -> "default_transaction_read_only is on for role " + role + ". If it should write, have an"
                    + " administrator run " + LEAVE + "ALTER ROLE " + role + " RESET default_transaction_read_only;"
                    + " or connect as another user.";
            case "database user" -> "default_transaction_read_only is on for role " + role + " in database " + database
                    + ". If it should write, have an administrator run " + LEAVE + "ALTER ROLE " + role
                    + " IN DATABASE " + database + " RESET default_transaction_read_only; or connect as another user.";
            case "client" -> "the connection turns default_transaction_read_only on (the options of pmoves.url, or"
                    + " PGOPTIONS). Remove it there.";
            default -> "the server's configuration turns default_transaction_read_only on (" + source + "; Supabase"
                    + " does so when the disk is full). Have an administrator turn it off, e.g. ALTER SYSTEM SET"
                    + " default_transaction_read_only = off and SELECT pg_reload_conf(), after freeing disk space.";
        };
    }
}
