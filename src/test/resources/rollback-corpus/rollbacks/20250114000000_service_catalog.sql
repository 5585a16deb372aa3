DROP TABLE pmoves_core.service_catalog;
DROP SCHEMA pmoves_core;
