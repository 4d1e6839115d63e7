# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from awsglue.context import GlueContext


def clean(glue_context: GlueContext, day):
    # drop old partitions' files; the table itself stays
    glue_context.purge_table("risk", "trades_staging", options={"partitionPredicate": f"day < '{day}'", "retentionPeriod": 1})
    glue_context.purge_table(database=db, table_name="fills")


def expire(glue_context: GlueContext):
    glue_context.purge_table(database="risk", table_name="fills_raw", options={"retentionPeriod": 0})
