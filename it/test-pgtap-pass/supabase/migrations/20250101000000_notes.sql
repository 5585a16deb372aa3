create table public.notes (
  id bigint generated always as identity primary key,
  author text not null,
  body text not null default ''
);
alter table public.notes enable row level security;
create policy notes_by_author on public.notes for select using (author = current_user);
