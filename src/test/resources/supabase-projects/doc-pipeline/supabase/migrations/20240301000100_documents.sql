create extension if not exists pg_net with schema extensions;

create table public.documents (
  id bigint primary key generated always as identity,
  title text not null,
  upload_id uuid not null references storage.objects (id),
  created_by uuid not null default auth.uid() references auth.users (id),
  created_at timestamptz not null default now()
);

alter table public.documents enable row level security;

create policy "members read their documents"
  on public.documents for select to authenticated
  using (created_by = auth.uid());

-- Where the edge functions live, kept in Vault rather than in the migration.
create function private.functions_url()
returns text
language sql
security definer
as $$
  select decrypted_secret from vault.decrypted_secrets where name = 'functions_url';
$$;

create function private.on_upload()
returns trigger
language plpgsql
security definer
as $$
declare
  new_document bigint;
begin
  insert into public.documents (title, upload_id, created_by)
  values (new.path_tokens[2], new.id, new.owner)
  returning id into new_document;

  perform net.http_post(
    url := private.functions_url() || '/extract-text',
    headers := jsonb_build_object('Content-Type', 'application/json',
      'Authorization', coalesce(current_setting('request.headers', true)::json ->> 'authorization', '')),
    body := jsonb_build_object('document', new_document)
  );
  return null;
end;
$$;

create trigger on_upload
  after insert on storage.objects
  for each row
  when (new.bucket_id = 'uploads')
  execute procedure private.on_upload();
