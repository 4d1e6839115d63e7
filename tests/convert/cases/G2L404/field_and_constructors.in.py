from awsglue.gluetypes import *

# the schema the collateral feed is validated against
collateral_schema = StructType(
    [
        Field("collateral_id", StringType()),
        Field("haircut", DecimalType(), {"source": "treasury"}),
        Field(name="tenor_buckets", dataType=MapType(IntegerType()), properties={}),
        Field("ratings", ArrayType(StringType())),
    ]
)
notional_type = DecimalType(18)
