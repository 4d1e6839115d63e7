# g2l: converted from jobs/choice_types.py
from pyspark.sql import DataFrame


def split(raw: DataFrame):
    # keep both versions of the turnover
    cols = raw
    struct = raw
    # g2l: review G2L303: resolveChoice(choice='cast:string'): a DataFrame has no choice types (Spark's reader picked one type per column) and no resolveChoice, so this fails at run time until rewritten: cast the columns that need it
    every = raw.resolveChoice(choice="cast:string")
    return cols, struct, every
