-- Two confirmed e-mail accounts, written the way Supabase's docs show it.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, email_change,
  email_change_token_new, recovery_token)
values
  ('00000000-0000-0000-0000-000000000000', 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', 'authenticated',
   'authenticated', 'grace@example.test', crypt('grace-pass', gen_salt('bf')), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Grace"}', now(), now(), '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', 'c8f1d4b3-2222-4f60-9bac-1d2e3f4a5b6c', 'authenticated',
   'authenticated', 'linus@example.test', crypt('linus-pass', gen_salt('bf')), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Linus"}', now(), now(), '', '', '', '');

insert into auth.identities (id, user_id, provider_id, identity_data, provider, last_sign_in_at, created_at,
  updated_at)
select gen_random_uuid(), id, id::text, jsonb_build_object('sub', id::text, 'email', email), 'email', now(), now(),
  now()
from auth.users;

insert into public.subscriptions (user_id, plan) values ('b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', 'pro');

insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
values ('avatars', 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b/face.png', 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b',
  'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', '{"size": 1024, "mimetype": "image/png"}');
