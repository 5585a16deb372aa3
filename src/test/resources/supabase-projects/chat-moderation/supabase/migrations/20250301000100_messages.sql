-- chat messages, checked against a schema, broadcast to their room, and queued for moderation
create table public.chat_messages (
  id bigint generated always as identity primary key,
  room text not null,
  author uuid references auth.users (id) on delete cascade,
  body jsonb not null check (jsonb_matches_schema('{
    "type": "object",
    "required": ["text"],
    "properties": {
      "text": {"type": "string", "minLength": 1, "maxLength": 500},
      "attachments": {"type": "array", "maxItems": 4, "items": {"type": "string", "pattern": "^https://"}}
    },
    "additionalProperties": false
  }', body))
);

select pgmq.create('moderation');

create function public.chat_message_posted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.broadcast_changes('room:' || new.room, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
  perform pgmq.send('moderation', jsonb_build_object('message_id', new.id));
  return null;
end;
$$;

create trigger chat_message_posted after insert on public.chat_messages
  for each row execute function public.chat_message_posted();

create policy "room members listen" on realtime.messages for select to authenticated
  using (realtime.topic() like 'room:%');

-- moderators see who signed in lately, from the Auth service's own tables
create view public.recent_sessions with (security_invoker = true) as
  select s.user_id, s.aal, s.created_at from auth.sessions s;
grant select on auth.sessions to service_role;
