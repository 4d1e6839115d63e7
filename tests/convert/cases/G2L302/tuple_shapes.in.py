from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ApplyMapping


def shapes(trades: DynamicFrame):
    two = ApplyMapping.apply(frame=trades, mappings=[("ntl", "notional")])
    three = trades.apply_mapping([("qty", "quantity", "int")])
    nested = trades.apply_mapping([("cpty.id", "string", "counterparty_id", "string"),
                                   ("`desk.code`", "string", "desk", "string")])
    built = trades.apply_mapping([("book", "string", "meta.book", "string"),
                                  ("desk", "string", "meta.desk", "string"),
                                  ("id", "long", "id", "long")])
    single = trades.apply_mapping(("id", "string", "id", "long"))
    return two, three, nested, built, single
