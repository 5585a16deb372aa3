select vault.create_secret('local-only-signing-key-0123456789abcdef', 'client_token_key', 'Signs API client tokens');

insert into public.api_clients (id, name) values
  ('5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'billing-worker'),
  ('6e2d3c4b-5f6a-4b7c-9d8e-0f1a2b3c4d5e', 'report-exporter');

update public.api_clients set token = public.issue_client_token(id);
