create extension if not exists pg_net with schema extensions;

create table public.events (
  id bigint generated always as identity primary key,
  title text not null,
  starts_at timestamptz not null,
  poster_path text
);

create table public.tickets (
  id uuid primary key default uuid_generate_v4(),
  event_id bigint not null references public.events on delete cascade,
  holder uuid references auth.users (id),
  code text not null default encode(gen_random_bytes(6), 'hex')
);

alter table public.events enable row level security;
alter table public.tickets enable row level security;
create policy "events are public" on public.events for select using (true);
create policy "holders see their tickets" on public.tickets for select to authenticated using (holder = auth.uid());

insert into storage.buckets (id, name, public, allowed_mime_types)
values ('posters', 'posters', true, array['image/jpeg'])
on conflict (id) do nothing;

create policy "organisers upload posters" on storage.objects for insert to authenticated
  with check (bucket_id = 'posters' and storage.extension(name) = 'jpg');
