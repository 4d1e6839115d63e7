from awsglue.dynamicframe import *


def text_columns(record):
    # the legacy desk code still spells str the Python 2 way
    return [key for key, value in record.items() if isinstance(value, basestring)]
