from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ApplyMapping, Join


def incomplete(trades: DynamicFrame, books: DynamicFrame):
    joined = Join.apply(frame1=trades, frame2=books, keys1=["book_id"])
    mapped = ApplyMapping.apply(frame=trades)
    return joined, mapped
