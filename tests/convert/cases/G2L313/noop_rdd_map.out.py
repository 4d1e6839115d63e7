# g2l: converted from jobs/noop_rdd_map.py
def pairs(df):
    return df.rdd.map(lambda r: (r[0], r[1]))
