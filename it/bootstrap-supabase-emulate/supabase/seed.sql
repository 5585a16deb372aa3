select vault.create_secret('http://mailer.internal:8025', 'mailer_url', 'Where the mailer listens');

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, email_change,
  email_change_token_new, recovery_token)
values ('00000000-0000-0000-0000-000000000000', '0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70', 'authenticated',
  'authenticated', 'reader@example.test', crypt('reader-pass', gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}', '{}', now(), now(), '', '', '', '');

insert into auth.identities (user_id, provider_id, identity_data, provider, created_at, updated_at)
values ('0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70', '0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70',
  '{"sub": "0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70", "email": "reader@example.test"}', 'email', now(), now());

insert into public.subscribers (email, user_id) values
  ('reader@example.test', '0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70'),
  ('guest@example.test', null);
