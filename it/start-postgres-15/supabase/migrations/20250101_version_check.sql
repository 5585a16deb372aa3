-- Fails unless the server is PostgreSQL 15
DO $$
BEGIN
  IF current_setting('server_version_num')::int / 10000 <> 15 THEN
    RAISE EXCEPTION 'expected PostgreSQL 15, got %', version();
  END IF;
END
$$;
