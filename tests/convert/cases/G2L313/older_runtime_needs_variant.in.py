# case-config: {"runtime": "15.2"}
from awsglue.transforms import Map

trades = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")


def tag_desk(record):
    record["desk"] = record["book"].split("-")[0]
    return record


tagged = Map.apply(frame=trades, f=tag_desk)
