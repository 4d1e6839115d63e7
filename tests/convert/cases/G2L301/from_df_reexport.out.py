# g2l: converted from jobs/from_df_reexport.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def as_frame(haircuts):
    return haircuts
