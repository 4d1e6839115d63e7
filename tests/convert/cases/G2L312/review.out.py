# g2l: converted from jobs/review.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
import glue_compat


def is_odd_lot(record):
    return record["qty"] % 100 != 0


def odd(trades: DataFrame, other):
    # g2l: review G2L312: where a compared field is null, Glue's lambda raised and dropped the record; as converted, with `or` this condition can keep it: check null handling
    either = trades.filter((F.col("ntl") > 1e6) | (F.col("book") == "EQ"))
    # g2l: review G2L312: is_odd_lot runs in Python for every record (glue_compat.filter_records): as converted, it keeps the records Glue kept (one it raises on is dropped, as in Glue), only slower: write it as a Column condition where you can
    lots = glue_compat.filter_records(trades, is_odd_lot)
    # g2l: review G2L312: this function runs in Python for every record (glue_compat.filter_records): as converted, it keeps the records Glue kept (one it raises on is dropped, as in Glue), only slower: write it as a Column condition where you can
    fancy = glue_compat.filter_records(trades, lambda r: r["name"].startswith("A"))
    # g2l: review G2L312: other.filter(function): if this is a DynamicFrame (a DataFrame now), use glue_compat.filter_records or Column expressions: as written, on a DataFrame it fails and the job stops
    unknown = other.filter(lambda r: r["qty"] > 0)
    return either, lots, fancy, unknown
