DROP INDEX public.chat_messages_tsv_idx;
ALTER TABLE public.chat_messages DROP COLUMN tsv;
