from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Unbox


def parse(events: DynamicFrame):
    parsed = Unbox.apply(frame=events, path="payload", format="json", transformation_ctx="parsed")
    method = events.unbox("meta.raw", "json")
    csv = Unbox.apply(frame=events, path="line", format="csv", separator="|")
    return parsed, method, csv
