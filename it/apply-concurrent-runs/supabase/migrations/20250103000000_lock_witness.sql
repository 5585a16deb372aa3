-- Written 4 s into the run: how many other pmoves sessions are waiting for the migration lock right now (the lock's
-- sessions are named 'pmoves-maven-plugin lock'; a waiter retries between pauses, so it is one that holds no lock)
CREATE TABLE public.lock_witness AS
  SELECT count(*) AS waiting FROM pg_stat_activity a
  WHERE application_name = 'pmoves-maven-plugin lock'
    AND NOT EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted);
