# g2l: converted from jobs/star_and_constructors.py
from pyspark.sql.types import ArrayType
from pyspark.sql.types import DecimalType
from pyspark.sql.types import MapType
from pyspark.sql.types import StructType
from glue_compat import ChoiceType


def is_choice(data_type):
    # g2l: review G2L404: ChoiceType exists only in DynamicFrame schemas: a DataFrame column never has it, so as converted, glue_compat's stand-in matches nothing: simplify this check
    return isinstance(data_type, ChoiceType)


def nested(data_type):
    return isinstance(data_type, (StructType, ArrayType, MapType))


amount_type = DecimalType(10, 2)
