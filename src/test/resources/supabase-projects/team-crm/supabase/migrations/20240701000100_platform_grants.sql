-- Owned by the platform admin, readable in the dashboard, reachable by the auth server.
alter function crm.is_member(uuid) owner to supabase_admin;

alter default privileges for role supabase_admin in schema crm grant all on tables to service_role;

grant select on all tables in schema crm to dashboard_user;
grant usage on schema crm to supabase_auth_admin;
grant select on crm.members to supabase_auth_admin;

grant all on all tables in schema crm to service_role;
grant select on crm.workspaces, crm.members to authenticated;
