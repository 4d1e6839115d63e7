from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import *


def typed(raw: DynamicFrame):
    one = raw.resolveChoice(specs=[("qty", "cast:int")])
    both = ResolveChoice.apply(frame=raw, specs=[("qty", "cast:long"), ("price", "project:double")])
    lined = ResolveChoice.apply(
        raw,
        [
            ("qty", "cast:long"),
            ("price", "project:decimal(18,4)"),
        ],
    )
    nested = raw.resolveChoice(specs=[("items[].price", "cast:double"), ("address.zip", "cast:string")])
    computed = raw.resolveChoice(specs=[(name, "cast:string") for name in raw.toDF().columns])
    return one, both, lined, nested, computed
