def inspect(df):
    df.show(5)
    return df.schema, df.rdd.getNumPartitions()
