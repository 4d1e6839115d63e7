# g2l: converted from jobs/mapped_staging_path.py
# case-config: {"paths": {"s3://risk-tmp/": "/Volumes/dev/risk/tmp/"}}
from pyspark.sql import DataFrame
import glue_compat


def tables(people: DataFrame, temp_dir: str):
    # a literal S3 staging path goes through [convert] paths; a computed one stays
    literal = glue_compat.relationalize(people, "root", "/Volumes/dev/risk/tmp/rel/")
    computed = glue_compat.relationalize(people, "root", temp_dir)
    return literal, computed
