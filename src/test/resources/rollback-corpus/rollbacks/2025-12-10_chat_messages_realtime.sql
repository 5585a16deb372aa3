DROP POLICY chat_by_room ON public.chat_messages;
ALTER TABLE public.chat_messages DISABLE ROW LEVEL SECURITY;
DROP INDEX public.chat_messages_room_idx;
ALTER TABLE public.chat_messages DROP COLUMN room;
