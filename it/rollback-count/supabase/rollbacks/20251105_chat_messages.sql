-- The down script of supabase/migrations/20251105_chat_messages.sql
DROP INDEX public.chat_messages_body_idx;
DROP TABLE public.chat_messages;
