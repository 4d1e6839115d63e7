import awsglue.transforms as T
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import DropNullFields


def clean(mapped: DynamicFrame):
    a = DropNullFields.apply(frame=mapped, transformation_ctx="clean")
    b = T.DropNullFields.apply(mapped)
    c = DropNullFields.apply(frame=DropNullFields.apply(frame=mapped))
    return a, b, c
