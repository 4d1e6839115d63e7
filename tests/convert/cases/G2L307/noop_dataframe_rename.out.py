# g2l: converted from jobs/noop_dataframe_rename.py
def renamed(df):
    return df.withColumnRenamed("ntl", "notional")
