# g2l: converted from jobs/purge_table.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from pyspark.sql import SparkSession
import glue_compat


def clean(glue_context: SparkSession, day):
    # drop old partitions' files; the table itself stays
    # g2l: review G2L205: purge_table deletes the files of table prod.risk.trades_staging older than 1 hours (retentionPeriod) in partitions matching f"day < '{day}'" and keeps the table (partitionPredicate has no equivalent here): as written this fails at run time and deletes nothing; for a Delta table DELETE the rows (by partition) and let VACUUM remove the files
    glue_context.purge_table("risk", "trades_staging", options={"partitionPredicate": f"day < '{day}'", "retentionPeriod": 1})
    # g2l: review G2L205: glue_compat.purge_table deletes the files of the table older than 168 hours (Glue's default retentionPeriod) under its location, as Glue does for a table of files; on a Delta table it stops with an error and deletes nothing (its files are its versions): there DELETE the old rows and VACUUM; the database is computed at run time: as converted, its value is the schema name as it is ([convert] databases overrides and backticks could not apply): check the Unity Catalog schema
    glue_compat.purge_table(glue_context, f"main.{db}.fills")


def expire(glue_context: SparkSession):
    # g2l: review G2L205: glue_compat.purge_table deletes the files of table prod.risk.fills_raw of any age (retentionPeriod 0) under its location, as Glue does for a table of files; on a Delta table it stops with an error and deletes nothing (its files are its versions): there DELETE the old rows and VACUUM
    glue_compat.purge_table(glue_context, "prod.risk.fills_raw", options={"retentionPeriod": 0})
