def pairs(df):
    return df.rdd.map(lambda r: (r[0], r[1]))
