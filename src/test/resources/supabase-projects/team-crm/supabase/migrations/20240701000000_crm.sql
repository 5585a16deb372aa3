create extension if not exists citext with schema extensions;

create schema crm;
grant usage on schema crm to anon, authenticated, service_role;

create table crm.workspaces (
  id uuid primary key default uuid_generate_v4(),
  name text not null,
  created_at timestamptz not null default now()
);

create table crm.members (
  workspace_id uuid not null references crm.workspaces on delete cascade,
  user_id uuid not null references auth.users on delete cascade,
  email citext not null,
  role text not null default 'member' check (role in ('owner', 'member')),
  primary key (workspace_id, user_id),
  unique (workspace_id, email)
);

create table crm.invites (
  token text primary key default encode(gen_random_bytes(16), 'hex'),
  workspace_id uuid not null references crm.workspaces on delete cascade,
  email citext not null,
  expires_at timestamptz not null default now() + interval '7 days'
);

alter table crm.workspaces enable row level security;
alter table crm.members enable row level security;

create function crm.is_member(workspace uuid)
returns boolean
language sql
security definer
set search_path = ''
stable
as $$
  select exists (select 1 from crm.members m where m.workspace_id = workspace and m.user_id = auth.uid());
$$;

create policy "members see their workspaces" on crm.workspaces
  for select to authenticated using (crm.is_member(id));
create policy "members see each other" on crm.members
  for select to authenticated using (crm.is_member(workspace_id));
