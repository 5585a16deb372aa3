ALTER TABLE public.chat_messages DROP COLUMN room;
