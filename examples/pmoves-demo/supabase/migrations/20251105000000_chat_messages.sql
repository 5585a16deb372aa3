CREATE TABLE IF NOT EXISTS pmoves_core.chat_messages (
  id BIGSERIAL PRIMARY KEY,
  author UUID REFERENCES auth.users (id),
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chat_messages_author ON pmoves_core.chat_messages (author);
