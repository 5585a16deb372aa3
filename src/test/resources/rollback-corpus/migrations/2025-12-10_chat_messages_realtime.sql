-- Alters the table 20251105_chat_messages.sql creates: shell glob order would run this first
ALTER TABLE public.chat_messages ADD COLUMN room text NOT NULL DEFAULT 'lobby';
CREATE INDEX chat_messages_room_idx ON public.chat_messages (room, id DESC);
ALTER TABLE public.chat_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY chat_by_room ON public.chat_messages FOR ALL
  USING (room = current_setting('app.room', true))
  WITH CHECK (room = current_setting('app.room', true));
