ALTER TABLE pmoves_core.service_catalog ALTER COLUMN description DROP NOT NULL;
ALTER TABLE pmoves_core.service_catalog ALTER COLUMN description DROP DEFAULT;
ALTER TABLE pmoves_core.service_catalog RENAME COLUMN description TO note;
