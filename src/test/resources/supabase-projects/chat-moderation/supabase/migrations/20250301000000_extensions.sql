create extension if not exists pgmq;
create extension if not exists pg_jsonschema with schema extensions;
