create schema private;

insert into storage.buckets (id, name)
values ('uploads', 'uploads')
on conflict do nothing;

create function private.to_uuid(value text)
returns uuid
language plpgsql
immutable
as $$
begin
  return value::uuid;
exception when invalid_text_representation then
  return null;
end;
$$;

create policy "members upload under their id"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'uploads' and owner = auth.uid() and private.to_uuid(path_tokens[1]) is not null);

create policy "members read their uploads"
  on storage.objects for select to authenticated
  using (bucket_id = 'uploads' and owner = auth.uid());
