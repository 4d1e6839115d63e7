# g2l: converted from jobs/noop_dataframe.py
def inspect(df):
    df.show(5)
    return df.schema, df.rdd.getNumPartitions()
