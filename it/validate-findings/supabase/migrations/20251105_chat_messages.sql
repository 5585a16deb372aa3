CREATE TABLE IF NOT EXISTS public.chat_messages (id bigint PRIMARY KEY, body text);
CREATE INDEX CONCURRENTLY IF NOT EXISTS chat_messages_body ON public.chat_messages (body);
CREATE POLICY chat_read ON public.chat_messages FOR SELECT TO authenticated USING (true);
GRANT SELECT ON public.chat_messages TO anon;
