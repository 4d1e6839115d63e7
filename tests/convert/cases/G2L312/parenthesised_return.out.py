# g2l: converted from jobs/parenthesised_return.py
from pyspark.sql import functions as F


def positive_exposures(exposures):
    """Written without a space after `return`: the parentheses belong to the expression."""
    return(exposures.filter(F.col("exposure") > 0))
