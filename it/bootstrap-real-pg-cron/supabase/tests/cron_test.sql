begin;
select plan(3);

-- pg_cron's own: an extension in the catalog (a stand-in has no pg_extension row) with its scheduler running
select is((select count(*)::int from pg_extension where extname = 'pg_cron'), 1, 'pg_cron is a real extension');
select is((select count(*)::int from pg_stat_activity where backend_type = 'pg_cron launcher'), 1,
          'the pg_cron launcher runs');
select is((select command from cron.job where jobname = 'purge-audit-events'),
          $$delete from public.audit_events where created_at < now() - interval '90 days'$$,
          'the purge job is scheduled');

select * from finish();
rollback;
