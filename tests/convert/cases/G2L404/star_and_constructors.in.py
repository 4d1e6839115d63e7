from awsglue.gluetypes import *


def is_choice(data_type):
    return isinstance(data_type, ChoiceType)


def nested(data_type):
    return isinstance(data_type, (StructType, ArrayType, MapType))


amount_type = DecimalType()
