# g2l: converted from jobs/casts.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
import glue_compat


def typed(raw: DataFrame):
    one = raw.withColumn("qty", F.col("qty").try_cast("int"))
    both = glue_compat.resolve_choice(raw, [("qty", "cast:long"), ("price", "project:double")])
    lined = glue_compat.resolve_choice(raw, [
            ("qty", "cast:long"),
            ("price", "project:decimal(18,4)"),
        ])
    nested = glue_compat.resolve_choice(raw, [("items[].price", "cast:double"), ("address.zip", "cast:string")])
    computed = glue_compat.resolve_choice(raw, [(name, "cast:string") for name in raw.columns])
    return one, both, lined, nested, computed
