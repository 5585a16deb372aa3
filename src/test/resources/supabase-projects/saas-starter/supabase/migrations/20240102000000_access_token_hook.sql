-- Custom access token hook: Supabase Auth calls it as supabase_auth_admin.
create type public.plan as enum ('free', 'pro');

create table public.subscriptions (
  user_id uuid primary key references auth.users on delete cascade,
  plan public.plan not null default 'free'
);

create function public.access_token_claims(event jsonb)
returns jsonb
language plpgsql
stable
as $$
declare
  claims jsonb := event -> 'claims';
  current_plan public.plan;
begin
  select plan into current_plan from public.subscriptions where user_id = (event ->> 'user_id')::uuid;
  claims := jsonb_set(claims, '{plan}', to_jsonb(coalesce(current_plan, 'free')));
  return jsonb_set(event, '{claims}', claims);
end;
$$;

grant usage on schema public to supabase_auth_admin;
grant execute on function public.access_token_claims to supabase_auth_admin;
revoke execute on function public.access_token_claims from authenticated, anon, public;

grant select on table public.subscriptions to supabase_auth_admin;
alter table public.subscriptions enable row level security;
create policy "auth server reads plans" on public.subscriptions
  as permissive for select to supabase_auth_admin using (true);
