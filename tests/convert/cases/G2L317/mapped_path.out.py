# g2l: converted from jobs/mapped_path.py
# case-config: {"paths": {"s3://risk-debug/": "/Volumes/dev/risk/debug/"}}
from pyspark.sql import DataFrame
import glue_compat


def sample(trades: DataFrame, where: str):
    # a literal S3 path goes through [convert] paths as a writer's does; a computed one stays
    # g2l: review G2L317: Spigot writes sample records to a path: as converted, where Databricks cannot write there the job fails here: check it can, or drop this debugging step
    checked = glue_compat.spigot(trades, "/Volumes/dev/risk/debug/trades", {"topk": 10})
    # g2l: review G2L317: Spigot writes sample records to a path: as converted, where Databricks cannot write there the job fails here: check it can, or drop this debugging step
    again = glue_compat.spigot(trades, where)
    return checked, again
