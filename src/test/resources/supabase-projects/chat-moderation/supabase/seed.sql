insert into auth.users (id, email) values ('b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', 'mod@example.test');
insert into auth.sessions (id, user_id, aal, created_at)
  values ('11111111-0000-4000-8000-000000000001', 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', 'aal1', now());

insert into public.chat_messages (room, author, body) values
  ('general', 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', '{"text": "hello"}'),
  ('general', 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', '{"text": "see", "attachments": ["https://example.test/a.png"]}');

-- the moderation worker's first pass: take one message and archive it
select pgmq.archive('moderation', msg_id) from pgmq.read('moderation', 30, 1);
