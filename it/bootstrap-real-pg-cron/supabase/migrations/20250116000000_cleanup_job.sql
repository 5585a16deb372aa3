create table public.audit_events (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now()
);

select cron.schedule('purge-audit-events', '30 3 * * *',
  $$delete from public.audit_events where created_at < now() - interval '90 days'$$);
