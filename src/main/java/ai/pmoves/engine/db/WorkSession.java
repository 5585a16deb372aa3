package ai.pmoves.engine.db;

import ai.pmoves.engine.sql.PsqlVariables;
import ai.pmoves.engine.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * The session the project's files run in, which knows whether it is still as fresh as psql's one process per file would
 * make it (design.md: Applying migrations). What a file SETs (a setting, a role, the session authorization) is undone
 * by a reset before its history row; what a reset cannot undo (a temporary table, a prepared statement), and a change
 * to the database's or a role's defaults, which only a new session reads, make the next file start on a new connection.
 * Most files do none of this and cost nothing.
 *
 * <p>Behind a pooler in transaction mode a new connection may still be handed an older server session, and each
 * transaction may land on another: so after a change of defaults every later file also starts, inside its own
 * transaction, by taking on any default its server session predates. The migration lock is on a connection of its
 * own and is not touched by a reconnect.
 */
public final class WorkSession implements AutoCloseable {
    /**
     * Undoes what a file SET, as far as a new session would not have it: in one round trip, in the file's own
     * transaction, so that behind a pooler the server session goes back clean too.
     */
    public static final String RESET = "SET SESSION AUTHORIZATION DEFAULT; RESET ALL; RESET ROLE";

    /**
     * Takes on the defaults of the database and of the session's role (pg_db_role_setting, in the server's order of
     * precedence) that this server session does not have yet, because it started before they changed. Settings the
     * client gave at connection start win, as they would in a new session; one that this user may not set, or that
     * only applies at connection start, is left as it is.
     */
    private static final String TAKE_ON_DEFAULTS = """
            DO $pmoves$
            DECLARE
              setting text;
              key text;
            BEGIN
              FOR setting IN
                SELECT unnest(s.setconfig) FROM pg_catalog.pg_db_role_setting s
                WHERE s.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))
                  AND s.setrole IN (0, (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = session_user))
                ORDER BY (s.setdatabase <> 0)::int + 2 * (s.setrole <> 0)::int
              LOOP
                key := split_part(setting, '=', 1);
                CONTINUE WHEN (SELECT ps.source FROM pg_catalog.pg_settings ps WHERE ps.name = lower(key)) = 'client';
                BEGIN
                  IF current_setting(key, true) IS DISTINCT FROM substr(setting, length(key) + 2) THEN
                    PERFORM set_config(key, substr(setting, length(key) + 2), false);
                  END IF;
                EXCEPTION WHEN OTHERS THEN
                  NULL;
                END;
              END LOOP;
            END
            $pmoves$""";

    private final ConnectionSettings settings;
    private UnaryOperator<Connection> decoration = UnaryOperator.identity();
    private Connection connection;
    private boolean stale;
    private boolean defaultsChanged;

    /** A session on {@code connection}, which it now owns; new ones are opened with {@code settings}. */
    public WorkSession(ConnectionSettings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** Opens a session. */
    public static WorkSession open(ConnectionSettings settings) {
        return new WorkSession(settings, settings.connect());
    }

    /** The current connection: the one a file runs on, until the next {@link #forNextFile()}. */
    public Connection connection() {
        return connection;
    }

    /** The connection for the next file: a new one when the last file left what only a new session is free of. */
    public Connection forNextFile() {
        if (stale) {
            stale = false;
            // The old one first: behind a pooler in session mode with a pool of two (one holds the migration lock),
            // the new connection would wait for the server connection the old one still holds.
            closeQuietly(connection);
            connection = decoration.apply(settings.connect());
        }
        return connection;
    }

    /**
     * Every connection the files run on, this one and those opened later, goes through {@code decoration} (the
     * Supabase stand-ins answer some statements in the server's place).
     */
    public void decorate(UnaryOperator<Connection> decoration) {
        this.decoration = decoration;
        this.connection = decoration.apply(connection);
    }

    /** The last file left something a reset cannot undo (a temporary table, …): the next one gets a new session. */
    public void needsNewSession() {
        stale = true;
    }

    /**
     * The defaults of the database or of a role changed ({@code ALTER DATABASE … SET}, {@code ALTER ROLE … SET}, by a
     * file or by the Supabase preparation): the files after it start in a session that has them, as a new one would.
     */
    public void defaultsChanged() {
        stale = true;
        defaultsChanged = true;
    }

    /**
     * At the start of a file, in its transaction when it has one: takes on the defaults that changed in this run, if
     * this server session predates them (only behind a pooler). Nothing when no defaults changed.
     */
    public void takeOnChangedDefaults(Statement st) throws SQLException {
        if (defaultsChanged) {
            st.execute(TAKE_ON_DEFAULTS);
        }
    }

    /** The psql variables the files run with. */
    public PsqlVariables variables() {
        return settings.variables();
    }

    /** The statement's text as it runs: with the psql variables substituted (see {@link PsqlVariables}). */
    public String sqlOf(SqlStatement statement) {
        return settings.variables().substitute(statement.sql());
    }

    /** Undoes what the file SET: see {@link #RESET}. */
    public void reset(Statement st) throws SQLException {
        st.execute(RESET);
    }

    /** Whether the server is inside a transaction block (a file's own, or one the driver opened). */
    public boolean inTransactionBlock() throws SQLException {
        return Transactions.inBlock(connection);
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server ends a session whose socket closes
        }
    }
}
