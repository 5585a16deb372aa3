-- Down script of supabase/migrations/20251105000000_chat_messages.sql
DROP TABLE IF EXISTS pmoves_core.chat_messages;
