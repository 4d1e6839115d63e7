# g2l: converted from jobs/noop_rdd_map.py
def pairs(df):
    # g2l: review G2L010: this line uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have: as written, there it fails and the job stops here: use DataFrames (spark.createDataFrame(rows), spark.read; a Python UDF or mapInPandas for a per-record function), or run the job on dedicated (classic) compute
    return df.rdd.map(lambda r: (r[0], r[1]))
