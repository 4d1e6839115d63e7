# g2l: converted from jobs/self_assignment.py
from pyspark.sql import DataFrame


def to_dataframe(trades: DataFrame):
    if trades:
        pass
    # the DataFrame from here on
    # g2l: review G2L301: trades.toDF(): if this is a DynamicFrame (a DataFrame after conversion), drop .toDF(); an RDD keeps it: as written, on a DataFrame it fails and the job stops
    trades = trades.toDF()
    return trades
