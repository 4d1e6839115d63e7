from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import *


def split(raw: DynamicFrame):
    # keep both versions of the turnover
    cols = ResolveChoice.apply(frame=raw, specs=[("turnover", "make_cols")], transformation_ctx="cols")
    struct = raw.resolveChoice(choice="make_struct")
    every = ResolveChoice.apply(raw, choice="cast:string")
    return cols, struct, every
