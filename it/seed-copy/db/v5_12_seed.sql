-- Data for Name: models; Type: TABLE DATA (pg_dump style)
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.models (id integer PRIMARY KEY, provider text, name text, notes text);

COPY public.models (id, provider, name, notes) FROM stdin;
1	anthropic	claude-sonnet-4-5	\N
2	openai	gpt-4o	a tab:\there
3	local	C:\\models\\llama.gguf	\N
\.

INSERT INTO public.models VALUES (4, 'local', 'after the data', NULL);

COPY public.models (id, provider, name, notes) FROM stdin;
5	ollama	qwen2.5	the last line, no newline
6	ollama	phi4	\N