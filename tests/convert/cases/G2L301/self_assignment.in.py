from awsglue.dynamicframe import DynamicFrame


def to_dataframe(trades: DynamicFrame):
    if trades:
        trades = trades.toDF()
    # the DataFrame from here on
    trades = trades.toDF()
    return trades
