from pyspark.sql import DataFrame


# returns a dict of DataFrames already: no DynamicFrameCollection to check
def split_by_region(frame: DataFrame) -> dict[str, DataFrame]:
    return {region: frame.where(frame.region == region) for region in ("eu", "us")}
