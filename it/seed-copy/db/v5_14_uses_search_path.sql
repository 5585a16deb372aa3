-- The dump above emptied search_path for its session; it is reset before this file runs
INSERT INTO models VALUES (7, 'local', 'unqualified', NULL);
