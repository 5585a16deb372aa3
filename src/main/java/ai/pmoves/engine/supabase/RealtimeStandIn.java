package ai.pmoves.engine.supabase;

import ai.pmoves.engine.supabase.StandIns.StandIn;

/**
 * What the Realtime service puts in a project's database for Broadcast from the database: the table
 * {@code realtime.messages} and the functions {@code realtime.send}, {@code realtime.broadcast_changes} and
 * {@code realtime.topic()} that triggers and policies call. Written for this plugin in the shape the service's
 * migrations leave them today. {@code send} records each message in {@code realtime.messages} as the service's own
 * does; no Realtime server runs here, so nothing reads that table and no client receives the message. The table is
 * partitioned by day on Supabase, where the service makes each day's partition; here one default partition takes
 * every row.
 */
final class RealtimeStandIn {
    private RealtimeStandIn() {
    }

    static final StandIn REALTIME = StandIn.recording("realtime", null, "realtime.send(jsonb,text,text,boolean)",
            "realtime.send and broadcast_changes record each message in realtime.messages, and realtime.topic() reads"
                    + " the topic a policy checks; no Realtime server runs, so no client receives a message", """
            CREATE SCHEMA IF NOT EXISTS realtime;
            DO $$ BEGIN
              IF to_regclass('realtime.messages') IS NULL THEN
                CREATE TABLE realtime.messages (
                  topic text NOT NULL,
                  extension text NOT NULL,
                  payload jsonb,
                  event text,
                  private boolean DEFAULT false,
                  updated_at timestamp NOT NULL DEFAULT now(),
                  inserted_at timestamp NOT NULL DEFAULT now(),
                  id uuid NOT NULL DEFAULT gen_random_uuid(),
                  binary_payload bytea,
                  CONSTRAINT messages_pkey PRIMARY KEY (id, inserted_at),
                  CONSTRAINT messages_payload_exclusive CHECK (payload IS NULL OR binary_payload IS NULL)
                ) PARTITION BY RANGE (inserted_at);
                CREATE TABLE realtime.messages_pmoves PARTITION OF realtime.messages DEFAULT;
                COMMENT ON TABLE realtime.messages_pmoves IS
                  'pmoves stand-in for Realtime: every message, where the service keeps one partition a day';
                CREATE INDEX messages_inserted_at_topic_index ON realtime.messages (inserted_at DESC, topic)
                  WHERE extension = 'broadcast' AND private IS TRUE;
                ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
                GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated, service_role;
                COMMENT ON TABLE realtime.messages IS
                  'pmoves stand-in for Realtime: messages are recorded here and no client receives them';
              END IF;
            END $$;
            CREATE OR REPLACE FUNCTION realtime.topic() RETURNS text LANGUAGE sql STABLE AS $$
              SELECT nullif(current_setting('realtime.topic', true), '')::text
            $$;
            CREATE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true)
              RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
              message_id uuid := gen_random_uuid();
            BEGIN
              -- as the service does: a failed send warns and never fails the caller's transaction
              BEGIN
                PERFORM set_config('realtime.topic', topic, true);
                INSERT INTO realtime.messages (id, payload, event, topic, private, extension)
                VALUES (message_id, CASE WHEN payload ? 'id' THEN payload
                                         ELSE jsonb_set(payload, '{id}', to_jsonb(message_id)) END,
                        event, topic, private, 'broadcast');
              EXCEPTION WHEN OTHERS THEN
                RAISE WARNING 'WarnSendingBroadcastMessage: %', SQLERRM;
              END;
            END
            $$;
            COMMENT ON FUNCTION realtime.send(jsonb, text, text, boolean) IS
              'pmoves stand-in for Realtime: records the message in realtime.messages; no client receives it';
            CREATE FUNCTION realtime.broadcast_changes(topic_name text, event_name text, operation text,
                table_name text, table_schema text, new record, old record, level text DEFAULT 'ROW')
              RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              IF level = 'STATEMENT' THEN
                RAISE EXCEPTION 'function can only be triggered for each row, not for each statement';
              END IF;
              IF operation NOT IN ('INSERT', 'UPDATE', 'DELETE') THEN
                RAISE EXCEPTION 'Unexpected operation type: %', operation;
              END IF;
              PERFORM realtime.send(jsonb_build_object('old_record', old, 'record', new, 'operation', operation,
                  'table', table_name, 'schema', table_schema), event_name, topic_name);
            END
            $$;
            """);
}
