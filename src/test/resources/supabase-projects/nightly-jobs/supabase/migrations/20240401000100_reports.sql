create table public.daily_reports (
  day date primary key,
  signups integer not null default 0
);

create table public.events (
  id bigint generated always as identity primary key,
  kind text not null,
  at timestamptz not null default now()
);

create function public.roll_up_yesterday()
returns void
language sql
as $$
  insert into public.daily_reports (day, signups)
  select current_date - 1, count(*) from public.events where kind = 'signup' and at::date = current_date - 1
  on conflict (day) do update set signups = excluded.signups;
$$;
