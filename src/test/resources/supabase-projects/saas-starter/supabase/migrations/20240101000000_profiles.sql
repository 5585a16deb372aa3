-- A profile for every account, created by a trigger on auth.users as the starter kits do.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text unique,
  full_name text,
  avatar_url text,
  updated_at timestamptz default now()
);

alter table public.profiles enable row level security;

create policy "profiles are readable by everyone"
  on public.profiles for select using (true);

create policy "members edit their own profile"
  on public.profiles for update to authenticated
  using ((select auth.uid()) = id);

create function public.on_signup()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name, avatar_url)
  values (new.id, new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'avatar_url');
  return new;
end;
$$;

create trigger on_signup
  after insert on auth.users
  for each row execute procedure public.on_signup();
