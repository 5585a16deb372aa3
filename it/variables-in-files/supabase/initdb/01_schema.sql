CREATE SCHEMA :"app_schema";
