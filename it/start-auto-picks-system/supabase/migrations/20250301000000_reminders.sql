create extension if not exists pg_cron;

create table public.reminders (
  id bigint generated always as identity primary key,
  due_at timestamptz not null,
  sent boolean not null default false
);

select cron.schedule('send-reminders', '*/5 * * * *', $$update public.reminders set sent = true where due_at < now()$$);
