from awsglue.gluetypes import ArrayType, StringType

rating_type = StringType(properties={"scale": "S&P"})
unknown_list = ArrayType()
