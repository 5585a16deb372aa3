-- Written 4 s into the run: how many other pmoves sessions are waiting for the migration lock right now (a waiter
-- retries pg_try_advisory_lock between pauses, so it is a session that asked for the lock and holds none)
CREATE TABLE public.lock_witness AS
  SELECT count(*) AS waiting FROM pg_stat_activity a
  WHERE application_name = 'pmoves-maven-plugin' AND query LIKE 'SELECT pg_try_advisory_lock%'
    AND NOT EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted);
