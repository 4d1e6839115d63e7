from awsglue.dynamicframe import DynamicFrame


def shape(df):
    return df.repartition(8).coalesce(2)


def by_column(trades: DynamicFrame):
    trades = trades.toDF()
    return trades.repartition(8, "book")
