package ai.pmoves.engine.supabase;

import ai.pmoves.engine.supabase.StandIns.StandIn;

/**
 * pgmq is SQL at heart, so its stand-in is a working queue, written for this plugin after pgmq's documented behaviour
 * (version 1.4, which Supabase ships): each queue is a table {@code pgmq.q_<name>} with its archive
 * {@code pgmq.a_<name>}, listed in {@code pgmq.meta}. Sending adds a message whose visibility time is now plus the
 * delay; reading takes the oldest visible messages, counts the read and hides them for the visibility timeout (rows
 * that another reader holds are skipped); popping reads and removes; archiving moves the message to the archive table.
 * What it lacks: partitioned queues (they need pg_partman) and the newer calls (conditional reads, topics, FIFO
 * groups).
 */
final class PgmqStandIn {
    private PgmqStandIn() {
    }

    static final StandIn PGMQ = new StandIn("stand-in pgmq (for pgmq)", "pgmq", "pgmq.send(text,jsonb,integer)", null,
            "a working queue in pgmq's shape, written in SQL by pmoves", "a working queue: create, send, send_batch,"
            + " read, read_with_poll, pop, set_vt, delete, archive, purge_queue, drop_queue, list_queues and metrics"
            + " act on the tables pgmq.q_<name> and pgmq.a_<name> as pgmq's do; no partitioned queues", """
            CREATE SCHEMA IF NOT EXISTS pgmq;
            CREATE TABLE pgmq.meta (
              queue_name varchar NOT NULL UNIQUE,
              is_partitioned boolean NOT NULL,
              is_unlogged boolean NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE pgmq.meta IS 'pmoves stand-in for pgmq: a working queue, without partitioned queues';
            CREATE TYPE pgmq.message_record AS (msg_id bigint, read_ct integer, enqueued_at timestamptz,
              vt timestamptz, message jsonb);
            CREATE TYPE pgmq.queue_record AS (queue_name varchar, is_partitioned boolean, is_unlogged boolean,
              created_at timestamptz);
            CREATE TYPE pgmq.metrics_result AS (queue_name text, queue_length bigint, newest_msg_age_sec integer,
              oldest_msg_age_sec integer, total_messages bigint, scrape_time timestamptz);
            GRANT USAGE ON SCHEMA pgmq TO pg_monitor;
            GRANT SELECT ON pgmq.meta TO pg_monitor;
            ALTER DEFAULT PRIVILEGES IN SCHEMA pgmq GRANT SELECT ON TABLES TO pg_monitor;
            ALTER DEFAULT PRIVILEGES IN SCHEMA pgmq GRANT SELECT ON SEQUENCES TO pg_monitor;

            -- the table of a queue (prefix q) or of its archive (prefix a); names that could break out of the
            -- dynamic SQL below are refused
            CREATE FUNCTION pgmq.format_table_name(queue_name text, prefix text) RETURNS text
              LANGUAGE plpgsql AS $$
            BEGIN
              IF queue_name ~ '\\$|;|--|''' THEN
                RAISE EXCEPTION 'queue name contains invalid characters: $, ;, --, or \\''';
              END IF;
              RETURN lower(prefix || '_' || queue_name);
            END
            $$;
            CREATE FUNCTION pgmq.validate_queue_name(queue_name text) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              IF length(queue_name) >= 48 THEN
                RAISE EXCEPTION 'queue name is too long, maximum length is 48 characters';
              END IF;
            END
            $$;
            CREATE FUNCTION pgmq._pmoves_create(queue_name text, unlogged boolean) RETURNS void
              LANGUAGE plpgsql AS $$
            DECLARE
              q text := pgmq.format_table_name(queue_name, 'q');
              a text := pgmq.format_table_name(queue_name, 'a');
              kind text := CASE WHEN unlogged THEN 'UNLOGGED ' ELSE '' END;
            BEGIN
              PERFORM pgmq.validate_queue_name(queue_name);
              EXECUTE format($q$CREATE %sTABLE IF NOT EXISTS pgmq.%I (
                  msg_id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
                  read_ct integer NOT NULL DEFAULT 0,
                  enqueued_at timestamptz NOT NULL DEFAULT now(),
                  vt timestamptz NOT NULL,
                  message jsonb)$q$, kind, q);
              EXECUTE format($q$CREATE TABLE IF NOT EXISTS pgmq.%I (
                  msg_id bigint PRIMARY KEY,
                  read_ct integer NOT NULL DEFAULT 0,
                  enqueued_at timestamptz NOT NULL DEFAULT now(),
                  archived_at timestamptz NOT NULL DEFAULT now(),
                  vt timestamptz NOT NULL,
                  message jsonb)$q$, a);
              EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON pgmq.%I (vt)', q || '_vt_idx', q);
              EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON pgmq.%I (archived_at)', 'archived_at_idx_' || queue_name,
                  a);
              INSERT INTO pgmq.meta (queue_name, is_partitioned, is_unlogged)
              VALUES (queue_name, false, unlogged) ON CONFLICT DO NOTHING;
            END
            $$;
            CREATE FUNCTION pgmq."create"(queue_name text) RETURNS void LANGUAGE sql AS $$
              SELECT pgmq._pmoves_create(queue_name, false)
            $$;
            CREATE FUNCTION pgmq.create_non_partitioned(queue_name text) RETURNS void LANGUAGE sql AS $$
              SELECT pgmq._pmoves_create(queue_name, false)
            $$;
            CREATE FUNCTION pgmq.create_unlogged(queue_name text) RETURNS void LANGUAGE sql AS $$
              SELECT pgmq._pmoves_create(queue_name, true)
            $$;

            -- a message is visible once its vt has passed; the delay puts vt in the future
            CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer DEFAULT 0) RETURNS SETOF bigint
              LANGUAGE plpgsql AS $$
            BEGIN
              RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message) VALUES (clock_timestamp() + $2, $1)'
                  ' RETURNING msg_id', pgmq.format_table_name(queue_name, 'q')) USING msg, make_interval(secs => delay);
            END
            $$;
            CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer DEFAULT 0)
              RETURNS SETOF bigint LANGUAGE plpgsql AS $$
            BEGIN
              RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message) SELECT clock_timestamp() + $2, m'
                  ' FROM unnest($1) WITH ORDINALITY AS u (m, n) ORDER BY n RETURNING msg_id',
                  pgmq.format_table_name(queue_name, 'q')) USING msgs, make_interval(secs => delay);
            END
            $$;

            -- the oldest visible messages, up to qty: each read counts, and hides the message for vt seconds;
            -- rows another reader holds are skipped, so two readers never get the same message
            CREATE FUNCTION pgmq.read(queue_name text, vt integer, qty integer) RETURNS SETOF pgmq.message_record
              LANGUAGE plpgsql AS $$
            DECLARE
              q text := pgmq.format_table_name(queue_name, 'q');
            BEGIN
              RETURN QUERY EXECUTE format($q$
                  UPDATE pgmq.%1$I m SET vt = clock_timestamp() + $2, read_ct = m.read_ct + 1
                  FROM (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() ORDER BY msg_id LIMIT $1
                        FOR UPDATE SKIP LOCKED) visible
                  WHERE m.msg_id = visible.msg_id
                  RETURNING m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message$q$, q)
                USING qty, make_interval(secs => vt);
            END
            $$;
            CREATE FUNCTION pgmq.read_with_poll(queue_name text, vt integer, qty integer,
                max_poll_seconds integer DEFAULT 5, poll_interval_ms integer DEFAULT 100)
              RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
            DECLARE
              give_up timestamptz := clock_timestamp() + make_interval(secs => max_poll_seconds);
            BEGIN
              LOOP
                RETURN QUERY SELECT * FROM pgmq.read(queue_name, vt, qty);
                EXIT WHEN FOUND OR clock_timestamp() >= give_up;
                PERFORM pg_sleep(poll_interval_ms / 1000.0);
              END LOOP;
            END
            $$;
            CREATE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
            BEGIN
              RETURN QUERY EXECUTE format($q$
                  DELETE FROM pgmq.%1$I WHERE msg_id = (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp()
                      ORDER BY msg_id LIMIT 1 FOR UPDATE SKIP LOCKED)
                  RETURNING msg_id, read_ct, enqueued_at, vt, message$q$, pgmq.format_table_name(queue_name, 'q'));
            END
            $$;
            CREATE FUNCTION pgmq.set_vt(queue_name text, msg_id bigint, vt integer) RETURNS SETOF pgmq.message_record
              LANGUAGE plpgsql AS $$
            BEGIN
              RETURN QUERY EXECUTE format('UPDATE pgmq.%I SET vt = clock_timestamp() + $2 WHERE msg_id = $1'
                  ' RETURNING msg_id, read_ct, enqueued_at, vt, message', pgmq.format_table_name(queue_name, 'q'))
                USING msg_id, make_interval(secs => vt);
            END
            $$;

            CREATE FUNCTION pgmq.delete(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql AS $$
            BEGIN
              RETURN QUERY EXECUTE format('DELETE FROM pgmq.%I WHERE msg_id = ANY ($1) RETURNING msg_id',
                  pgmq.format_table_name(queue_name, 'q')) USING msg_ids;
            END
            $$;
            CREATE FUNCTION pgmq.delete(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql AS $$
              SELECT EXISTS (SELECT FROM pgmq.delete(queue_name, ARRAY[msg_id]))
            $$;
            -- the messages leave the queue and are kept in its archive, with the time they were archived
            CREATE FUNCTION pgmq.archive(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint
              LANGUAGE plpgsql AS $$
            BEGIN
              RETURN QUERY EXECUTE format($q$
                  WITH gone AS (DELETE FROM pgmq.%I WHERE msg_id = ANY ($1)
                                RETURNING msg_id, vt, read_ct, enqueued_at, message)
                  INSERT INTO pgmq.%I (msg_id, vt, read_ct, enqueued_at, message)
                  SELECT msg_id, vt, read_ct, enqueued_at, message FROM gone RETURNING msg_id$q$,
                  pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a')) USING msg_ids;
            END
            $$;
            CREATE FUNCTION pgmq.archive(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql AS $$
              SELECT EXISTS (SELECT FROM pgmq.archive(queue_name, ARRAY[msg_id]))
            $$;
            CREATE FUNCTION pgmq.purge_queue(queue_name text) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE
              purged bigint;
            BEGIN
              EXECUTE format('DELETE FROM pgmq.%I', pgmq.format_table_name(queue_name, 'q'));
              GET DIAGNOSTICS purged = ROW_COUNT;
              RETURN purged;
            END
            $$;
            CREATE FUNCTION pgmq.drop_queue(queue_name text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', pgmq.format_table_name(queue_name, 'q'));
              EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
              DELETE FROM pgmq.meta m WHERE m.queue_name = drop_queue.queue_name;
              RETURN true;
            END
            $$;
            CREATE FUNCTION pgmq.list_queues() RETURNS SETOF pgmq.queue_record LANGUAGE sql AS $$
              SELECT queue_name, is_partitioned, is_unlogged, created_at FROM pgmq.meta ORDER BY created_at, queue_name
            $$;
            -- total_messages counts every message ever sent, as the queue's identity sequence does
            CREATE FUNCTION pgmq.metrics(queue_name text) RETURNS pgmq.metrics_result LANGUAGE plpgsql AS $$
            DECLARE
              q text := pgmq.format_table_name(queue_name, 'q');
              result pgmq.metrics_result;
            BEGIN
              EXECUTE format($q$
                  SELECT $1, count(*), extract(epoch FROM now() - max(enqueued_at))::integer,
                         extract(epoch FROM now() - min(enqueued_at))::integer,
                         (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %s), now()
                  FROM pgmq.%I$q$, pg_get_serial_sequence(format('pgmq.%I', q), 'msg_id'), q)
                INTO result USING queue_name;
              RETURN result;
            END
            $$;
            CREATE FUNCTION pgmq.metrics_all() RETURNS SETOF pgmq.metrics_result LANGUAGE sql AS $$
              SELECT m.* FROM pgmq.meta, LATERAL pgmq.metrics(meta.queue_name) m ORDER BY meta.queue_name
            $$;
            """);
}
