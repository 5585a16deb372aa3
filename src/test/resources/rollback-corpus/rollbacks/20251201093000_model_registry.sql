DROP TABLE pmoves_core.model_registry;
