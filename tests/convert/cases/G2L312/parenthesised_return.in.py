from awsglue.transforms import *


def positive_exposures(exposures):
    """Written without a space after `return`: the parentheses belong to the expression."""
    return(Filter.apply(frame=exposures, f=lambda row: row["exposure"] > 0))
