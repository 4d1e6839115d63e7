"""Checks the collateral feed against the schema the treasury team publishes."""

from awsglue.gluetypes import *

EXPECTED = StructType(
    [
        Field("collateral_id", StringType()),
        Field("counterparty_id", StringType()),
        Field("market_value", DecimalType(), {"currency": "EUR"}),
        Field("haircut", DoubleType()),
        Field("eligible_tenors", ArrayType(IntegerType())),
        Field("ratings", MapType(StringType())),
    ]
)


def missing_fields(schema) -> list:
    # names the feed lost since the last release
    present = {field.name for field in schema.fields}
    return [field.name for field in EXPECTED.fields if field.name not in present]


def unresolved_choices(schema) -> list:
    # a choice left in the schema means the feed mixes types in one column
    return [field.name for field in schema.fields if isinstance(field.dataType, ChoiceType)]
