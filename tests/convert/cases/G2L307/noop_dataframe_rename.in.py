def renamed(df):
    return df.withColumnRenamed("ntl", "notional")
