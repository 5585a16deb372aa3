-- Edited after it ran: the recorded checksum is the one of the text before the edit
ALTER TABLE public.projects ADD COLUMN owner uuid NOT NULL;
