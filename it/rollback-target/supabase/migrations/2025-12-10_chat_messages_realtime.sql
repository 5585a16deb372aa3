-- Alters the table 20251105_chat_messages.sql creates
ALTER TABLE public.chat_messages ADD COLUMN room text;
