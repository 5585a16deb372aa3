-- Saved under the same day as the chat messages: the same version, so one of them would never run
CREATE TABLE IF NOT EXISTS public.chat_audit (id bigint PRIMARY KEY);
