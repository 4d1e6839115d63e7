# g2l: converted from jobs/purge_table.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from pyspark.sql import SparkSession


def clean(glue_context: SparkSession, day):
    # drop old partitions' files; the table itself stays
    # g2l: review G2L205: purge_table deletes the files of table prod.risk.trades_staging older than 1 hours (retentionPeriod) in partitions matching f"day < '{day}'" and keeps the table: for a Delta table DELETE the rows (by partition) and let VACUUM remove the files
    glue_context.purge_table("risk", "trades_staging", options={"partitionPredicate": f"day < '{day}'", "retentionPeriod": 1})
    # g2l: review G2L205: purge_table deletes the files of the table older than 168 hours (Glue's default retentionPeriod) and keeps the table: for a Delta table DELETE the rows (by partition) and let VACUUM remove the files
    glue_context.purge_table(database=db, table_name="fills")
