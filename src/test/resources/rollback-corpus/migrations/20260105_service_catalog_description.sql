ALTER TABLE pmoves_core.service_catalog RENAME COLUMN note TO description;
ALTER TABLE pmoves_core.service_catalog ALTER COLUMN description SET DEFAULT '';
UPDATE pmoves_core.service_catalog SET description = '' WHERE description IS NULL;
ALTER TABLE pmoves_core.service_catalog ALTER COLUMN description SET NOT NULL;
