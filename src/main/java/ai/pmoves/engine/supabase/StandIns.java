package ai.pmoves.engine.supabase;

import java.util.List;
import java.util.Optional;

/**
 * What {@code supabaseCompat=emulate} puts where a plain PostgreSQL has no Supabase extension: objects of the same
 * names and signatures that record what they are asked and never do the real work (no request leaves, no job runs,
 * no secret is encrypted). Written for this plugin after the extensions' published interfaces. The three that schema
 * dumps name (pgjwt, which pmoves provides whole, pg_graphql, pgsodium) are in {@link SchemaDumpStandIns}.
 */
final class StandIns {
    private StandIns() {
    }

    /**
     * One stand-in.
     *
     * @param what      how the log names it, e.g. {@code stand-in net (for pg_net)}
     * @param extension the extension a file's {@code CREATE EXTENSION} names for it, or null when it is no extension
     * @param probe     a function (with its argument types), a table (schema-qualified) or a schema whose presence
     *                  means the real thing or this stand-in is already there
     * @param requires  an extension that must be installed first, or null; {@code @requires@} in the SQL stands for
     *                  the schema that holds it
     * @param offer     what takes the extension's place, as the advice and the log name it
     * @param doesNot   the log line's account of what it records and what it does not do
     */
    record StandIn(String what, String extension, String probe, String requires, String offer, String doesNot,
                   String sql) {
        /** A stand-in that records what it is asked and never does the real work. */
        static StandIn recording(String name, String extension, String probe, String doesNot, String sql) {
            return new StandIn("stand-in " + name + (extension == null ? "" : " (for " + extension + ")"), extension,
                    probe, null, "a stand-in for " + extension + " that records what it is asked and does not do the"
                    + " real work", doesNot, sql);
        }
    }

    static final StandIn NET = StandIn.recording("net", "pg_net", "net.http_post(text,jsonb,jsonb,jsonb,integer)",
            "net.http_get/http_post/http_delete record each request in net.http_request_queue and return its id;"
                    + " nothing is sent and no response arrives", """
            CREATE SCHEMA IF NOT EXISTS net;
            GRANT USAGE ON SCHEMA net TO anon, authenticated, service_role, supabase_functions_admin;
            CREATE TABLE net.http_request_queue (
              id bigserial PRIMARY KEY,
              method text NOT NULL,
              url text NOT NULL,
              headers jsonb NOT NULL,
              body bytea,
              timeout_milliseconds integer NOT NULL
            );
            COMMENT ON TABLE net.http_request_queue IS
              'pmoves stand-in for pg_net: requests are recorded here and never sent';
            CREATE TABLE net._http_response (
              id bigint,
              status_code integer,
              content_type text,
              headers jsonb,
              content text,
              timed_out boolean,
              error_msg text,
              created timestamptz NOT NULL DEFAULT now()
            );
            CREATE FUNCTION net._pmoves_url(url text, params jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT url || coalesce((SELECT CASE WHEN strpos(url, '?') > 0 THEN '&' ELSE '?' END
                       || string_agg(key || '=' || value, '&' ORDER BY key) FROM jsonb_each_text(params)), '')
            $$;
            CREATE FUNCTION net.http_get(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}',
                timeout_milliseconds integer DEFAULT 5000) RETURNS bigint
              LANGUAGE sql SECURITY DEFINER SET search_path = net AS $$
              INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
              VALUES ('GET', net._pmoves_url(url, params), headers, NULL, timeout_milliseconds) RETURNING id
            $$;
            CREATE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}', params jsonb DEFAULT '{}',
                headers jsonb DEFAULT '{"Content-Type": "application/json"}', timeout_milliseconds integer DEFAULT 5000)
              RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = net AS $$
              INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
              VALUES ('POST', net._pmoves_url(url, params), headers, convert_to(body::text, 'UTF8'),
                      timeout_milliseconds) RETURNING id
            $$;
            CREATE FUNCTION net.http_delete(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}',
                timeout_milliseconds integer DEFAULT 5000, body jsonb DEFAULT NULL) RETURNS bigint
              LANGUAGE sql SECURITY DEFINER SET search_path = net AS $$
              INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
              VALUES ('DELETE', net._pmoves_url(url, params), headers, convert_to(body::text, 'UTF8'),
                      timeout_milliseconds) RETURNING id
            $$;
            """);

    static final StandIn CRON = StandIn.recording("cron", "pg_cron", "cron.schedule(text,text,text)",
            "cron.schedule/unschedule/alter_job keep their jobs in cron.job; no job ever runs", """
            CREATE SCHEMA IF NOT EXISTS cron;
            CREATE TABLE cron.job (
              jobid bigserial PRIMARY KEY,
              schedule text NOT NULL,
              command text NOT NULL,
              nodename text NOT NULL DEFAULT 'localhost',
              nodeport integer NOT NULL DEFAULT coalesce(inet_server_port(), 5432),
              database text NOT NULL DEFAULT current_database(),
              username text NOT NULL DEFAULT current_user,
              active boolean NOT NULL DEFAULT true,
              jobname text,
              CONSTRAINT jobname_username_uniq UNIQUE (jobname, username)
            );
            COMMENT ON TABLE cron.job IS 'pmoves stand-in for pg_cron: jobs are recorded here and never run';
            CREATE TABLE cron.job_run_details (
              jobid bigint,
              runid bigserial PRIMARY KEY,
              job_pid integer,
              database text,
              username text,
              command text,
              status text,
              return_message text,
              start_time timestamptz,
              end_time timestamptz
            );
            CREATE FUNCTION cron.schedule_in_database(job_name text, schedule text, command text, database text,
                username text DEFAULT NULL, active boolean DEFAULT true) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE
              id bigint;
            BEGIN
              INSERT INTO cron.job AS j (jobname, schedule, command, database, username, active)
              VALUES (job_name, schedule, command, database, coalesce(username, current_user), active)
              ON CONFLICT ON CONSTRAINT jobname_username_uniq DO UPDATE
                SET schedule = excluded.schedule, command = excluded.command, database = excluded.database,
                    active = excluded.active
              RETURNING j.jobid INTO id;
              RETURN id;
            END
            $$;
            CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint
              LANGUAGE sql AS $$ SELECT cron.schedule_in_database(job_name, schedule, command, current_database()) $$;
            CREATE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
              INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid
            $$;
            CREATE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM cron.job WHERE jobid = job_id;
              IF NOT FOUND THEN
                RAISE EXCEPTION 'could not find valid entry for job %', job_id;
              END IF;
              RETURN true;
            END
            $$;
            CREATE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM cron.job WHERE jobname = job_name AND username = current_user;
              IF NOT FOUND THEN
                RAISE EXCEPTION 'could not find valid entry for job ''%''', job_name;
              END IF;
              RETURN true;
            END
            $$;
            CREATE FUNCTION cron.alter_job(job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL,
                database text DEFAULT NULL, username text DEFAULT NULL, active boolean DEFAULT NULL) RETURNS void
              LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE cron.job j SET schedule = coalesce(alter_job.schedule, j.schedule),
                  command = coalesce(alter_job.command, j.command), database = coalesce(alter_job.database, j.database),
                  username = coalesce(alter_job.username, j.username), active = coalesce(alter_job.active, j.active)
                WHERE j.jobid = job_id;
              IF NOT FOUND THEN
                RAISE EXCEPTION 'could not find valid entry for job %', job_id;
              END IF;
            END
            $$;
            """);

    static final StandIn VAULT = StandIn.recording("vault", "supabase_vault",
            "vault.create_secret(text,text,text,uuid)",
            "vault.create_secret/update_secret keep secrets in vault.secrets and vault.decrypted_secrets shows them;"
                    + " they are stored in plain text, not encrypted", """
            CREATE SCHEMA IF NOT EXISTS vault;
            CREATE TABLE vault.secrets (
              id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
              name text,
              description text NOT NULL DEFAULT '',
              secret text NOT NULL,
              key_id uuid,
              nonce bytea,
              created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
              updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
            );
            CREATE UNIQUE INDEX secrets_name_idx ON vault.secrets (name) WHERE name IS NOT NULL;
            COMMENT ON TABLE vault.secrets IS 'pmoves stand-in for supabase_vault: secrets are NOT encrypted';
            CREATE VIEW vault.decrypted_secrets AS
              SELECT id, name, description, secret, secret AS decrypted_secret, key_id, nonce, created_at, updated_at
              FROM vault.secrets;
            CREATE FUNCTION vault.create_secret(new_secret text, new_name text DEFAULT NULL,
                new_description text DEFAULT '', new_key_id uuid DEFAULT NULL) RETURNS uuid LANGUAGE sql AS $$
              INSERT INTO vault.secrets (secret, name, description, key_id)
              VALUES (new_secret, new_name, coalesce(new_description, ''), new_key_id) RETURNING id
            $$;
            CREATE FUNCTION vault.update_secret(secret_id uuid, new_secret text DEFAULT NULL, new_name text DEFAULT NULL,
                new_description text DEFAULT NULL, new_key_id uuid DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
              UPDATE vault.secrets SET secret = coalesce(new_secret, secret), name = coalesce(new_name, name),
                  description = coalesce(new_description, description), key_id = coalesce(new_key_id, key_id),
                  updated_at = now()
                WHERE id = secret_id
            $$;
            """);

    /** The fixed answer of every {@code http} stand-in call: documented, so a project can recognise it. */
    static final String HTTP_NOT_SENT = "not sent: pmoves stand-in for the http extension";

    static final StandIn HTTP = StandIn.recording("http", "http", "extensions.http_get(character varying)",
            "extensions.http, http_get/post/put/patch/delete/head send nothing and return status 503, content '"
                    + HTTP_NOT_SENT + "'", """
            CREATE DOMAIN extensions.http_method AS text;
            CREATE TYPE extensions.http_header AS (field varchar, value varchar);
            CREATE TYPE extensions.http_request AS (method extensions.http_method, uri varchar,
              headers extensions.http_header[], content_type varchar, content varchar);
            CREATE TYPE extensions.http_response AS (status integer, content_type varchar,
              headers extensions.http_header[], content varchar);
            CREATE FUNCTION extensions.http_header(field varchar, value varchar) RETURNS extensions.http_header
              LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(field, value)::extensions.http_header $$;
            CREATE FUNCTION extensions.http(request extensions.http_request) RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT ROW(503, 'text/plain', '{}', '%1$s')::extensions.http_response $$;
            CREATE FUNCTION extensions.http_get(uri varchar) RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('GET', uri, NULL, NULL, NULL)) $$;
            CREATE FUNCTION extensions.http_get(uri varchar, data jsonb) RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('GET', uri, NULL, NULL, NULL)) $$;
            CREATE FUNCTION extensions.http_post(uri varchar, content varchar, content_type varchar)
              RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('POST', uri, NULL, content_type, content)) $$;
            CREATE FUNCTION extensions.http_post(uri varchar, data jsonb) RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('POST', uri, NULL, NULL, data::text)) $$;
            CREATE FUNCTION extensions.http_put(uri varchar, content varchar, content_type varchar)
              RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('PUT', uri, NULL, content_type, content)) $$;
            CREATE FUNCTION extensions.http_patch(uri varchar, content varchar, content_type varchar)
              RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('PATCH', uri, NULL, content_type, content)) $$;
            CREATE FUNCTION extensions.http_delete(uri varchar) RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('DELETE', uri, NULL, NULL, NULL)) $$;
            CREATE FUNCTION extensions.http_delete(uri varchar, content varchar, content_type varchar)
              RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('DELETE', uri, NULL, content_type, content)) $$;
            CREATE FUNCTION extensions.http_head(uri varchar) RETURNS extensions.http_response
              LANGUAGE sql AS $$ SELECT extensions.http(ROW('HEAD', uri, NULL, NULL, NULL)) $$;
            """.formatted(HTTP_NOT_SENT));

    static final StandIn FUNCTIONS = StandIn.recording("supabase_functions", null,
            "supabase_functions.http_request()",
            "the database webhooks' trigger function supabase_functions.http_request() logs each call in"
                    + " supabase_functions.hooks and hands the request to net.http_get/http_post, which send nothing", """
            CREATE SCHEMA IF NOT EXISTS supabase_functions;
            GRANT USAGE ON SCHEMA supabase_functions TO anon, authenticated, service_role;
            CREATE TABLE supabase_functions.migrations (
              version text PRIMARY KEY,
              inserted_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE supabase_functions.hooks (
              id bigserial PRIMARY KEY,
              hook_table_id integer NOT NULL,
              hook_name text NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now(),
              request_id bigint
            );
            CREATE INDEX supabase_functions_hooks_request_id_idx ON supabase_functions.hooks (request_id);
            CREATE INDEX supabase_functions_hooks_h_table_id_h_name_idx
              ON supabase_functions.hooks (hook_table_id, hook_name);
            CREATE FUNCTION supabase_functions.http_request() RETURNS trigger
              LANGUAGE plpgsql SECURITY DEFINER SET search_path = supabase_functions AS $$
            DECLARE
              request_id bigint;
              url text := TG_ARGV[0];
              method text := TG_ARGV[1];
              headers jsonb := coalesce(nullif(TG_ARGV[2], 'null'), '{"Content-Type": "application/json"}')::jsonb;
              params jsonb := coalesce(nullif(TG_ARGV[3], 'null'), '{}')::jsonb;
              timeout_ms integer := coalesce(nullif(TG_ARGV[4], 'null'), '1000')::integer;
            BEGIN
              IF url IS NULL OR url = 'null' THEN
                RAISE EXCEPTION 'url argument is missing';
              END IF;
              IF method = 'GET' THEN
                request_id := net.http_get(url, params, headers, timeout_ms);
              ELSIF method = 'POST' THEN
                request_id := net.http_post(url, jsonb_build_object('old_record', OLD, 'record', NEW, 'type', TG_OP,
                    'table', TG_TABLE_NAME, 'schema', TG_TABLE_SCHEMA), params, headers, timeout_ms);
              ELSE
                RAISE EXCEPTION 'method argument % is invalid', method;
              END IF;
              INSERT INTO supabase_functions.hooks (hook_table_id, hook_name, request_id)
              VALUES (TG_RELID, TG_NAME, request_id);
              RETURN NEW;
            END
            $$;
            """);

    /** In the order they are created: the webhooks' function calls net. */
    static final List<StandIn> ALL = List.of(NET, CRON, VAULT, HTTP, FUNCTIONS, SchemaDumpStandIns.PGJWT,
            SchemaDumpStandIns.GRAPHQL, SchemaDumpStandIns.PGSODIUM, RealtimeStandIn.REALTIME,
            PgmqStandIn.PGMQ, JsonSchemaStandIn.JSONSCHEMA);

    /** The stand-in a file's {@code CREATE EXTENSION name} asks for, if any. */
    static Optional<StandIn> forExtension(String extension) {
        return ALL.stream().filter(s -> extension.equals(s.extension())).findFirst();
    }
}
