# g2l: converted from jobs/field_and_constructors.py
from pyspark.sql.types import ArrayType
from pyspark.sql.types import DecimalType
from pyspark.sql.types import IntegerType
from pyspark.sql.types import MapType
from pyspark.sql.types import StringType
from pyspark.sql.types import StructField
from pyspark.sql.types import StructType

# the schema the collateral feed is validated against
collateral_schema = StructType(
    [
        StructField("collateral_id", StringType()),
        StructField("haircut", DecimalType(10, 2), metadata={"source": "treasury"}),
        StructField(name="tenor_buckets", dataType=MapType(StringType(), IntegerType()), metadata={}),
        StructField("ratings", ArrayType(StringType())),
    ]
)
notional_type = DecimalType(18, 2)
