select vault.create_secret('http://mailer.internal:8025', 'mailer_url', 'Where the mailer listens');

-- One reader who signed up by phone and confirmed the e-mail later.
insert into auth.users (id, instance_id, aud, role, email, phone, phone_confirmed_at, email_confirmed_at,
  encrypted_password, raw_app_meta_data, created_at, updated_at, confirmation_token, recovery_token,
  email_change_token_new, email_change)
select reader.id, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', reader.email,
  '15550100', now(), now(), '', '{"provider": "phone", "providers": ["phone", "email"]}', now(), now(), '', '', '', ''
from (values ('0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70'::uuid, 'reader@example.test')) as reader (id, email);

insert into auth.identities (user_id, provider_id, identity_data, provider)
select id, phone, jsonb_build_object('sub', id::text, 'phone', phone), 'phone' from auth.users;

insert into public.subscribers (email, user_id) values
  ('reader@example.test', '0c4e2a6b-7777-4d8f-9e1a-2b3c4d5e6f70'),
  ('guest@example.test', null);
