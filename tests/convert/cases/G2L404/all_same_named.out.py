# g2l: converted from jobs/all_same_named.py
from pyspark.sql.types import StructType, NullType as Null


def null_fields(schema: StructType):
    return [f.name for f in schema if isinstance(f.dataType, Null)]
