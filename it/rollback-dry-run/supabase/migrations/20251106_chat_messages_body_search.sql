CREATE INDEX CONCURRENTLY chat_messages_lower_body_idx ON public.chat_messages (lower(body));
