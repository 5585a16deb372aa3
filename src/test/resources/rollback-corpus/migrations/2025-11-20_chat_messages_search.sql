ALTER TABLE public.chat_messages
  ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
CREATE INDEX chat_messages_tsv_idx ON public.chat_messages USING gin (tsv);
