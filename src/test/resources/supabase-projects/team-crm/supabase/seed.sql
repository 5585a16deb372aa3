insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, email_change,
  email_change_token_new, recovery_token, is_sso_user)
values ('00000000-0000-0000-0000-000000000000', '9a8b7c6d-4444-4e3f-a2b1-c0d9e8f7a6b5', 'authenticated',
  'authenticated', 'Owner@Example.test', '', now(),
  '{"provider": "github", "providers": ["github"]}', '{"user_name": "owner"}', now(), now(), '', '', '', '',
  false);

insert into auth.identities (user_id, provider_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
values ('9a8b7c6d-4444-4e3f-a2b1-c0d9e8f7a6b5', '4815162342',
  '{"sub": "4815162342", "email": "Owner@Example.test", "user_name": "owner"}', 'github', now(), now(), now());

insert into crm.workspaces (id, name) values ('1e2d3c4b-5555-4a69-8b7c-6d5e4f3a2b1c', 'Acme');

insert into crm.members (workspace_id, user_id, email, role)
values ('1e2d3c4b-5555-4a69-8b7c-6d5e4f3a2b1c', '9a8b7c6d-4444-4e3f-a2b1-c0d9e8f7a6b5', 'Owner@Example.test', 'owner');

insert into crm.invites (workspace_id, email)
values ('1e2d3c4b-5555-4a69-8b7c-6d5e4f3a2b1c', 'new.hire@example.test');
