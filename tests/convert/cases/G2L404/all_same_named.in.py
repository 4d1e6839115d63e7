from awsglue.gluetypes import StructType, NullType as Null


def null_fields(schema: StructType):
    return [f.name for f in schema if isinstance(f.dataType, Null)]
