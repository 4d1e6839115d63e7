# g2l: converted from jobs/self_assignment.py
from pyspark.sql import DataFrame


def to_dataframe(trades: DataFrame):
    if trades:
        pass
    # the DataFrame from here on
    trades = trades
    return trades
