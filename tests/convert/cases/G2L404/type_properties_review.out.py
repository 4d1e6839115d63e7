# g2l: converted from jobs/type_properties_review.py
from pyspark.sql.types import ArrayType, StringType

# g2l: review G2L404: StringType(...) from awsglue.gluetypes takes other arguments than pyspark.sql.types' (a type's properties, an unknown keyword, *args): as written, they go to pyspark.sql.types' constructor, which fails (and stops the job) unless they fit it: write the Spark type by hand
rating_type = StringType(properties={"scale": "S&P"})
# g2l: review G2L404: ArrayType() from awsglue.gluetypes holds UnknownType values; pyspark.sql.types' needs the element type: as written, it fails without one and the job stops: write it
unknown_list = ArrayType()
