# g2l: converted from jobs/noop_dataframe.py
def inspect(df):
    df.show(5)
    # g2l: review G2L010: df.rdd.getNumPartitions() uses the RDD API, which Databricks serverless and standard access mode compute (Spark Connect) do not have, and a DataFrame has no partition count of its own: as written, there it fails and the job stops here: drop it, count distinct F.spark_partition_id() values, or run the job on dedicated (classic) compute
    return df.schema, df.rdd.getNumPartitions()
