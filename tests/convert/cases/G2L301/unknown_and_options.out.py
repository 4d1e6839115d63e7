# g2l: converted from jobs/unknown_and_options.py
from pyspark.sql import DataFrame


def to_frame(source):
    # g2l: review G2L301: source.toDF(): if this is a DynamicFrame (a DataFrame after conversion), drop .toDF(); an RDD keeps it: as written, on a DataFrame it fails and the job stops
    return source.toDF()


def resolved(dyf: DataFrame, options):
    # g2l: review G2L301: toDF(options) resolves choice types with ResolveOption: as written, it fails on Databricks and the job stops: cast the columns instead
    return dyf.toDF(options)
