CREATE TABLE public.agent_tasks (id bigserial PRIMARY KEY, agent_id bigint NOT NULL REFERENCES public.agents);
