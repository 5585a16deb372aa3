-- Written 4 s into the run: how many other pmoves sessions are waiting for the migration lock right now
CREATE TABLE public.lock_witness AS
  SELECT count(*) AS waiting FROM pg_stat_activity
  WHERE application_name = 'pmoves-maven-plugin' AND wait_event_type = 'Lock' AND wait_event = 'advisory';
