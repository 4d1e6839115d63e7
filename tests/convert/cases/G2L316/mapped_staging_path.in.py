# case-config: {"paths": {"s3://risk-tmp/": "/Volumes/dev/risk/tmp/"}}
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Relationalize


def tables(people: DynamicFrame, temp_dir: str):
    # a literal S3 staging path goes through [convert] paths; a computed one stays
    literal = Relationalize.apply(frame=people, staging_path="s3://risk-tmp/rel/", name="root")
    computed = people.relationalize("root", temp_dir)
    return literal, computed
