CREATE TABLE public.chat_messages (id bigserial PRIMARY KEY, body text NOT NULL);
CREATE INDEX chat_messages_body_idx ON public.chat_messages (body);
