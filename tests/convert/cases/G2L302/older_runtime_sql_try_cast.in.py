# case-config: {"runtime": "14.3"}
from awsglue.transforms import ApplyMapping

positions = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="positions")
# Databricks Runtime 14.3 has no Column.try_cast: the casts go through SQL's try_cast
mapped = ApplyMapping.apply(
    frame=positions,
    mappings=[
        ("position id", "string", "position_id", "long"),
        ("book.desk", "string", "desk", "string"),
        ("mtm.amount", "string", "mtm", "decimal(18,2)"),
        ("`fx.rate`", "string", "fx_rate", "double"),
    ],
)
