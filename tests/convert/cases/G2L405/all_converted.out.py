# g2l: converted from jobs/all_converted.py
from pyspark.sql import functions as F

DerivedColumn_node1700000000006 = (
    Limits_node1700000000001
    .withColumn(
        "headroom",
        F.expr("credit_limit - utilisation"),
    )
)
