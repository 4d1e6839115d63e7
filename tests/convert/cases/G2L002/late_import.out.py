# g2l: converted from jobs/late_import.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def later():
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


from pyspark.sql import SparkSession
