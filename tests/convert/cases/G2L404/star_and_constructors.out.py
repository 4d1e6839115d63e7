# g2l: converted from jobs/star_and_constructors.py
from awsglue.gluetypes import ChoiceType
from pyspark.sql.types import ArrayType
from pyspark.sql.types import DecimalType
from pyspark.sql.types import MapType
from pyspark.sql.types import StructType


def is_choice(data_type):
    # g2l: review G2L404: ChoiceType is an AWS Glue type with no pyspark.sql.types namesake: rewrite this for the DataFrame's Spark schema
    return isinstance(data_type, ChoiceType)


def nested(data_type):
    return isinstance(data_type, (StructType, ArrayType, MapType))


# g2l: review G2L404: DecimalType(...) from awsglue.gluetypes takes other arguments than pyspark.sql.types' (DecimalType defaults to (10, 2), MapType takes a value type only, StructType takes Fields): check the converted type
amount_type = DecimalType()
