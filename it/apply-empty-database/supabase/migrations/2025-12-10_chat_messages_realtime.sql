-- Alters the table 20251105_chat_messages.sql creates: shell glob order would run this first and fail
ALTER TABLE public.chat_messages ADD COLUMN IF NOT EXISTS room text;
