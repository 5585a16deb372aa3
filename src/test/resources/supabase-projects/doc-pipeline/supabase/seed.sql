select vault.create_secret('http://functions.internal:9000/functions/v1', 'functions_url');

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, email_change,
  email_change_token_new, recovery_token)
values ('00000000-0000-0000-0000-000000000000', '5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d', 'authenticated',
  'authenticated', 'reader@example.test', crypt('reader-pass', gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}', '{}', now(), now(), '', '', '', '');

insert into auth.identities (user_id, provider_id, identity_data, provider, created_at, updated_at)
values ('5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d', '5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d',
  '{"sub": "5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d", "email": "reader@example.test"}', 'email', now(), now());

insert into storage.objects (bucket_id, name, owner, owner_id)
values ('uploads', '5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d/handbook.pdf', '5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d',
  '5d2c9e71-3333-4a1b-8c2d-3e4f5a6b7c8d');
