# g2l: converted from jobs/noop_dataframe.py
from pyspark.sql import DataFrame


def shape(df):
    return df.repartition(8).coalesce(2)


def by_column(trades: DataFrame):
    return trades.repartition(8, "book")
