# g2l: converted from jobs/union.py
from pyspark.sql import DataFrame


def everything(eu: DataFrame, us: DataFrame, apac: DataFrame):
    both = eu.unionByName(us, allowMissingColumns=True)
    more = both.unionByName(apac, allowMissingColumns=True)
    return more
