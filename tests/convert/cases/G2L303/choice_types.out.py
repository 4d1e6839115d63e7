# g2l: converted from jobs/choice_types.py
from pyspark.sql import DataFrame


def split(raw: DataFrame):
    # keep both versions of the turnover
    # g2l: review G2L303: resolveChoice make_cols/make_struct or an unknown type: a DataFrame has no choice types to split (Spark's reader picked one type): check the columns below
    cols = raw.resolveChoice(specs=[("turnover", "make_cols")], transformation_ctx="cols")
    # g2l: review G2L303: resolveChoice(choice='make_struct'): a DataFrame has no choice types (Spark's reader picked one type per column): cast the columns that need it
    struct = raw.resolveChoice(choice="make_struct")
    # g2l: review G2L303: resolveChoice(choice='cast:string'): a DataFrame has no choice types (Spark's reader picked one type per column): cast the columns that need it
    every = raw.resolveChoice(choice="cast:string")
    return cols, struct, every
