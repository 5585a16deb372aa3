CREATE TABLE pmoves_core.model_registry (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text NOT NULL,
  model text NOT NULL,
  context_window integer CHECK (context_window > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX model_registry_provider_model_key ON pmoves_core.model_registry (provider, lower(model));
COMMENT ON TABLE pmoves_core.model_registry IS 'Models the agents may call';
INSERT INTO pmoves_core.model_registry (provider, model, context_window) VALUES ('openai', 'gpt-4o', 128000);
