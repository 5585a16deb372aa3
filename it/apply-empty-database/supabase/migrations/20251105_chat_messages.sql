CREATE TABLE IF NOT EXISTS public.chat_messages (id bigserial PRIMARY KEY, body text);
