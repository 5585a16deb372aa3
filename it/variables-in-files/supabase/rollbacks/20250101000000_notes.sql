DELETE FROM :"app_schema".notes WHERE tenant = :'region';
DROP TABLE :"app_schema".notes;
