# g2l: converted from jobs/split_fields.py
from pyspark.sql import DataFrame
import glue_compat


def split(trades: DataFrame):
    parts = {"core": trades.select(["trade_id", "ntl"]), "rest": trades.drop("trade_id", "ntl")}
    core = parts["core"]
    nested = glue_compat.split_fields(trades, ["address.city"], "where", "what")
    # g2l: review G2L308: SplitFields without name1 and name2: Glue named the parts after the frame (frame1/frame2 for an unnamed one): as written, it fails on Databricks and the job stops: name them and check the keys used below
    unnamed = trades.split_fields(paths=["trade_id"])
    return core, nested, unnamed
