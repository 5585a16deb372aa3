create extension if not exists pg_net with schema extensions;
create extension if not exists pg_cron;

create table public.subscribers (
  id uuid primary key default gen_random_uuid(),
  email text not null unique,
  user_id uuid references auth.users (id) on delete set null,
  confirmed boolean not null default false,
  created_at timestamptz not null default now()
);

alter table public.subscribers enable row level security;
create policy "subscribers see themselves" on public.subscribers
  for select to authenticated using (user_id = auth.uid());

create function public.mailer_url() returns text
language sql security definer set search_path = '' as $$
  select decrypted_secret from vault.decrypted_secrets where name = 'mailer_url';
$$;

create function public.send_confirmation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform net.http_post(
    url := public.mailer_url() || '/confirm',
    body := jsonb_build_object('email', new.email)
  );
  return new;
end;
$$;

create trigger send_confirmation after insert on public.subscribers
  for each row execute function public.send_confirmation();

select cron.schedule('weekly-digest', '0 8 * * 1', $$
  select net.http_post(url := public.mailer_url() || '/digest')
$$);
