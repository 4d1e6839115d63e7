# g2l: converted from jobs/missing_keys.py
from pyspark.sql import DataFrame


def incomplete(trades: DataFrame, books: DataFrame):
    # g2l: review G2L310: join without the arguments Glue requires: as written, it fails on Databricks and the job stops: convert it by hand
    joined = trades.join(frame2=books, paths1=["book_id"])
    # g2l: review G2L302: apply_mapping without the arguments Glue requires: as written, it fails on Databricks and the job stops: convert it by hand
    mapped = trades.apply_mapping()
    return joined, mapped
